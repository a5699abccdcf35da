"""A backup restored by manage.py, in a process of its own, into an empty embedded deployment: the same
rows, files and standings come back."""

import json
import sqlite3

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from contests.actor import actor_of
from ops.models import BackupRecord, BackupStatus
from stages.services import stage_file_submit
from submissions.models import Evidence, EvidenceKind
from tests.ops.portal import embedded_only
from tests.stages.stage_support import load_chain, mp4, organiser
from tests.stages.test_stages import pick

from .deployment import manage


def live_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


@embedded_only
def test_backup_then_restore_into_empty_embedded_deployment_gives_same_standings_rows_and_files(
    portal, tmp_path, media_root
):
    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    before = live_counts()
    before["ops_backuprecord"] -= 1  # the record of this very backup is written after the dump
    assert manifest["tables"] == before
    assert BackupRecord.objects.get().status == BackupStatus.DONE

    fresh = tmp_path / "fresh"
    done = manage("restore", str(tmp_path / "snap"), var_dir=fresh)
    assert done.returncode == 0, done.stderr
    assert "กู้คืนแล้ว" in done.stdout

    restored = sqlite3.connect(fresh / "db.sqlite3")
    counts = {t: restored.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in manifest["tables"]}
    assert counts == manifest["tables"]
    evidence = Evidence.objects.filter(kind=EvidenceKind.FILE)
    assert evidence.count() == 4
    for e in evidence:
        assert (fresh / "media" / e.stored_path).read_bytes() == (media_root / e.stored_path).read_bytes()
        assert {"path": e.stored_path, "sha256": e.sha256, "size": e.size} in manifest["files"]
    assert (fresh / "media" / "awards" / "results.pdf").is_file()

    standings = manage("standings", "--year", "2566", "--format", "json", var_dir=fresh)
    assert json.loads(standings.stdout) == portal
    rescored = manage("standings", "--year", "2566", "--format", "json", "--recompute", var_dir=fresh)
    # A full rescore of the restored data agrees with the stored standings (only the time differs).
    assert [{**r, "computed_at": None} for r in json.loads(rescored.stdout)] == [
        {**r, "computed_at": None} for r in portal
    ]


@embedded_only
def test_a_stages_files_are_in_the_snapshot_and_come_back(portal, tmp_path, media_root):
    """Seed 002's videos and lessons-learned PDFs were left out of every snapshot."""
    chain = load_chain()
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)
    video = mp4(360)
    sent = stage_file_submit(
        actor=actor_of(chiang_mai),
        contest=chain.region_stage,
        unit=chain.rim_nua,
        code="video",
        upload=SimpleUploadedFile("clip.mp4", video),
    )

    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert {"path": sent.file.name, "sha256": sent.sha256, "size": len(video)} in manifest["files"]
    fresh = tmp_path / "fresh"
    done = manage("restore", str(tmp_path / "snap"), var_dir=fresh)
    assert done.returncode == 0, done.stderr
    assert (fresh / "media" / sent.file.name).read_bytes() == video
