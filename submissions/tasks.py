"""Thin tasks: a service call, idempotent."""

from celery import shared_task

from . import maintenance, resumable


@shared_task(name="submissions.media_sweep", acks_late=True)
def media_sweep() -> int:
    """Beat job, daily: removes files left by uploads that died (see maintenance.media_sweep)."""
    report = maintenance.media_sweep()
    return len(report.temp_removed) + len(report.orphans_removed)


@shared_task(name="submissions.resumable_expire", acks_late=True)
def resumable_expire() -> int:
    """Beat job, hourly: saves uploads sent in pieces whose saving broke off, then removes those nobody finished,
    with their bytes (submissions/resumable.py)."""
    return resumable.resumable_sweep()
