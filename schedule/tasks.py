"""The schedule's beat job: ids in (none), a call, idempotent (each reminder is told to each person once)."""

from celery import shared_task

from .reminders import reminders_send


@shared_task(name="schedule.send_reminders", acks_late=True)
def send_reminders() -> int:
    """Beat job, daily: today's "due in N working days" and "overdue" reminders of every open contest and
    stage, through the notices; how many people were told anew."""
    return reminders_send()
