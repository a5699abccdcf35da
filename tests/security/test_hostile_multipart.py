"""Hostile multipart bodies against the upload view: refused before any file is kept, never a 5xx."""

import pytest
from django.urls import reverse

from submissions.models import Evidence
from submissions.uploads import bad_body
from tests.submissions import files
from tests.submissions.conftest import stored_files

JSON = {"accept": "application/json"}
URL = ("submissions:upload", [2566, "TH-50", "1.1"])


def _pdf(name: str = "a.pdf"):
    return files.upload(name, files.pdf(), "application/pdf")


# Each body breaks one of Django's multipart limits (header size, DATA_UPLOAD_MAX_NUMBER_FIELDS/FILES).
BODIES = {
    "field_name_200k_chars": lambda: {"x" * 200_000: "v", "file": _pdf()},
    "fields_1500": lambda: {**{f"f{i}": "v" for i in range(1500)}, "file": _pdf()},
    "files_150": lambda: {"file": [_pdf(f"a{i}.pdf") for i in range(150)]},
}


@pytest.fixture
def owner_client(client, provincial_user):
    client.force_login(provincial_user)
    return client


@pytest.mark.parametrize("body", list(BODIES))
def test_upload_hostile_multipart_refused_and_nothing_stored(owner_client, media_root, body):
    response = owner_client.post(reverse(URL[0], args=URL[1]), BODIES[body](), headers=JSON)

    assert response.status_code == 400
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize("body", list(BODIES))
def test_upload_hostile_multipart_refusal_is_thai_json(owner_client, media_root, body):
    response = owner_client.post(reverse(URL[0], args=URL[1]), BODIES[body](), headers=JSON)

    assert response["Content-Type"] == "application/json"
    refused = response.json()["refused"]
    assert [(r["th"], r["en"]) for r in refused] == [(bad_body().th, bad_body().en)]


@pytest.mark.parametrize("body", list(BODIES))
def test_api_upload_hostile_multipart_refused_in_thai_and_nothing_stored(owner_client, media_root, body):
    payload = {"criterion": "1.1", **BODIES[body]()}
    response = owner_client.post("/api/v1/years/2566/evidence/", payload)

    assert response.status_code == 400
    assert response.json() == {"detail": bad_body().th, "detail_en": bad_body().en}
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


def test_upload_description_100k_chars_cut_to_300(owner_client, media_root):
    response = owner_client.post(
        reverse(URL[0], args=URL[1]), {"file": _pdf(), "description": "ก" * 100_000}, headers=JSON
    )

    assert response.status_code == 201
    assert Evidence.objects.get().description == "ก" * 300
