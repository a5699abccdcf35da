"""A person's obligations as an iCalendar feed (RFC 5545, its content lines written by `accounts.ical`;
docs/calendar.md).

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

from core.thai import thai_date, thai_digits
from notices.links import absolute
from rulebook.workdays import WorkCalendar

from . import ical

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


def _trigger(due: date, timing: Timing) -> str:
    day = timing.calendar.working_day_before(due, timing.alarm_days)
    # Relative to the event's start (its day at midnight, floating): the alarm day's morning.
    return ical.duration(datetime.combine(day, ALARM_AT) - datetime.combine(due, time()))


def _event(obligation, timing: Timing | None, unit_name: str, stamp: str, host: str, triggers: dict) -> list[str]:
    summary = ical.text(_summary(obligation))
    due = obligation.due
    event = [
        "BEGIN:VEVENT",
        f"SUMMARY:{summary}",
        f"DTSTART;VALUE=DATE:{ical.day(due)}",
        f"DTEND;VALUE=DATE:{ical.day(due + timedelta(1))}",
        f"DTSTAMP:{stamp}",
        f"UID:{ical.text(f'{obligation.key}@{host}')}",
        f"SEQUENCE:{len(obligation.moves)}",
        f"DESCRIPTION:{ical.text(_description(obligation, unit_name))}",
        "TRANSP:TRANSPARENT",  # a due day, not a meeting: it blocks no one's time
        f"URL:{absolute(obligation.url)}",
    ]
    if not obligation.is_met and timing is not None and timing.alarm_days:
        # Rounds share their due days (a contest's criteria asked on the same day): each day's alarm counted once.
        key = (obligation.rubric_id, due)
        if key not in triggers:
            triggers[key] = _trigger(due, timing)
        event += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{summary}", f"TRIGGER:{triggers[key]}", "END:VALARM"]
    event.append("END:VEVENT")
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
    stamp = ical.utc(now)
    refresh = ical.duration(REFRESH)
    triggers: dict[tuple[int, date], str] = {}
    # NAME is RFC 7986's, X-WR-CALNAME the older one beside it for the calendars that read only that. Both
    # refresh properties are RFC 5545 durations ("PT6H"): ical.js refuses a feed whose X-PUBLISHED-TTL is not.
    feed = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{ical.text(PRODID)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{ical.text(name)}",
        f"X-WR-CALNAME:{ical.text(name)}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}",
        f"X-PUBLISHED-TTL:{refresh}",
        f"X-WR-TIMEZONE:{ical.text(settings.TIME_ZONE)}",
    ]
    with translation.override("th"):
        for obligation in obligations:
            if obligation.due is None:
                continue
            unit = units.get(obligation.unit_id, "")
            feed += _event(obligation, timings.get(obligation.rubric_id), unit, stamp, host, triggers)
    feed.append("END:VCALENDAR")
    return b"\r\n".join(ical.lines(*feed)) + b"\r\n"


def feed_name(username: str) -> str:
    with translation.override("th"):
        return _("CDD 4.0 due dates: %(username)s") % {"username": username}
