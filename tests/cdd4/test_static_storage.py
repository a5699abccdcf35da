"""Production's static storage (cdd4/static_storage.py): a page naming a file the manifest lacks still renders."""

import json

import pytest
from django.urls import reverse

PAGE = reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])
NAMED = ["css/portal.css", "favicon.svg", "js/upload.js", "vendor/tus/tus.min.js"]


@pytest.fixture
def manifest_without_tus(settings, tmp_path):
    """Production's storage over a manifest that lacks tus-js-client, as an image built without its npm step."""
    paths = {name: name.replace(".", ".0123456789ab.", 1) for name in NAMED if not name.startswith("vendor/")}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1", "hash": "x"}))
    settings.STATIC_ROOT = tmp_path
    storage = {"BACKEND": "cdd4.static_storage.ForgivingManifestStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": storage}


def test_a_criterion_page_renders_when_the_manifest_lacks_one_of_its_scripts(
    manifest_without_tus, client, provincial_user
):
    client.force_login(provincial_user)

    response = client.get(PAGE)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<script src="/static/vendor/tus/tus.min.js" defer></script>' in html
    assert '<script src="/static/js/upload.0123456789ab.js" defer></script>' in html
