"""Readiness checks: the database, Redis (service mode), a worker heartbeat, the recompute backlog, free space,
the object store (when there is one)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import F
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import files
from core.i18n import Text, either
from core.thai import digits, thai_num
from scoring.models import RecomputeRun, Standing

from .models import Heartbeat

WORKER = "worker"


@dataclass
class Check:
    name: str
    ok: bool
    detail: Text  # lazy: read in the language of the page or mail that shows it

    def as_dict(self) -> dict:
        return {"ok": self.ok, "detail": self.detail}


def _database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return Check("database", False, format_lazy(_("database unreachable: {exc}"), exc=exc))
    return Check("database", True, _("database answers"))


def _redis() -> Check:
    if not settings.REDIS_URL:
        return Check("redis", True, _("embedded mode: no Redis"))
    import redis  # inline: only service mode talks to Redis, and importing redis costs a process 0.2 s

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as exc:
        return Check("redis", False, format_lazy(_("Redis unreachable: {exc}"), exc=exc))
    return Check("redis", True, _("Redis answers"))


def _worker(now) -> Check:
    if not settings.REDIS_URL:
        return Check(WORKER, True, _("embedded mode: tasks run in-process"))
    beat = Heartbeat.objects.filter(name=WORKER).values_list("at", flat=True).first()
    limit = timedelta(seconds=settings.CDD4_HEARTBEAT_MAX_AGE_S)
    if beat is None or now - beat > limit:
        seen = f"{int((now - beat).total_seconds())} s" if beat else _("never")
        return Check(WORKER, False, format_lazy(_("no worker heartbeat for {seen}"), seen=seen))
    ago = int((now - beat).total_seconds())
    return Check(WORKER, True, format_lazy(_("heartbeat {ago} s ago"), ago=digits(ago)))


def _backlog(now) -> Check:
    stale = Standing.objects.filter(change_seq__gt=F("computed_seq")).count()
    last = RecomputeRun.objects.values_list("started_at", flat=True).first()
    # A burst is recomputed within seconds; stale results with no run for minutes mean nothing is recomputing.
    stuck = stale and (last is None or now - last > timedelta(seconds=settings.CDD4_BACKLOG_MAX_AGE_S))
    text = format_lazy(_("{stale} results waiting for recompute"), stale=digits(stale))
    return Check("recompute", not stuck, text)


def _disk() -> Check:
    # Uploads stream to the local disk first in both modes; in the embedded default the files stay there.
    free_mb = shutil.disk_usage(files.upload_tmp_dir()).free // (1024 * 1024)
    ok = free_mb >= settings.CDD4_MIN_FREE_MB
    least = settings.CDD4_MIN_FREE_MB
    return Check(
        "disk",
        ok,
        format_lazy(
            _("{free} MB free (at least {least})"),
            free=either(thai_num(free_mb), str(free_mb)),
            least=either(thai_num(least), str(least)),
        ),
    )


def _store() -> list[Check]:
    """The object store answers (service mode with CDD4_S3_BUCKET); nothing to ask of the media folder."""
    if files.on_disk():
        return []
    try:
        files.exists("health/probe")
    except Exception as exc:  # any failure to reach it: the check says which
        why = type(exc).__name__
        return [Check("store", False, format_lazy(_("the object store does not answer: {why}"), why=why))]
    return [Check("store", True, _("the object store answers"))]


def checks_run() -> list[Check]:
    now = timezone.now()
    database = _database()
    if not database.ok:  # the rest read the database
        return [database, _redis(), _disk(), *_store()]
    return [database, _redis(), _worker(now), _backlog(now), _disk(), *_store()]
