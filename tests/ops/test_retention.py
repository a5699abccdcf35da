import io
import zipfile
from datetime import date

import pytest
from django.core.management import call_command

from ops.models import RetentionTombstone
from ops.retention import retention_run
from submissions.models import Evidence
from tests.submissions import files
from tests.submissions.test_services import _submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(rubric, chiang_mai, provincial_user, media_root):
    first = _submit(provincial_user, rubric, chiang_mai, "1.1", "report.pdf", files.pdf(b"% one\n"))
    second = _submit(provincial_user, rubric, chiang_mai, "2.2.1", "photo.png", files.png())
    return first, second


def test_retention_dry_run_lists_only_files_past_the_period_and_keeps_them(sent, media_root, settings):
    settings.CDD4_RETENTION_YEARS = 5  # 2566 ended 30 Sep 2023: kept until 30 Sep 2028
    assert retention_run(dry_run=True, today=date(2028, 9, 30)).due == []
    due = retention_run(dry_run=True, today=date(2028, 10, 1)).due
    assert due == sorted(sent, key=lambda e: e.pk)
    assert all((media_root / e.stored_path).is_file() for e in sent)
    assert not RetentionTombstone.objects.exists()


def test_retention_run_removes_files_keeps_rows_and_a_tombstone(
    sent, media_root, settings, django_capture_on_commit_callbacks
):
    settings.CDD4_RETENTION_YEARS = 5
    with django_capture_on_commit_callbacks(execute=True):
        report = retention_run(dry_run=False, today=date(2028, 10, 1))
    assert (report.removed, report.bytes) == (2, sum(e.size for e in sent))
    for e in sent:
        assert not (media_root / e.stored_path).exists()
        kept = Evidence.objects.get(pk=e.pk)
        assert (kept.stored_path, kept.sha256) == (e.stored_path, e.sha256)
        assert (kept.tombstone.sha256, kept.tombstone.size) == (e.sha256, e.size)
    assert retention_run(dry_run=True, today=date(2028, 10, 1)).due == []  # once only


def test_retention_command_dry_run_prints_the_list(sent, settings):
    settings.CDD4_RETENTION_YEARS = 0  # everything of a finished year is due
    out = io.StringIO()
    call_command("retention", "--dry-run", stdout=out)
    assert f"2566 TH-50 1.1 v1 {sent[0].stored_path} {sent[0].size}" in out.getvalue()
    assert "จะลบ" in out.getvalue()
    assert RetentionTombstone.objects.count() == 0


def test_province_zip_owner_gets_every_version_others_do_not(client, sent, provincial_user, phuket_user):
    url = "/ops/export/2566/TH-50.zip"
    assert client.get(url).status_code == 302
    client.force_login(phuket_user)
    assert client.get(url).status_code == 404
    client.force_login(provincial_user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cdd4-2566-th-50-evidence.zip"'
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert sorted(archive.namelist()) == [
        "1.1/v1-report.pdf",
        "2.2.1/v1-photo.png",
        "index.csv",
        "innovation-reports.json",
    ]
    assert archive.read("1.1/v1-report.pdf") == files.pdf(b"% one\n")
    index = archive.read("index.csv").decode("utf-8-sig").splitlines()
    assert index[0].startswith("criterion,version,kind,file_in_zip")
    assert len(index) == 3
