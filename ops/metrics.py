"""Prometheus metrics, fed by signals and hooks that already exist (no other app's code calls this).

With PROMETHEUS_MULTIPROC_DIR set (docker-compose: a volume shared by web and worker) the endpoint adds up
every process's samples, so the worker's task outcomes show on the web's /metrics.
"""

from __future__ import annotations

import logging
import os
import time

from celery import signals as celery_signals
from django.contrib.auth.signals import user_login_failed
from django.db import DatabaseError
from django.db.models.signals import post_save
from django.dispatch import receiver
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

from scoring.models import RecomputeRun
from submissions.models import Evidence, EvidenceKind

from . import services

REQUEST_SECONDS = Histogram("cdd4_request_seconds", "Request latency by view", ["view", "method"])
UPLOADS = Counter("cdd4_uploads", "Evidence files accepted", ["file_kind"])
UPLOAD_BYTES = Counter("cdd4_upload_bytes", "Bytes of evidence files accepted")
RECOMPUTE_SECONDS = Histogram("cdd4_recompute_seconds", "Standings recompute duration (runs that rescored)")
TASKS = Counter("cdd4_celery_tasks", "Celery task outcomes", ["task", "outcome"])
PDF_SECONDS = Histogram("cdd4_pdf_seconds", "Award PDF rendering time", buckets=(1, 2, 5, 10, 30, 60, 120, 300))
LOGIN_FAILURES = Counter("cdd4_login_failures", "Failed logins")
PDF_TASK = "awards.render_document"
logger = logging.getLogger("cdd4.ops")
_started: dict[str, float] = {}


def exposition() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest()


@receiver(post_save, sender=Evidence, dispatch_uid="ops.metrics.upload")
def _upload(sender, instance: Evidence, created: bool, **kwargs) -> None:
    if created and instance.kind == EvidenceKind.FILE:
        UPLOADS.labels(instance.file_kind).inc()
        UPLOAD_BYTES.inc(instance.size)


@receiver(post_save, sender=RecomputeRun, dispatch_uid="ops.metrics.recompute")
def _recompute(sender, instance: RecomputeRun, created: bool, **kwargs) -> None:
    if created:
        RECOMPUTE_SECONDS.observe(instance.duration_ms / 1000)


@receiver(user_login_failed, dispatch_uid="ops.metrics.login_failed")
def _login_failed(sender, **kwargs) -> None:
    LOGIN_FAILURES.inc()


@celery_signals.task_prerun.connect(dispatch_uid="ops.metrics.task_prerun")
def _task_prerun(task_id=None, task=None, **kwargs) -> None:
    _started[task_id] = time.monotonic()


@celery_signals.task_postrun.connect(dispatch_uid="ops.metrics.task_postrun")
def _task_postrun(task_id=None, task=None, state=None, **kwargs) -> None:
    started = _started.pop(task_id, None)
    TASKS.labels(task.name, (state or "unknown").lower()).inc()
    if task.name == PDF_TASK and started is not None:
        PDF_SECONDS.observe(time.monotonic() - started)


@celery_signals.task_failure.connect(dispatch_uid="ops.metrics.task_failure")
def _task_failure(sender=None, exception=None, **kwargs) -> None:
    try:
        services.task_failure_record(task=sender.name, error=repr(exception))
    except DatabaseError:  # the failure may be the database itself; the counter above still has it
        logger.warning("task failure of %s not recorded: database unavailable", sender.name)
