"""The outbox's workers: each takes ids (or nothing), and sending twice is prevented by the claim."""

from __future__ import annotations

from celery import shared_task

from . import outbox


@shared_task(name="notices.send")
def send(notice_id: int) -> int:
    """Queued on commit for a notice; then whatever else is due, so the in-process (embedded) path heals
    what an earlier failure left as the beat job does in service mode."""
    return outbox.send_due(notice_id=notice_id) + outbox.send_due(limit=50)


@shared_task(name="notices.send_due")
def send_due() -> int:
    return outbox.send_due()


@shared_task(name="notices.send_digests")
def send_digests() -> int:
    return outbox.send_digests()
