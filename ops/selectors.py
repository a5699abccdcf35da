"""Reads for the status panel."""

from __future__ import annotations

from datetime import timedelta

import redis
from django.conf import settings
from django.utils import timezone

from scoring.models import RecomputeRun

from .health import checks_run
from .models import BackupRecord, BackupStatus, TaskFailure


def queue_depth() -> int | None:
    """Messages waiting in the default Celery queue (a Redis list); None in embedded mode or when unreachable."""
    if not settings.REDIS_URL:
        return None
    try:
        return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).llen("celery")
    except redis.RedisError:
        return None


def status_panel() -> dict:
    now = timezone.now()
    backup = BackupRecord.objects.filter(status=BackupStatus.DONE).first()
    return {
        "checks": checks_run(),
        "queue_depth": queue_depth(),
        "last_recompute": RecomputeRun.objects.select_related("rubric").first(),
        "failed_tasks": TaskFailure.objects.filter(at__gte=now - timedelta(days=1)).count(),
        "recent_failures": list(TaskFailure.objects.all()[:5]),
        "last_backup": backup,
        "backup_age_hours": int((now - backup.finished_at).total_seconds() // 3600) if backup else None,
        "last_failed_backup": BackupRecord.objects.filter(
            status=BackupStatus.FAILED, started_at__gte=now - timedelta(days=7)
        ).first(),
    }
