"""Thin tasks: a service call, idempotent."""

from celery import shared_task

from . import maintenance, resumable


@shared_task(name="submissions.media_sweep", acks_late=True)
def media_sweep() -> int:
    """Beat job, daily: removes files left by uploads that died (see maintenance.media_sweep)."""
    report = maintenance.media_sweep()
    return len(report.temp_removed) + len(report.orphans_removed)


@shared_task(name="submissions.resumable_recover", acks_late=True)
def resumable_recover() -> int:
    """Beat job, every minute: saves uploads sent in pieces whose saving broke off (the web process killed while it
    saved), a few minutes after their last byte rather than at the next hourly sweep. One query when there is none."""
    return resumable.resumable_recover()


@shared_task(name="submissions.resumable_expire", acks_late=True)
def resumable_expire() -> int:
    """Beat job, hourly: saves uploads sent in pieces whose saving broke off, then removes those nobody finished,
    with their bytes (submissions/resumable.py)."""
    return resumable.resumable_sweep()
