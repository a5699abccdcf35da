"""The schedule's tasks: ids in, a call, idempotent (each reminder is told to each person once; a count of
the kept rounds finds nothing to count the second time)."""

import logging
from functools import partial

from celery import shared_task
from django.db import transaction

from .kept import rounds_keep
from .reminders import reminders_send

log = logging.getLogger(__name__)


@shared_task(name="schedule.send_reminders", acks_late=True)
def send_reminders() -> int:
    """Beat job, daily: today's "due in N working days" and "overdue" reminders of every open contest and
    stage, through the notices; how many people were told anew."""
    return reminders_send()


@shared_task(name="schedule.rounds_keep", acks_late=True)
def keep_rounds(rubric_id: int) -> int:
    """After each recompute: the rounds met, kept per entrant, counted again where not current."""
    return rounds_keep(rubric_id=rubric_id)


def rounds_keep_queue(rubric_id: int) -> None:
    """Scoring's `recomputed` heard (registered by ScheduleConfig.ready): the count of the rounds kept queued once
    the standings are committed, in a task of its own, so the standings never wait for it and pages read the rows
    as last counted meanwhile."""
    transaction.on_commit(partial(_rounds_keep_send, rubric_id))


def _rounds_keep_send(rubric_id: int) -> None:
    # Never raises: the standings are already committed, and the next recompute queues the count again.
    try:
        keep_rounds.delay(rubric_id)
    except Exception:
        log.warning("rounds count not queued for rubric %s; pages read the last count", rubric_id, exc_info=True)
