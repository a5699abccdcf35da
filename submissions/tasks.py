"""Thin tasks: a service call, idempotent."""

from celery import shared_task
from django.utils import translation

from notices.channels.line.client import LineRetryable

from . import maintenance, resumable
from .line import chat, filing


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


@shared_task(name="submissions.line_offer", acks_late=True)
def line_offer(set_id: int, whole: bool = True) -> bool:
    """A set sent from LINE, whole (or, `whole=False`, an image set that waited for pictures that never came): the
    quick reply of what the office owes (once, however often it runs)."""
    with translation.override("th"):  # the chat's words are Thai, whatever the worker's language
        return chat.line_set_offer(set_id=set_id, whole=whole)


@shared_task(name="submissions.line_expire", acks_late=True)
def line_expire() -> int:
    """Beat job, hourly: what was sent from LINE and never filed, dropped a day after (chat.line_sets_expire)."""
    return chat.line_sets_expire()


# LINE prepares a video for about as long as it plays; a set waits for it up to 30 tries 20 s apart (10 minutes).
@shared_task(
    name="submissions.line_file",
    bind=True,
    acks_late=True,
    autoretry_for=(LineRetryable,),
    retry_backoff=5,
    retry_backoff_max=120,
    max_retries=30,
)
def line_file(self, set_id: int) -> str:
    """A chosen set's files fetched from LINE and filed through the upload service, each once."""
    last = self.request.retries >= self.max_retries  # LINE never finished preparing a video: refused, not kept
    with translation.override("th"):
        outcome = filing.line_set_file(set_id=set_id, waits=not last)
    if outcome == filing.Filed.WAITING:
        raise self.retry(countdown=20)
    return outcome.value
