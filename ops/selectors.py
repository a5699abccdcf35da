"""Reads for the status panel."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from contests.actor import Power, actor_of
from contests.models import Unit
from rubrics.models import ContestPeriod, Dimension, YearSettings
from scoring.models import RecomputeRun, Standing, StandingsSnapshot

from .health import checks_run
from .models import BackupRecord, BackupStatus, TaskFailure


def queue_depth() -> int | None:
    """Messages waiting in the default Celery queue (a Redis list); None in embedded mode or when unreachable."""
    if not settings.REDIS_URL:
        return None
    import redis  # inline: only service mode talks to Redis, and importing redis costs a process 0.2 s

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
        "backup_age_hours": int((now - backup.finished_at).total_seconds() // 3600)
        if backup and backup.finished_at
        else None,
        "last_failed_backup": BackupRecord.objects.filter(
            status=BackupStatus.FAILED, started_at__gte=now - timedelta(days=7)
        ).first(),
    }


def _visible_to_entrants(rubric: ContestPeriod) -> bool:
    settings_row = YearSettings.objects.filter(rubric=rubric).first()
    published = StandingsSnapshot.objects.filter(rubric=rubric, published_at__isnull=False).exists()
    return published or bool(settings_row and settings_row.standings_visible_to_entrants)


def year_on_year(*, user, unit: Unit | None = None) -> dict:
    """Total and dimension points of the last two years side by side: every province (central staff) or one.

    Provincial staff see a year only once central staff let provinces see their standing, or published it.
    """
    rubrics = list(ContestPeriod.objects.national().order_by("-year")[:2])[::-1]
    if Power.FILE in actor_of(user).powers:
        rubrics = [r for r in rubrics if _visible_to_entrants(r)]
    results = Standing.objects.filter(rubric__in=rubrics).select_related("unit")
    if unit is not None:
        results = results.filter(unit=unit)
    by_province: dict[str, dict] = {}
    for r in results.order_by("unit__code"):
        row = by_province.setdefault(r.unit.code, {"unit": r.unit, "years": {}})
        row["years"][r.rubric_id] = r
    codes = sorted(
        {code for r in rubrics for code in Dimension.objects.filter(rubric=r).values_list("code", flat=True)}
    )
    rows = []
    for row in by_province.values():
        cells = [row["years"].get(r.pk) for r in rubrics]
        totals = [c.total if c else None for c in cells]
        first, last = totals if len(totals) == 2 else (None, None)
        change = last - first if first is not None and last is not None else None
        dims = [(code, [c.dimensions.get(code, "–") if c else "–" for c in cells]) for code in codes]
        rows.append({"unit": row["unit"], "totals": totals, "change": change, "dimensions": dims})
    return {"years": [r.year for r in rubrics], "rows": rows, "codes": codes}
