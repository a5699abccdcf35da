"""Rebuilds an empty deployment from a snapshot (ops/backup.py), after checking every byte of it first."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from itertools import islice
from pathlib import Path

from django.db import connection
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import files
from core.files import resolve_under

from .backup import DUMP, FORMAT, MANIFEST, VERSION, SnapshotError, _pg_env, sha256_file

DAMAGED = ("สำเนาข้อมูลเสียหายหรือไม่ครบ จึงไม่ได้กู้คืนสิ่งใด", "the snapshot is damaged or incomplete; nothing was restored")


def _plain_member(source: Path, name: str) -> bool:
    """A regular file's name inside the snapshot with no symlink on the way: a link could stand for any
    file on the machine, or for another member under a second name."""
    base = source.resolve()
    real = resolve_under(base, name)
    return real is not None and real == Path(os.path.normpath(base / name))


def snapshot_verify(*, source: Path) -> dict:
    """The manifest, once the database file and every listed file match their size and SHA-256, and every
    file would land inside the file store: one that would not (`../`, an absolute path, a symlink) refuses it all."""
    source = Path(source)
    if not (source / MANIFEST).is_file():
        raise SnapshotError(
            f"ไม่พบ {MANIFEST} ใน {source}: สำเนาไม่ครบ (การสำรองข้อมูลอาจถูกตัดกลางคัน)",
            f"no {MANIFEST} in {source}: an incomplete snapshot (the backup may have been cut short)",
        )
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        entries = [manifest["database"], *manifest["files"]]
        tables = manifest["tables"]
    except (ValueError, KeyError, TypeError) as exc:
        raise SnapshotError(f"{MANIFEST} อ่านไม่ได้", f"{MANIFEST} is unreadable", [str(exc)]) from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise SnapshotError("ไม่ใช่สำเนาข้อมูลของพอร์ทัลรุ่นนี้", "not a snapshot this portal version can restore")
    if not isinstance(tables, dict) or manifest.get("vendor") not in DUMP:
        raise SnapshotError(f"{MANIFEST} อ่านไม่ได้", f"{MANIFEST} is unreadable")
    problems = []
    for entry in entries:
        name = entry.get("file") or f"media/{entry['path']}"
        path = source / name
        if not _plain_member(source, name):
            problems.append(format_lazy(_("{name}: path leaves the snapshot or is a symlink"), name=name))
        elif "path" in entry and files.safe_name(entry["path"]) is None:
            problems.append(format_lazy(_("{name}: would be written outside the file store"), name=name))
        elif not path.is_file():
            problems.append(format_lazy(_("{name}: missing"), name=name))
        elif path.stat().st_size != entry["size"] or sha256_file(path) != entry["sha256"]:
            problems.append(format_lazy(_("{name}: its SHA-256 differs (changed or damaged)"), name=name))
    if problems:
        raise SnapshotError(*DAMAGED, problems)
    return manifest


def _ensure_empty(vendor: str) -> None:
    if connection.vendor != vendor:
        raise SnapshotError(
            f"สำเนานี้มาจากฐานข้อมูล {vendor} แต่ปลายทางเป็น {connection.vendor}",
            f"the snapshot is from {vendor}, the target database is {connection.vendor}",
        )
    tables = connection.introspection.table_names()
    stored = list(islice(files.names_under(""), 1000))
    if tables or stored:
        raise SnapshotError(
            "ปลายทางไม่ว่าง: กู้คืนได้เฉพาะฐานข้อมูลและโฟลเดอร์ไฟล์ที่ว่างเปล่า จึงไม่ได้แตะต้องสิ่งใด",
            "the target is not empty: restore needs an empty database and media folder; nothing was touched",
            [
                format_lazy(_("tables: {count}"), count=len(tables)),
                format_lazy(_("files in the store: {count}"), count=len(stored)),
            ],
        )


def _load_database(dump: Path, vendor: str) -> None:
    if vendor == "postgresql":
        args, env = _pg_env()
        name = connection.settings_dict["NAME"]
        restore = ["pg_restore", *args, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        done = subprocess.run([*restore, "-d", name, str(dump)], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SnapshotError("pg_restore ไม่สำเร็จ", "pg_restore failed", [done.stderr.strip()[-2000:]])
        return
    connection.close()
    source, target = sqlite3.connect(dump), sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def restore_run(*, source: Path) -> dict:
    """Checks the snapshot and the emptiness of the target, then loads the database and copies the files."""
    source = Path(source)
    manifest = snapshot_verify(source=source)
    _ensure_empty(manifest["vendor"])
    _load_database(source / manifest["database"]["file"], manifest["vendor"])
    for entry in manifest["files"]:
        files.copy_in(source / "media" / entry["path"], entry["path"])
        if files.sha256(entry["path"]) != entry["sha256"]:
            raise SnapshotError("ไฟล์ที่คัดลอกไม่ตรงกับสำเนา", "a copied file differs from the snapshot", [entry["path"]])
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    if counts != manifest["tables"]:
        expected = manifest["tables"]
        tables = sorted(t for t in set(counts) | set(expected) if counts.get(t) != expected.get(t))
        differ = [f"{t}: {expected.get(t)} → {counts.get(t)}" for t in tables]
        raise SnapshotError("จำนวนแถวหลังกู้คืนไม่ตรงกับสำเนา", "row counts after restore differ", differ)
    return manifest
