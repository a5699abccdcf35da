"""Thin tasks: ids in, a service call, idempotent. Queued after commit by `coalesce.schedule`."""

from celery import shared_task

from . import coalesce, reminders, services


@shared_task(name="scoring.recompute", acks_late=True)
def recompute(rubric_id: int) -> int:
    """Idempotent: rescoring finds nothing stale the second time and does nothing."""
    return services.standings_refresh(rubric_id=rubric_id)


@shared_task(name="scoring.recompute_dirty", acks_late=True)
def recompute_dirty() -> list[int]:
    """Beat job: re-queues every year with stale results (heals after a broker or worker outage).

    It bypasses the debounce: a pending key left by a lost message must not delay the healing.
    """
    rubric_ids = services.stale_rubric_ids()
    for rubric_id in rubric_ids:
        coalesce.claim(rubric_id)
        recompute.delay(rubric_id)
    services.recompute_runs_prune()
    return rubric_ids


@shared_task(name="scoring.send_reminders", acks_late=True)
def send_reminders() -> int:
    """Beat job, daily: e-mails provinces N working days before a deadline they have not met."""
    return reminders.reminders_send()
