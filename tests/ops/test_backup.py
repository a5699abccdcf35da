import json
import sqlite3

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from contests.actor import actor_of
from ops.models import BackupRecord, BackupStatus
from stages.services import stage_file_submit
from submissions.models import Evidence, EvidenceKind
from tests.stages.stage_support import load_chain, mp4, organiser
from tests.stages.test_stages import pick

from .conftest import manage

# These restore into a fresh embedded deployment (SQLite); in service mode the same round trip runs against
# PostgreSQL in tests/services/test_backup_restore.py.
embedded_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="embedded (SQLite) round trip; PostgreSQL's is in tests/services"
)


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


def refusal(snapshot) -> str:
    with pytest.raises(CommandError) as exc:
        call_command("restore", str(snapshot))
    return str(exc.value)


def test_restore_refuses_tampered_evidence_file_naming_it(portal, tmp_path):
    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))
    path = Evidence.objects.filter(kind=EvidenceKind.FILE).first().stored_path
    copy = tmp_path / "snap" / "media" / path
    copy.write_bytes(copy.read_bytes().replace(b"%PDF", b"%PDX"))

    message = refusal(tmp_path / "snap")
    assert message.startswith("สำเนาข้อมูลเสียหายหรือไม่ครบ จึงไม่ได้กู้คืนสิ่งใด")
    assert f"media/{path}: SHA-256 ไม่ตรง" in message


def test_restore_refuses_snapshot_without_manifest_or_with_a_file_missing(portal, tmp_path):
    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))
    (tmp_path / "snap" / "media" / "awards" / "results.pdf").unlink()
    assert "media/awards/results.pdf: ไม่พบไฟล์" in refusal(tmp_path / "snap")

    (tmp_path / "snap" / "manifest.json").unlink()
    assert refusal(tmp_path / "snap").startswith("ไม่พบ manifest.json ใน")


@embedded_only
def test_restore_refuses_database_file_cut_short(portal, tmp_path):
    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))
    dump = tmp_path / "snap" / "database.sqlite3"
    dump.write_bytes(dump.read_bytes()[:4096])
    assert "database.sqlite3: SHA-256 ไม่ตรง" in refusal(tmp_path / "snap")


def test_restore_into_a_deployment_with_data_refused_and_nothing_touched(portal, tmp_path):
    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))
    evidence = Evidence.objects.count()
    assert refusal(tmp_path / "snap").startswith("ปลายทางไม่ว่าง")
    assert Evidence.objects.count() == evidence


def test_backup_into_root_keeps_the_newest_snapshots(portal, tmp_path):
    root = tmp_path / "backups"
    for stamp in ("cdd4-20260101-000000", "cdd4-20260102-000000"):
        (root / stamp).mkdir(parents=True)
        (root / stamp / "manifest.json").write_text("{}")
    (root / ".cdd4-20260103-000000.partial").mkdir()
    call_command("backup", "--into", str(root), "--keep", "2", stdout=open("/dev/null", "w"))
    names = sorted(p.name for p in root.iterdir())
    assert names[0] == "cdd4-20260102-000000"
    assert len(names) == 2 and names[1].startswith("cdd4-2026")


@pytest.mark.parametrize("stored_path", ["../secret.txt", "/etc/passwd", "evidence/link.pdf"])
def test_backup_copies_no_file_a_row_names_outside_media(portal, tmp_path, media_root, stored_path):
    """A row naming `../x`, an absolute path or a link out of the media folder."""
    (tmp_path / "secret.txt").write_text("not evidence")
    (media_root / "evidence" / "link.pdf").symlink_to(tmp_path / "secret.txt")
    row = Evidence.objects.filter(kind=EvidenceKind.FILE).first()
    Evidence.objects.filter(pk=row.pk).update(stored_path=stored_path)

    call_command("backup", str(tmp_path / "snap"), stdout=open("/dev/null", "w"))

    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert (len(manifest["files"]), manifest["missing"]) == (4, [stored_path])
    copied = [p for p in (tmp_path / "snap").rglob("*") if p.is_file() and p.read_bytes() == b"not evidence"]
    assert copied == []


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
