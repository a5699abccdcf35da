"""The outbox's workers: each takes ids (or nothing), and sending twice is prevented by the claim."""

from __future__ import annotations

from celery import shared_task

from . import outbox


@shared_task(name="notices.send")
def send(notice_id: int) -> int:
    """Queued on commit for a notice (by as many senders as its messages fill, notices.services): its share, then
    whatever else is due, so the in-process (embedded) path heals what an earlier failure left as the beat job does
    in service mode. In service mode it goes on while the notice has messages due now or within a lease (another
    share; what a killed sender held), so a notice to everyone is out without waiting for the beat job's minutes."""
    sent = outbox.send_due(notice_id=notice_id)
    if not send.app.conf.task_always_eager:  # in-process, a countdown would not wait: the beat job's to send
        wait = outbox.next_due(notice_id=notice_id)
        if wait is not None:
            send.apply_async((notice_id,), countdown=wait)
    return sent + outbox.send_due(limit=50)


@shared_task(name="notices.send_due")
def send_due() -> int:
    return outbox.send_due()


@shared_task(name="notices.send_digests")
def send_digests() -> int:
    return outbox.send_digests()
