"""The schedule's tasks: ids in, a call, idempotent (each reminder is told to each person once; a count of
the kept rounds finds nothing to count the second time)."""

from celery import shared_task

from .kept import rounds_keep
from .reminders import reminders_send


@shared_task(name="schedule.send_reminders", acks_late=True)
def send_reminders() -> int:
    """Beat job, daily: today's "due in N working days" and "overdue" reminders of every open contest and
    stage, through the notices; how many people were told anew."""
    return reminders_send()


@shared_task(name="schedule.rounds_keep", acks_late=True)
def keep_rounds(rubric_id: int) -> int:
    """After each recompute: the rounds met, kept per entrant, counted again where not current."""
    return rounds_keep(rubric_id=rubric_id)
