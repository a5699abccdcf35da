"""A person's obligations as an iCalendar feed (RFC 5545, written by the `icalendar` package; docs/calendar.md).

Each obligation with a due day is one all-day event on it: a Thai title (Thai digits), the page where one acts
on it, and a reminder (a DISPLAY alarm) at 09:00 the working day that is N working days before it, N being the
contest's reminder setting, counted on the contest's own working-day calendar. Its UID is the schedule's stable
key, so a moved date updates the same event; SEQUENCE is the number of recorded moves, so a calendar that
compares it takes the new day. What it says is the schedule's and nothing more: no evidence, no scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Alarm, Calendar, Event, vDuration

from core.thai import thai_date, thai_digits
from notices.links import absolute
from rulebook.workdays import WorkCalendar

PRODID = "-//Community Development Department//CDD 4.0 portal//TH"
ALARM_AT = time(9, 0)  # the alarm's hour on its working day: the office's morning
REFRESH = timedelta(hours=6)  # how often a calendar is asked to read the feed again (RFC 7986)
# What one read carries, whatever its person owes (a hundred criteria asked monthly are 1,200 rounds): the rounds
# falling due from four weeks back to half a year ahead, at most MOST_EVENTS of them, the coming ones first, each
# title cut at SUMMARY_MOST characters. So a read's work and body are bounded (docs/calendar.md).
BEFORE = timedelta(weeks=4)
AHEAD = timedelta(weeks=26)
MOST_EVENTS = 100
SUMMARY_MOST = 150

VERBS = {  # what the person does for each kind of obligation (schedule.states.ObligationKind's values)
    "evidence": gettext_lazy("Send evidence"),
    "judging": gettext_lazy("Finish judging"),
    "picks": gettext_lazy("Pick the entrants"),
    "answers": gettext_lazy("Send the answers"),
}
MET_MARK = gettext_lazy("Done")


@dataclass(frozen=True)
class Timing:
    """How one contest's period reads its days: its working-day calendar and its reminders' N."""

    calendar: WorkCalendar
    alarm_days: int


def window(today: date) -> tuple[date, date]:
    """The due days a feed read on `today` lists."""
    return today - BEFORE, today + AHEAD


def nearest(obligations: Sequence, today: date) -> list:
    """At most MOST_EVENTS of `obligations` (each with a due day): those still to fall due, the soonest first, then
    those past, the latest first; listed by due day. What is coming is what a calendar is for."""
    coming = sorted((o for o in obligations if o.due >= today), key=lambda o: (o.due, o.key))
    past = sorted((o for o in obligations if o.due < today), key=lambda o: (o.due, o.key), reverse=True)
    return sorted((coming + past)[:MOST_EVENTS], key=lambda o: (o.due, o.key))


def _summary(obligation) -> str:
    parts = [str(VERBS.get(obligation.kind, "")), obligation.label_th, obligation.round_th]
    text = thai_digits(" ".join(p for p in parts if p))
    if len(text) > SUMMARY_MOST:  # a criterion's name may run to hundreds of characters: a title shows a line
        text = text[: SUMMARY_MOST - 1].rstrip() + "…"
    return f"{MET_MARK}: {text}" if obligation.is_met else text


def _description(obligation, unit_name: str) -> str:
    lines = [_("Due on %(day)s") % {"day": thai_date(obligation.due)}]
    if unit_name:
        lines.append(_("For: %(unit)s") % {"unit": unit_name})
    if obligation.moves:
        lines.append(_("The date was moved: %(count)s times") % {"count": thai_digits(len(obligation.moves))})
    lines.append(absolute(obligation.url))
    return "\n".join(lines)


def _alarm(obligation, timing: Timing) -> Alarm:
    day = timing.calendar.working_day_before(obligation.due, timing.alarm_days)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _summary(obligation))
    # Relative to the event's start (its day at midnight, floating): the alarm day's morning.
    alarm.add("trigger", datetime.combine(day, ALARM_AT) - datetime.combine(obligation.due, time()))
    return alarm


def _event(obligation, timing: Timing | None, unit_name: str, stamp: datetime, host: str) -> Event:
    event = Event()
    event.add("uid", f"{obligation.key}@{host}")
    event.add("dtstamp", stamp)
    event.add("sequence", len(obligation.moves))
    event.add("summary", _summary(obligation))
    event.add("dtstart", obligation.due)
    event.add("dtend", obligation.due + timedelta(1))
    event.add("transp", "TRANSPARENT")  # a due day, not a meeting: it blocks no one's time
    event.add("url", absolute(obligation.url))
    event.add("description", _description(obligation, unit_name))
    if not obligation.is_met and timing is not None and timing.alarm_days:
        event.add_component(_alarm(obligation, timing))
    return event


def calendar_ics(
    *,
    obligations: Sequence,
    timings: Mapping[int, Timing],
    units: Mapping[int, str],
    name: str,
    now: datetime,
) -> bytes:
    """The feed: `obligations` (schedule.obligations.Obligation) with a due day, each timed by its rubric's
    `timings` (rubric id → Timing; none: no alarm) and named for its unit (`units`: unit id → Thai name), in Thai."""
    host = urlsplit(settings.CDD4_PUBLIC_URL).hostname or "localhost"
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("name", name)  # RFC 7986; the older X-WR-CALNAME beside it for the calendars that read only that
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    # An X- property has no type the package knows: a bare timedelta would be written as Python prints it
    # ("6:00:00"), which is no RFC 5545 duration and which ical.js refuses, so it is given its type.
    feed.add("x-published-ttl", vDuration(REFRESH))
    with translation.override("th"):
        for obligation in obligations:
            if obligation.due is None:
                continue
            unit = units.get(obligation.unit_id, "")
            feed.add_component(_event(obligation, timings.get(obligation.rubric_id), unit, now, host))
    return feed.to_ical()


def feed_name(username: str) -> str:
    with translation.override("th"):
        return _("CDD 4.0 due dates: %(username)s") % {"username": username}
