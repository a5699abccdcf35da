"""Writes of the operations app: backups and their records, heartbeats, alerts, retention."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.labels import bilingual

from .backup import Snapshot, SnapshotError, backup_rotate, backup_write
from .health import Check
from .models import BackupRecord, BackupStatus, CheckAlert, Heartbeat, TaskFailure


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


def heartbeat_record(*, name: str) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"at": timezone.now()})


def task_failure_record(*, task: str, error: str) -> None:
    TaskFailure.objects.create(task=task, at=timezone.now(), error=error[:2000])
    TaskFailure.objects.filter(at__lt=timezone.now() - timedelta(days=30)).delete()  # the panel shows 24 hours


def operators() -> list[str]:
    env = [a.strip() for a in settings.CDD4_OPERATORS if a.strip()]
    return env or [email for _, email in settings.ADMINS]


def alerts_update(*, checks: list[Check]) -> list[str]:
    """Marks red checks; e-mails the operators once per incident, when a check has stayed red long enough.

    Returns the names of the checks an e-mail went out for.
    """
    now = timezone.now()
    after = timedelta(seconds=settings.CDD4_ALERT_AFTER_S)
    due = []
    with transaction.atomic():
        for check in checks:
            alert, _ = CheckAlert.objects.select_for_update().get_or_create(check_name=check.name)
            if check.ok:
                alert.red_since = alert.notified_at = None
            elif alert.red_since is None:
                alert.red_since = now
            elif alert.notified_at is None and now - alert.red_since >= after:
                alert.notified_at = now
                due.append(check)
            alert.detail = str(check.detail)  # stored as the active language reads it
            alert.save()
    if due and operators():
        lines = [f"- {c.name}: {c.detail}" for c in due]
        red = bilingual(gettext_lazy("a readiness check stays red"))  # to operators, in both languages
        send_mail(
            f"[CDD4] {red}: " + ", ".join(c.name for c in due),
            "ตรวจสอบ / checks failing since at least "
            f"{settings.CDD4_ALERT_AFTER_S} s:\n" + "\n".join(lines) + "\n\n/ops/status/",
            None,
            operators(),
        )
    return [c.name for c in due]
