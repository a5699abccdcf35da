"""The submissions tests' media folder, of each test's own: the fixture of tests/submissions and of
tests/processes/submissions."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Evidence goes to a throwaway MEDIA_ROOT; the login throttle starts clean."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    return settings.MEDIA_ROOT
