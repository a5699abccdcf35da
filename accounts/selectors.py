"""Reads about accounts: a person's own history and calendar, the accounts nobody used for a year."""

from __future__ import annotations

import hashlib
import logging
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from contests.actor import actor_of
from contests.models import Unit
from core.ratelimit import redis_errors
from rubrics.models import ContestPeriod, YearSettings
from rubrics.selectors import rubric_calendar
from schedule.selectors import person_obligations

from .calendar_feed import Timing, Written, calendar_ics, feed_name, first_day
from .models import AccountEvent

log = logging.getLogger(__name__)
SHOWN = 30
# How long a person's feed, with each event's written block, is kept after it was last written: a day's read
# the next day finds the blocks of the events it still lists (most of them) and writes only the rest.
KEPT = timedelta(days=2)


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


def calendar_obligations(user, *, today: date) -> dict:
    """What a person's calendar feed shows (accounts.calendar_feed.calendar_ics): of the obligations they or their
    office owe in their running contests (the schedule's answer, the lock asked inside it), every one falling due
    from `calendar_feed.first_day` to the end of its period, by due day; each contest period's working-day calendar
    and reminder setting; their units' Thai names; and `stamp`, all the body is made of but the moment it is made.
    A few queries per contest period the person takes part in, however many criteria and rounds it has."""
    found = person_obligations(user, due_from=first_day(today), today=today)
    near = [o for o in found if o.due is not None]
    ids = {o.rubric_id for o in near}
    rubrics = list(ContestPeriod.objects.filter(pk__in=ids).select_related("contest", "year_settings"))
    days = {r.pk: _year_settings(r).reminder_working_days for r in rubrics}
    timings = {r.pk: Timing(rubric_calendar(r), days[r.pk]) for r in rubrics}
    # Most of what a person owes is their own office's, whose name their membership read already.
    office = actor_of(user).own_office
    named = {office.pk: office.name_th} if office is not None else {}
    unit_ids = {o.unit_id for o in near if o.unit_id}
    units = {pk: name for pk, name in named.items() if pk in unit_ids}
    units.update(Unit.objects.filter(pk__in=unit_ids - units.keys()).values_list("pk", "name_th"))
    # A rubric's revision names its calendar (a holiday changed revises every rubric) as it names its spec.
    said = [(o.key, o.kind, o.due, o.is_met, len(o.moves), o.label_th, o.round_th, o.url, o.unit_id) for o in near]
    stamp = (
        user.get_username(),
        tuple(said),
        tuple(sorted((r.pk, str(r.revision), days[r.pk]) for r in rubrics)),
        tuple(sorted(units.items())),
    )
    return {"obligations": near, "timings": timings, "units": units, "stamp": stamp}


def _year_settings(rubric: ContestPeriod) -> YearSettings:
    """`rubrics.selectors.year_settings` of a rubric read with its settings (`select_related`): no query."""
    try:
        return rubric.year_settings
    except YearSettings.DoesNotExist:  # none saved: the defaults
        return YearSettings(rubric=rubric)


def calendar_body(user, *, now: datetime) -> bytes:
    """The person's feed as served, kept in the cache under the person for `KEPT` (a digest of what it says, its
    head and its events' blocks, as bytes): served as kept while what it says is unchanged (`calendar_obligations`'
    stamp), else written again, icalendar writing only the events that changed and the others' blocks reused
    (the writing is most of a read)."""
    found = calendar_obligations(user, today=timezone.localdate())
    stamp = hashlib.sha256(repr(found.pop("stamp")).encode()).digest()
    key = f"calendar_feed:{user.pk}"
    try:
        kept = cache.get(key)
    except (OSError, *redis_errors()):  # type: ignore[misc]  # the cache away: the feed is made, as it is
        kept = None
    said, head, blocks = kept if kept is not None else (b"", b"", {})
    if said == stamp:
        return Written(head, blocks).body
    written = calendar_ics(**found, name=feed_name(user.get_username()), now=now, kept=blocks)
    try:
        cache.set(key, (stamp, written.head, written.blocks), int(KEPT.total_seconds()))
    except (OSError, *redis_errors()):  # type: ignore[misc]
        log.warning("a calendar feed not kept: the cache is unavailable")
    return written.body
