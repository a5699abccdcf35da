"""Hostile multipart bodies against the upload view: refused before any file is kept, never a 5xx."""

import pytest
from django.urls import reverse

from submissions.models import Evidence
from submissions.uploads import bad_body, name_too_long
from tests.submissions import files
from tests.submissions.conftest import stored_files

JSON = {"accept": "application/json"}
URL = ("submissions:upload", [2566, "TH-50", "1.1"])


def _pdf(name: str = "a.pdf"):
    return files.upload(name, files.pdf(), "application/pdf")


# Each body breaks one of Django's multipart limits (header size, DATA_UPLOAD_MAX_NUMBER_FIELDS/FILES).
BODIES = {
    "field_name_200k_chars": lambda: {"x" * 200_000: "v", "file": _pdf()},
    "fields_6000": lambda: {**{f"f{i}": "v" for i in range(6000)}, "file": _pdf()},
    "files_150": lambda: {"file": [_pdf(f"a{i}.pdf") for i in range(150)]},
}
# Django's 1,024-byte limit on a part's headers is a name that is too long: the refusal says so.
REASON = {"field_name_200k_chars": name_too_long()}


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
    reason = REASON.get(body, bad_body())
    assert [(r["th"], r["en"]) for r in refused] == [(reason.th, reason.en)]


@pytest.mark.parametrize("body", list(BODIES))
def test_api_upload_hostile_multipart_refused_in_thai_and_nothing_stored(owner_client, media_root, body):
    payload = {"criterion": "1.1", **BODIES[body]()}
    response = owner_client.post("/api/v1/years/2566/evidence/", payload)

    assert response.status_code == 400
    reason = REASON.get(body, bad_body())
    assert response.json() == {  # the API's one error shape (core.api, docs/api.md)
        "type": "client_error",
        "errors": [
            {
                "code": "upload_refused",
                "detail": f"{reason.th} / {reason.en}",
                "th": reason.th,
                "en": reason.en,
                "attr": None,
            }
        ],
    }
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


def test_upload_description_100k_chars_cut_to_300(owner_client, media_root):
    response = owner_client.post(
        reverse(URL[0], args=URL[1]), {"file": _pdf(), "description": "ก" * 100_000}, headers=JSON
    )

    assert response.status_code == 201
    assert Evidence.objects.get().description == "ก" * 300


def _multipart(filename: str) -> bytes:
    """As a browser sends it: the whole UTF-8 name (Django's own test client cuts names to 255 characters)."""
    head = f'--B\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
    head += "Content-Type: application/pdf\r\n\r\n"
    return head.encode() + files.pdf() + b"\r\n--B--\r\n"


@pytest.mark.parametrize("chars, status", [(300, 201), (340, 400)])
def test_upload_long_thai_file_name_is_kept_or_refused_with_the_real_reason(owner_client, media_root, chars, status):
    name = ("รายงานผลการดำเนินงาน" * 20)[:chars] + ".pdf"  # 3 bytes a character: 340 pass 1,024 bytes
    response = owner_client.post(
        reverse(URL[0], args=URL[1]), _multipart(name), content_type="multipart/form-data; boundary=B", headers=JSON
    )

    assert response.status_code == status
    if status == 400:
        assert response.json()["refused"][0]["th"] == name_too_long().th
        assert response.json()["refused"][0]["th"].startswith("ชื่อไฟล์ยาวเกินไป")
        assert Evidence.objects.count() == 0
    else:
        assert Evidence.objects.get().original_name == name[:116] + ".pdf"  # names are kept to 120 characters
