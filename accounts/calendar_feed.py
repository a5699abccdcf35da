"""A person's obligations as an iCalendar feed (RFC 5545, written by the `icalendar` package; docs/calendar.md).

Each obligation with a due day is one all-day event on it: a Thai title (Thai digits), the page where one acts
on it, and a reminder (a DISPLAY alarm) at 09:00 the working day that is N working days before it, N being the
contest's reminder setting, counted on the contest's own working-day calendar. Its UID is the schedule's stable
key, so a moved date updates the same event; SEQUENCE is the number of recorded moves, so a calendar that
compares it takes the new day. What it says is the schedule's and nothing more: no evidence, no scores."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Alarm, Calendar, Event, vDDDTypes, vDuration, vInt, vText, vUri

from core.thai import thai_date, thai_digits
from notices.public_url import absolute
from rulebook.workdays import WorkCalendar

PRODID = "-//Community Development Department//CDD 4.0 portal//TH"
ALARM_AT = time(9, 0)  # the alarm's hour on its working day: the office's morning
REFRESH = timedelta(hours=6)  # how often a calendar is asked to read the feed again (RFC 7986)
# What one read carries: every round of the person's running contests still to fall due, to the end of their
# periods, and those that fell due up to four weeks back; none is left out for being far off (a June deadline is
# in November's feed). A read's cost grows with those rounds alone, each costing the same (its queries the same
# whatever their number, each title cut at SUMMARY_MOST characters, its written block kept): docs/calendar.md.
BEFORE = timedelta(weeks=4)
SUMMARY_MOST = 150

VERBS = {  # what the person does for each kind of obligation (schedule.states.ObligationKind's values)
    "evidence": gettext_lazy("Send evidence"),
    "judging": gettext_lazy("Finish judging"),
    "picks": gettext_lazy("Pick the entrants"),
    "answers": gettext_lazy("Send the answers"),
}
MET_MARK = gettext_lazy("Done")
END = b"END:VCALENDAR\r\n"  # a written calendar's last line: its events go before it


@dataclass(frozen=True)
class Timing:
    """How one contest's period reads its days: its working-day calendar and its reminders' N."""

    calendar: WorkCalendar
    alarm_days: int


def first_day(today: date) -> date:
    """The earliest due day a feed read on `today` lists: it lists every later one."""
    return today - BEFORE


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


def _trigger(due: date, timing: Timing) -> timedelta:
    day = timing.calendar.working_day_before(due, timing.alarm_days)
    # Relative to the event's start (its day at midnight, floating): the alarm day's morning.
    return datetime.combine(day, ALARM_AT) - datetime.combine(due, time())


@dataclass(frozen=True)
class Said:
    """All one event says but its DTSTAMP, in Thai: what its written block is kept under."""

    uid: str
    sequence: int
    summary: str
    due: date
    url: str
    description: str
    trigger: timedelta | None  # none: no alarm

    @property
    def digest(self) -> bytes:
        return hashlib.blake2b(repr(self).encode(), digest_size=16).digest()


def _said(obligation, timing: Timing | None, unit_name: str, host: str, triggers: dict) -> Said:
    trigger = None
    if not obligation.is_met and timing is not None and timing.alarm_days:
        # Rounds share their due days (a contest's criteria asked on the same day): each day's alarm counted once.
        day = (obligation.rubric_id, obligation.due)
        if day not in triggers:
            triggers[day] = _trigger(obligation.due, timing)
        trigger = triggers[day]
    return Said(
        uid=f"{obligation.key}@{host}",
        sequence=len(obligation.moves),
        summary=_summary(obligation),
        due=obligation.due,
        url=absolute(obligation.url),
        description=_description(obligation, unit_name),
        trigger=trigger,
    )


class Typed:
    """The property values one feed's events share, typed once for all of them: its DTSTAMP (as `add` makes it:
    in UTC), TRANSP, the alarms' ACTION, and each due day's DTSTART and DTEND (a contest's rounds share their
    days). An event is given icalendar's own typed values rather than Python ones for `add` to type again: its
    inference was a fifth of an event's writing, and the written block is the same."""

    def __init__(self, stamp: datetime) -> None:
        typed = Event()
        typed.add("dtstamp", stamp)
        typed.add("transp", "TRANSPARENT")  # a due day, not a meeting: it blocks no one's time
        self.stamp, self.transp = typed["DTSTAMP"], typed["TRANSP"]
        self.display = vText("DISPLAY")
        self._days: dict[date, tuple[vDDDTypes, vDDDTypes]] = {}

    def day(self, due: date) -> tuple[vDDDTypes, vDDDTypes]:
        """An all-day event's DTSTART and DTEND (VALUE=DATE: the day after, exclusive)."""
        if due not in self._days:
            self._days[due] = (vDDDTypes(due), vDDDTypes(due + timedelta(1)))
        return self._days[due]


def _event(said: Said, typed: Typed) -> bytes:
    event = Event()
    start, end = typed.day(said.due)
    summary = vText(said.summary)
    event["UID"] = vText(said.uid)
    event["DTSTAMP"] = typed.stamp
    event["SEQUENCE"] = vInt(said.sequence)
    event["SUMMARY"] = summary
    event["DTSTART"] = start
    event["DTEND"] = end
    event["TRANSP"] = typed.transp
    event["URL"] = vUri(said.url)
    event["DESCRIPTION"] = vText(said.description)
    if said.trigger is not None:
        alarm = Alarm()
        alarm["ACTION"] = typed.display
        alarm["DESCRIPTION"] = summary
        alarm["TRIGGER"] = vDDDTypes(said.trigger)
        event.add_component(alarm)
    return event.to_ical()


@dataclass(frozen=True)
class Written:
    """A feed as written: the calendar without its events (`head`, ending in END:VCALENDAR), and each event's
    block (BEGIN:VEVENT … END:VEVENT) by its `Said.digest`, in the feed's order."""

    head: bytes
    blocks: dict[bytes, bytes]

    @property
    def body(self) -> bytes:
        return self.head[: -len(END)] + b"".join(self.blocks.values()) + END


def calendar_ics(
    *,
    obligations: Sequence,
    timings: Mapping[int, Timing],
    units: Mapping[int, str],
    name: str,
    now: datetime,
    kept: Mapping[bytes, bytes] | None = None,
) -> Written:
    """The feed: `obligations` (schedule.obligations.Obligation) with a due day, each timed by its rubric's
    `timings` (rubric id → Timing; none: no alarm) and named for its unit (`units`: unit id → Thai name), in Thai.
    An event whose block is in `kept` (an earlier feed's `Written.blocks`) is that block, its DTSTAMP the moment
    it was written as it reads: icalendar writes only the events that changed, most of a feed's cost."""
    host = urlsplit(settings.CDD4_PUBLIC_URL).hostname or "localhost"
    kept = kept or {}
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
    blocks: dict[bytes, bytes] = {}
    triggers: dict[tuple[int, date], timedelta] = {}
    typed = Typed(now)
    with translation.override("th"):
        for obligation in obligations:
            if obligation.due is None:
                continue
            said = _said(
                obligation, timings.get(obligation.rubric_id), units.get(obligation.unit_id, ""), host, triggers
            )
            digest = said.digest
            blocks[digest] = kept.get(digest) or _event(said, typed)
    return Written(feed.to_ical(), blocks)


def feed_name(username: str) -> str:
    with translation.override("th"):
        return _("CDD 4.0 due dates: %(username)s") % {"username": username}
