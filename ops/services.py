"""Writes of the operations app: backups and their records, heartbeats, alerts, retention."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from .backup import Snapshot, SnapshotError, backup_rotate, backup_write
from .models import BackupRecord, BackupStatus


def backup_create(*, target: Path, keep: int | None = None) -> Snapshot:
    """A snapshot and its BackupRecord (failed ones recorded too); with `keep`, older snapshots pruned."""
    started = timezone.now()
    try:
        snapshot = backup_write(target=target)
    except (SnapshotError, OSError) as exc:
        BackupRecord.objects.create(
            started_at=started, finished_at=timezone.now(), status=BackupStatus.FAILED, path=str(target), error=str(exc)
        )
        raise SnapshotError("สำรองข้อมูลไม่สำเร็จ", "backup failed", [str(exc)]) from exc
    BackupRecord.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        status=BackupStatus.DONE,
        path=str(target),
        files=snapshot.files,
        size=snapshot.size,
        error="\n".join(f"missing: {p}" for p in snapshot.missing),
    )
    if keep is not None:
        backup_rotate(root=Path(target).parent, keep=keep)
    return snapshot
