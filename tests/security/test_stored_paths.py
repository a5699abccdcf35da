"""A row naming a file outside the media folder (a crafted snapshot restored, a hand edit)
never has it served, zipped or deleted: the download answers 404 and the refusal is logged. (Copied: see
tests/ops/test_backup.py.)"""

import io
import logging
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from ops.retention import retention_run
from submissions.models import Evidence
from tests.submissions import files
from tests.submissions.test_services import _submit

SECRET = b"SECRET_KEY = 'not for the portal's users'\n"
# MEDIA_ROOT is <tmp>/var/media, as in a deployment: ../../cdd4/settings.py is <tmp>/cdd4/settings.py.
ESCAPES = ["../../cdd4/settings.py", "/etc/passwd", "evidence/link.pdf"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    (tmp_path / "cdd4").mkdir()
    (tmp_path / "cdd4" / "settings.py").write_bytes(SECRET)
    (settings.MEDIA_ROOT / "evidence").mkdir(parents=True)
    (settings.MEDIA_ROOT / "evidence" / "link.pdf").symlink_to(tmp_path / "cdd4" / "settings.py")
    return settings.MEDIA_ROOT


@pytest.fixture
def evidence(rubric, chiang_mai, provincial_user):
    return _submit(provincial_user, rubric, chiang_mai, "1.1", "report.pdf", files.pdf(b"% one\n"))


def named(evidence, stored_path: str) -> Evidence:
    Evidence.objects.filter(pk=evidence.pk).update(stored_path=stored_path)
    return Evidence.objects.get(pk=evidence.pk)


@pytest.mark.parametrize("x_accel", [False, True], ids=["django", "nginx"])
@pytest.mark.parametrize("stored_path", ESCAPES)
def test_download_of_a_row_naming_a_file_outside_media_is_404_and_logged(
    client, settings, caplog, evidence, provincial_user, stored_path, x_accel
):
    settings.CDD4_X_ACCEL = x_accel
    caplog.set_level(logging.INFO)
    named(evidence, stored_path)
    client.force_login(provincial_user)

    response = client.get(reverse("submissions:download", args=[evidence.pk]))

    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
    logged = [(r.name, getattr(r, "outcome", None)) for r in caplog.records if r.name != "django.request"]
    assert logged == [("core.files", None), ("cdd4.evidence_access", "refused")]
    assert caplog.records[0].getMessage() == f"stored file name outside the store refused: {stored_path!r}"


def test_download_of_a_row_inside_media_still_served(client, evidence, provincial_user):
    client.force_login(provincial_user)

    response = client.get(reverse("submissions:download", args=[evidence.pk]))

    assert (response.status_code, b"".join(response.streaming_content)) == (200, files.pdf(b"% one\n"))


@pytest.mark.parametrize("name", ESCAPES)
def test_document_download_of_a_file_outside_media_is_404(client, rubric, central_user, name):
    doc = GeneratedDocument.objects.create(
        rubric=rubric, kind=DocumentKind.RESULTS, source_key="k", version=1, status=DocumentStatus.DONE
    )
    GeneratedDocument.objects.filter(pk=doc.pk).update(file=name)
    client.force_login(central_user)

    assert client.get(f"/awards/documents/{doc.pk}/download/").status_code == 404
    assert client.get(f"/api/v1/documents/{doc.pk}/file").status_code == 404


@pytest.mark.parametrize("stored_path", ESCAPES)
def test_province_zip_leaves_out_a_file_outside_media(client, evidence, provincial_user, stored_path):
    named(evidence, stored_path)
    client.force_login(provincial_user)

    response = client.get("/ops/export/2566/TH-50.zip")

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert sorted(archive.namelist()) == ["index.csv", "innovation-reports.json"]
    assert "ไม่พบไฟล์" in archive.read("index.csv").decode("utf-8-sig")


def test_retention_deletes_nothing_outside_media(
    settings, tmp_path, evidence, media_root, django_capture_on_commit_callbacks
):
    settings.CDD4_RETENTION_YEARS = 0
    kept = media_root / evidence.stored_path
    named(evidence, "../../cdd4/settings.py")

    with django_capture_on_commit_callbacks(execute=True):
        report = retention_run(dry_run=False, today=date(2028, 10, 1))

    assert report.removed == 1
    assert ((tmp_path / "cdd4" / "settings.py").read_bytes(), kept.is_file()) == (SECRET, True)
