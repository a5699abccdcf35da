"""Disk full during an upload: a real small filesystem (tmpfs) as MEDIA_ROOT, filled until a write fails."""

import hashlib

import pytest
from django.urls import reverse

from submissions.models import Evidence
from submissions.uploads import storage_full
from tests.submissions import files

from .conftest import fill

pytestmark = pytest.mark.service
MB = 1024 * 1024
PAGE = ("submissions:upload", [2566, "TH-50", "4.1.1"])
API = "/api/v1/years/2566/evidence/"


def kept(disk) -> list[str]:
    """Every file under the media root but the filler: evidence and temp files."""
    return sorted(str(p.relative_to(disk)) for p in disk.rglob("*") if p.is_file() and p.name != "filler")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def owner(client, provincial_user):
    client.force_login(provincial_user)
    return client


def test_disk_full_upload_refused_in_thai_earlier_upload_intact(small_disk, owner):
    first = files.pdf(b"% first\n", size=MB)
    assert owner.post(API, {"criterion": "4.1.1", "file": files.upload("first.pdf", first)}).status_code == 201
    before = kept(small_disk)
    fill(small_disk, leave=256 * 1024)

    response = owner.post(API, {"criterion": "4.1.1", "file": files.upload("big.pdf", files.pdf(size=MB))})

    assert response.status_code == 507
    refusal = storage_full()
    assert response.json() == {  # the API's one error shape (core.api, docs/api.md)
        "type": "server_error",
        "errors": [
            {
                "code": "upload_refused",
                "detail": f"{refusal.th} / {refusal.en}",
                "th": refusal.th,
                "en": refusal.en,
                "attr": None,
            }
        ],
    }
    assert kept(small_disk) == before  # no temp file, no half-written evidence
    evidence = Evidence.objects.get()
    assert (small_disk / evidence.stored_path).read_bytes() == first
    assert evidence.sha256 == sha256(first)


def test_disk_full_page_upload_of_two_files_stores_neither(small_disk, owner):
    fill(small_disk, leave=512 * 1024)
    two = [files.upload("a.pdf", files.pdf(b"% a\n", size=300 * 1024)), files.upload("b.pdf", files.pdf(size=MB))]

    response = owner.post(reverse(PAGE[0], args=PAGE[1]), {"file": two}, headers={"accept": "application/json"})

    assert response.status_code == 507
    assert response.json() == {"created": [], "refused": [response.json()["refused"][0]]}
    assert response.json()["refused"][0]["th"] == storage_full().th
    assert Evidence.objects.count() == 0
    assert kept(small_disk) == []


def test_disk_full_then_space_freed_same_upload_accepted(small_disk, owner):
    data = files.pdf(b"% again\n", size=MB)
    fill(small_disk, leave=128 * 1024)
    refused = owner.post(API, {"criterion": "4.1.1", "file": files.upload("r.pdf", data)})
    (small_disk / "filler").unlink()  # the administrators free space

    accepted = owner.post(API, {"criterion": "4.1.1", "file": files.upload("r.pdf", data)})

    assert (refused.status_code, accepted.status_code) == (507, 201)
    evidence = Evidence.objects.get()
    assert (evidence.version, evidence.sha256) == (1, sha256(data))
    assert kept(small_disk) == [evidence.stored_path]
