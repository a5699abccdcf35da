"""A crafted snapshot cannot write outside the media folder; refused whole, nothing written."""

import hashlib
import json
import sqlite3

import pytest
from django.core.management import call_command

from .deployment import manage

OUTSIDE = "จะเขียนออกนอกที่เก็บไฟล์"  # the command speaks Thai, the default language
LINK = "ชื่อไฟล์ออกนอกโฟลเดอร์สำเนาหรือเป็นลิงก์"


def add_member(snap, path: str, data: bytes | None = None) -> str:
    """Lists `path` in the manifest with a true size and SHA-256, its bytes where restore reads them."""
    member = snap / f"media/{path}"
    member.parent.mkdir(parents=True, exist_ok=True)
    if data is not None:
        member.write_bytes(data)
    data = member.read_bytes()
    manifest = json.loads((snap / "manifest.json").read_text())
    manifest["files"].append({"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    (snap / "manifest.json").write_text(json.dumps(manifest))
    return f"media/{path}"


def dot_dot(snap, fresh, tmp_path):
    return add_member(snap, "../staticfiles/js/upload.js", b"alert(1)"), OUTSIDE, fresh / "staticfiles"


def absolute(snap, fresh, tmp_path):
    target = tmp_path / "elsewhere" / "upload.js"
    return add_member(snap, str(target), b"alert(1)"), OUTSIDE, target


def symlink_member(snap, fresh, tmp_path):
    """A link to another member (the database): it would be restored as evidence under a second name."""
    (snap / "media" / "evidence").mkdir(exist_ok=True)
    dump = json.loads((snap / "manifest.json").read_text())["database"]["file"]
    (snap / "media" / "evidence" / "x.pdf").symlink_to(snap / dump)
    return add_member(snap, "evidence/x.pdf"), LINK, fresh / "media"


def symlink_out_of_snapshot(snap, fresh, tmp_path):
    (tmp_path / "secret.txt").write_text("not evidence")
    (snap / "media" / "secret.pdf").symlink_to(tmp_path / "secret.txt")
    return add_member(snap, "secret.pdf"), LINK, fresh / "media"


def symlink_in_target(snap, fresh, tmp_path):
    """The target's media folder holds no file, only a link out: every file would be written through it."""
    (tmp_path / "elsewhere").mkdir()
    (fresh / "media").mkdir(parents=True)
    (fresh / "media" / "evidence").symlink_to(tmp_path / "elsewhere")
    manifest = json.loads((snap / "manifest.json").read_text())
    first = next(f["path"] for f in manifest["files"] if f["path"].startswith("evidence/"))
    return f"media/{first}", OUTSIDE, tmp_path / "elsewhere" / first.removeprefix("evidence/")


@pytest.mark.parametrize("craft", [dot_dot, absolute, symlink_member, symlink_out_of_snapshot, symlink_in_target])
def test_restore_of_a_member_landing_outside_media_refused_whole_and_nothing_written(portal, tmp_path, craft):
    snap, fresh = tmp_path / "snap", tmp_path / "fresh"
    call_command("backup", str(snap), stdout=open("/dev/null", "w"))
    name, problem, written = craft(snap, fresh, tmp_path)

    done = manage("restore", str(snap), var_dir=fresh)

    assert done.returncode == 1
    assert "สำเนาข้อมูลเสียหายหรือไม่ครบ จึงไม่ได้กู้คืนสิ่งใด" in done.stderr
    assert f"  - {name}: {problem}" in done.stderr.splitlines()
    assert not written.exists()
    assert [p for p in fresh.rglob("*") if p.is_file() and p.name != "db.sqlite3"] == []
    tables = sqlite3.connect(fresh / "db.sqlite3").execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == []
