import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from submissions.models import Evidence, EvidenceKind
from tests.ops.portal import embedded_only


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
