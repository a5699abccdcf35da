"""Each security test's own MEDIA_ROOT, an empty folder, and an empty cache: what one test stores (an upload)
or caches is never another's. Autouse in tests/security and tests/whole/security, whose conftests both import
it."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    return settings.MEDIA_ROOT
