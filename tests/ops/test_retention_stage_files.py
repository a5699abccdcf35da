"""PDPA retention covers the files sent for a stage's picks too (seed 002's videos of people and places): past
the period the file goes, the row and its SHA-256 stay with a tombstone, and backups stop naming it."""

from datetime import date

import pytest
from django.db import connection

from core import files
from ops.backup import named_files_sql
from ops.retention import retention_run
from tests.stages.test_stages import region_video_sent

pytestmark = pytest.mark.django_db


def test_a_stage_video_past_the_period_is_removed_its_row_kept(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path / "media"
    _, _, upload, video = region_video_sent(tmp_path)
    settings.CDD4_RETENTION_YEARS = 5
    ended = upload.entry.stage.contest.rubrics.get(period="").ends_on
    last_kept = ended.replace(year=ended.year + 5)

    kept = retention_run(dry_run=True, today=last_kept)
    with django_capture_on_commit_callbacks(execute=True):
        report = retention_run(dry_run=False, today=date.fromordinal(last_kept.toordinal() + 1))
    upload.refresh_from_db()
    with connection.cursor() as cursor:
        cursor.execute(named_files_sql())
        named = [row[0] for row in cursor.fetchall()]

    assert (kept.stage_due, report.stage_due, report.removed, report.bytes) == ([], [upload], 1, len(video))
    assert (upload.tombstone.sha256, upload.tombstone.size) == (upload.sha256, len(video))
    assert not files.exists(upload.file.name)
    assert upload.file.name not in named  # a backup no longer looks for it
