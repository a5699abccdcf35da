"""Snapshots: the database (pg_dump custom format, or SQLite's online backup API), every evidence file,
generated document and stage file named in that database (from the media folder or the object store, through
core.files), and manifest.json with a SHA-256 per file and row counts.

The database is read once, at one instant (PostgreSQL: an exported REPEATABLE READ snapshot shared with
pg_dump; SQLite: the backup copy itself); the files to copy are the ones the dumped rows name, so uploads
going on meanwhile never leave a row without its file in the snapshot.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from awards.models import GeneratedDocument
from core.errors import PortalError
from core.files import copy_out as files_copy_out
from core.i18n import Text, lazy, pick
from stages.models import StageUpload
from submissions.models import Evidence, EvidenceKind
from submissions.services import _sha256

from .models import RetentionTombstone

FORMAT = "cdd4-backup"
VERSION = 1
MANIFEST = "manifest.json"
DUMP = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class SnapshotError(PortalError):
    """A refusal with a Thai message first, then English, and the problems found (the first 20)."""

    def __init__(self, th: str, en: str, problems: Sequence[Text] | None = None):
        self.problems = problems or []
        super().__init__(th, en, text=_snapshot_text(th, en, self.problems))


def _lines(th: str, en: str, problems: Sequence[Text]) -> str:
    lines = [pick(th, en), *(f"  - {p}" for p in problems[:20])]
    if len(problems) > 20:
        more = format_lazy(_("and {value} more"), value=len(problems) - 20)
        lines.append(f"  {more}")
    return "\n".join(lines)


_snapshot_text = lazy(_lines, str)  # in the page's language when it is shown


@dataclass
class Snapshot:
    path: Path
    files: int = 0
    size: int = 0
    missing: list[str] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    return _sha256(str(path))


def named_files_sql() -> str:
    """Files the rows name: evidence versions not removed by retention, rendered documents, and the files a
    stage's picks were sent with (seed 002's videos and lessons-learned PDFs: they were left out before)."""
    ev, doc, tomb = Evidence._meta.db_table, GeneratedDocument._meta.db_table, RetentionTombstone._meta.db_table
    return (
        f"SELECT e.stored_path FROM {ev} e LEFT JOIN {tomb} t ON t.evidence_id = e.id "
        f"WHERE e.kind = '{EvidenceKind.FILE}' AND t.id IS NULL "
        f"UNION SELECT file FROM {doc} WHERE file <> '' "
        f"UNION SELECT s.file FROM {StageUpload._meta.db_table} s LEFT JOIN {tomb} t ON t.stage_upload_id = s.id "
        f"WHERE s.file <> '' AND t.id IS NULL"
    )


def _facts(cursor, tables: list[str]) -> tuple[dict[str, int], list[str]]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    cursor.execute(named_files_sql())
    return counts, sorted(row[0] for row in cursor.fetchall())


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["-h", db["HOST"] or "localhost", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    return args, env


def _dump_postgresql(target: Path) -> tuple[dict[str, int], list[str]]:
    args, env = _pg_env()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        dump = ["pg_dump", *args, "--format=custom", "--no-owner", f"--snapshot={snapshot}", f"--file={target}"]
        done = subprocess.run([*dump, connection.settings_dict["NAME"]], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SnapshotError("pg_dump ไม่สำเร็จ", "pg_dump failed", [done.stderr.strip()[-2000:]])
        return _facts(cursor, connection.introspection.table_names(cursor))


def _dump_sqlite(target: Path) -> tuple[dict[str, int], list[str]]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # online, consistent: the database as of one instant
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return _facts(cursor, [row[0] for row in cursor.fetchall()])
    finally:
        copy.close()


def backup_write(*, target: Path) -> Snapshot:
    """Writes a snapshot into `target` (must not exist); written under a temporary name, renamed when whole."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise SnapshotError("โฟลเดอร์ปลายทางมีไฟล์อยู่แล้ว", f"{target} is not empty")
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "media").mkdir(parents=True)
    vendor = connection.vendor
    if vendor not in DUMP:
        raise SnapshotError(f"ไม่รองรับฐานข้อมูล {vendor}", f"unsupported database {vendor}")
    dump = partial / DUMP[vendor]
    started = timezone.now()
    counts, named = (_dump_postgresql if vendor == "postgresql" else _dump_sqlite)(dump)
    snapshot = Snapshot(path=target)
    files: list[dict[str, Any]] = []
    for relative in named:
        copy = partial / "media" / relative
        # From the media folder or the object store alike; a row naming a file out of the store copies nothing.
        if not files_copy_out(relative, copy):
            snapshot.missing.append(relative)
            continue
        files.append({"path": relative, "sha256": sha256_file(copy), "size": copy.stat().st_size})
    snapshot.files, snapshot.size = len(files), sum(f["size"] for f in files) + dump.stat().st_size
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": started.isoformat(),
        "vendor": vendor,
        "database": {"file": dump.name, "sha256": sha256_file(dump), "size": dump.stat().st_size},
        "tables": counts,
        "files": files,
        "missing": snapshot.missing,
    }
    # The manifest is written last: a snapshot without one was cut short.
    (partial / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if target.exists():
        target.rmdir()
    partial.rename(target)
    return snapshot


def backup_rotate(*, root: Path, keep: int) -> list[Path]:
    """Removes all but the `keep` newest whole snapshots under `root` (and any cut-short ones)."""
    whole = sorted(p for p in Path(root).glob("cdd4-*") if (p / MANIFEST).is_file())
    removed = whole[:-keep] if keep > 0 else []
    removed += [p for p in Path(root).glob(".cdd4-*.partial")]
    for path in removed:
        shutil.rmtree(path)
    return removed
