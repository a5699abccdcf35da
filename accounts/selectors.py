"""Reads about accounts: a person's own history and calendar, the accounts nobody used for a year."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from contests.models import Unit
from schedule.selectors import person_obligations
from scoring.dashboard import year_settings
from scoring.models import Rubric
from scoring.selectors import rubric_calendar

from .calendar_feed import Timing
from .models import AccountEvent

SHOWN = 30


def events_of(user, limit: int = SHOWN) -> list[AccountEvent]:
    return list(AccountEvent.objects.filter(user=user).select_related("by")[:limit])


def unused_accounts(now=None) -> QuerySet:
    """Open accounts not signed in for settings.CDD4_UNUSED_DAYS (never signed in: made that long ago)."""
    since = (now or timezone.now()) - timedelta(days=settings.CDD4_UNUSED_DAYS)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .filter(Q(last_login__lt=since) | Q(last_login__isnull=True, date_joined__lt=since))
        .select_related("membership__unit")
        .order_by("last_login", "username")
    )


def calendar_obligations(user) -> dict:
    """What a person's calendar feed shows (accounts.calendar_feed.calendar_ics): the obligations they or their
    office owe (the schedule's answer, the lock asked inside it), each contest period's working-day calendar and
    reminder setting, and their units' Thai names. A few queries per contest period the person takes part in."""
    obligations = [o for o in person_obligations(user) if o.due is not None]
    rubrics = Rubric.objects.filter(pk__in={o.rubric_id for o in obligations}).select_related("contest")
    timings = {r.pk: Timing(rubric_calendar(r), year_settings(r).reminder_working_days) for r in rubrics}
    names = Unit.objects.filter(pk__in={o.unit_id for o in obligations if o.unit_id}).values_list("pk", "name_th")
    return {"obligations": obligations, "timings": timings, "units": dict(names)}
