"""A fiscal year of a contest driven through the portal day by day on a moving clock, as its people and the beat
live it: B.E. 2570 (1 October 2026 – 30 September 2027), the national rules of 2566 moved four years, run by the
Department among six districts. Each day the beat's jobs run as `CELERY_BEAT_SCHEDULE` fires them, in order
(`Beat`), between the acts of the day, each act through the service its page calls, committed as a request
commits (its on-commit tasks run): the offices' files, on time and late, four deadline moves with their letters,
a holiday added, the committee's scores, the freeze, the publication and, a week later, one award corrected after a
complaint (the year stays frozen and published; the other awards stand).

The offices each keep to a habit (`HABITS`), asked of the schedule each day: one sends every round two working
days ahead, one on the day it falls due, naming it; one misses November's monthly report of 4.2, sends December's
on 1 December naming December, November's on 21 December naming November, and every other round two working days
late; one never sends 1.3's first step and sends the rest the day before, naming none; two have no account.

Every day, after the beat's last job:
- every reminder told today is a round the schedule says is owed, kind and repeat as its rhythm says, each told
  once per person (`Reminder` rows); each goes out once a person and channel (the outbox's rows), at once or in
  the next morning's digest; none of a round still owed is settled or held back as met, none of a met round sent;
- every place shows each round's dates alike: the schedule's selector behind the pages, the rubric and the
  obligations endpoints of the API, the office's calendar feed and its to-do;
- the standings are those a full recompute gives."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import partial

import pytest
from celery.schedules import crontab
from django.apps import apps as django_apps
from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.calendar import calendar_address_make, calendar_path
from accounts.calendar_feed import first_day
from cdd4.celery import app
from committee.services import judgment_record
from contests.models import Unit
from core.thai import BANGKOK
from notices.models import REMINDER_KINDS, Delivery, DeliveryState, Kind, Receipt, Reminder
from notices.services import preferences_set
from people.models import Role
from rubrics import services as rubric_services
from rubrics.letters import Letter
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_data_moved, rubric_spec
from rubrics.timetable import criterion_deadline_set, holiday_override_save
from schedule.obligations import Obligation
from schedule.reminders import reminder_kind, rhythm
from schedule.selectors import entrant_obligations
from schedule.states import ObligationState
from schedule.tallies import round_tallies
from scoring.models import Standing, StandingsSnapshot
from scoring.recompute import standings_recompute
from scoring.snapshots import awards_correct, publication_publish, standings_freeze
from submissions.policy import evidence_closed
from submissions.selectors import unit_home
from submissions.services import evidence_submit
from submissions.todo import entrant_todo
from tests.factories import DistrictFactory, UserFactory
from tests.submissions.files import mp4, pdf_new

FIRST, LAST = date(2026, 10, 1), date(2027, 9, 30)  # fiscal year B.E. 2570
SENT = ("1.1", "1.2", "1.3", "4.1.1", "4.2", "5.1", "5.2")  # the criteria asking a file by a date
OWED = (ObligationState.OPEN, ObligationState.LATE)
LETTER = "มท 0410.4/ว {}"
# Whoever runs the contest moves four deadlines by letter: 4.1.1 after a flood (4.1.2, timing its files, with it),
# 1.2 earlier (its second report with it), 4.2's summary later, 1.3's last steps earlier.
MOVES = {
    date(2027, 1, 20): ("4.1.1", date(2027, 6, 14), "น้ำท่วมพื้นที่ ขยายเวลาส่ง", 6001),
    date(2027, 3, 10): ("1.2", date(2027, 6, 15), "เลื่อนรายงานครั้งที่ ๒ ให้เร็วขึ้น", 6002),
    date(2027, 5, 20): ("4.2", date(2027, 8, 16), "ขยายเวลาสรุปผลการดำเนินงาน", 6003),
    date(2027, 6, 1): ("1.3", date(2027, 7, 15), "เร่งรัดการรายงานในระบบ PDOC", 6004),
}
HOLIDAY_ADDED, HOLIDAY = date(2027, 5, 25), date(2027, 6, 15)  # a Tuesday two moved rounds and 4.2's June fall on
SCORED = (date(2027, 8, 9), date(2027, 8, 10))  # the committee scores 5.1, then 5.2, of every entrant
FROZEN, PUBLISHED, CORRECTED = date(2027, 8, 23), date(2027, 8, 30), date(2027, 9, 6)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BANGKOK)


# The beat, read from its schedule: a job that fires at most once a day runs at its hour; one that fires more
# often (every minute, every hour, every 30 s) runs once before each act or daily job its firing falls before,
# as it would have, finding nothing new in between (every task is idempotent).
def _fires(schedule, day: date) -> list[time]:
    if isinstance(schedule, crontab):
        weekday = day.isoweekday() % 7
        if weekday not in schedule.day_of_week or day.day not in schedule.day_of_month:
            return []
        if day.month not in schedule.month_of_year:
            return []
        return sorted(time(h, m) for h in schedule.hour for m in schedule.minute)
    seconds = int(schedule.total_seconds() if isinstance(schedule, timedelta) else schedule)
    return [time(s // 3600, s // 60 % 60, s % 60) for s in range(0, 86_400, seconds)]


@dataclass
class Beat:
    """The beat's jobs through one day, run eagerly by name as the beat sends them."""

    day: date
    daily: list[tuple[time, str]] = field(default_factory=list)
    often: list[tuple[list[time], str]] = field(default_factory=list)
    last: time | None = None  # the moment reached; None: the day's start, its midnight's jobs still to run
    ran: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, day: date) -> Beat:
        beat = cls(day)
        for entry in settings.CELERY_BEAT_SCHEDULE.values():
            fires = _fires(entry["schedule"], day)
            if len(fires) == 1:
                beat.daily.append((fires[0], entry["task"]))
            elif fires:
                beat.often.append((fires, entry["task"]))
        beat.daily.sort()
        return beat

    def _fired(self, fires: list[time], moment: time) -> bool:
        """Whether a time of `fires` falls after the last moment reached and at or before `moment`."""
        since = 0 if self.last is None else bisect.bisect_right(fires, self.last)
        return bisect.bisect_right(fires, moment) > since

    def until(self, moment: time, clock, captured) -> None:
        """Every job firing after the last moment reached and up to `moment`, in order: at each daily job's hour
        and at `moment`, the frequent ones that fired since the stop before, then the daily job."""
        stops = [(when, name) for when, name in self.daily if self._fired([when], moment)] + [(moment, "")]
        for when, name in stops:
            clock(self.day, when)
            with captured(execute=True):
                for fires, often in self.often:
                    if self._fired(fires, when):
                        self._run(often)
                if name:
                    self._run(name)
            self.last = when

    def _run(self, name: str) -> None:
        app.tasks[name].apply_async()  # eager, as the embedded default runs them: it raises what it raised
        self.ran.append(name)


@dataclass
class Office:
    """An entrant district, its staff, and its habit: what it sends today, given the schedule's obligations."""

    unit: Unit
    staff: list
    habit: Callable[[date, list[Obligation]], list[tuple[Obligation, int | None]]]


def ahead(today, owed):  # every round two working days before it falls due, its day deciding the round
    return [(o, None) for o in owed if o.state == ObligationState.OPEN and o.days_left == 2]


def on_the_day(today, owed):  # every round on the day it falls due, naming it
    return [(o, o.index or None) for o in owed if o.state == ObligationState.OPEN and o.due == today]


NOVEMBER, DECEMBER_SENT, NOVEMBER_SENT = 1, date(2026, 12, 1), date(2026, 12, 21)


def late(today, owed):
    """November's 4.2 report missed, December's sent on 1 December naming December, November's on 21 December
    naming November; every other round two working days late, naming it."""
    out = []
    for o in owed:
        if o.criterion == "4.2" and o.index in (NOVEMBER, NOVEMBER + 1):
            sent_on = NOVEMBER_SENT if o.index == NOVEMBER else DECEMBER_SENT
            if today == sent_on and o.is_owed:
                out.append((o, o.index))
        elif o.state == ObligationState.LATE and o.days_left == -2:
            out.append((o, o.index or None))
    return out


def skips_a_step(today, owed):  # 1.3's first step never sent; every other round the day before, naming none
    skipped = [o for o in owed if o.criterion == "1.3" and o.index == 1]
    return [(o, None) for o in owed if o.state == ObligationState.OPEN and o.days_left == 1 and o not in skipped]


def nothing(today, owed):
    return []


HABITS = (ahead, on_the_day, late, skips_a_step, nothing, nothing)
PROVINCES = ("TH-50", "TH-50", "TH-83", "TH-57", "TH-30", "TH-40")
STAFF = (1, 2, 1, 1, 0, 0)  # the second of on_the_day's staff reads its mail as the morning's digest


@pytest.fixture
def year(db, settings, tmp_path):
    """The contest among six new districts, opened as it is loaded, and its people; their files in a folder of
    the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    app.loader.import_default_modules()  # the beat's tasks, as the worker that runs them imports them
    districts = [DistrictFactory(parent=Unit.objects.get(code=code)) for code in PROVINCES]
    data = rubric_data_moved(ContestPeriod.objects.national().get(year=2566), 2570 - 2566)
    data["contest"] = {
        "slug": "year-of-districts",
        "organiser": None,
        "entrant_level": "district",
        "entrants": [d.dopa_code for d in districts],
    }
    rubric = rubric_services.rubric_load(data=data, reason="ปีงบประมาณ ๒๕๗๐")
    offices = []
    for district, habit, staffed in zip(districts, HABITS, STAFF, strict=True):
        staff = [
            UserFactory(role=Role.OFFICE_STAFF, role__unit=district, email=f"{habit.__name__}{i}@cdd.go.th")
            for i in range(staffed)
        ]
        offices.append(Office(district, staff, habit))
    preferences_set(user=offices[1].staff[1], modes={"email": "digest"})
    preferences_set(user=offices[2].staff[0], modes={"email": "digest"})
    return rubric, offices


STANDING = ("unit__code", "total", "rank", "tied", "award", "award_tie", "level", "dimensions", "criteria")


def standings(rubric) -> list[tuple]:
    return list(Standing.objects.filter(rubric=rubric).order_by("unit__code").values_list(*STANDING))


@pytest.fixture
def moving_clock(clock, monkeypatch):
    """The portal's clock (`clock`), for the models' own defaults too: a field whose default is `timezone.now`
    holds the function itself, taken before any clock was set (an outbox row's next try, a notice's moment)."""
    real = timezone.now
    for model in django_apps.get_models():
        for f in model._meta.concrete_fields:
            if f.default is real:
                monkeypatch.setattr(f, "_get_default", lambda: timezone.now())
    return clock


@pytest.fixture
def feeds_read_daily(settings):
    """Each office's feed is read once a day of the moving clock, hundreds of days within a minute of the real
    clock the rate limit counts by (core.ratelimit): the limit is one of a real day's reads."""
    settings.CDD4_CALENDAR_RATE = f"{(LAST - FIRST).days + 1}/3600"


def test_a_fiscal_year_day_by_day(
    year, client, central_user, committee_user, moving_clock, django_capture_on_commit_callbacks, feeds_read_daily
):
    rubric, offices = year
    staffed = [o for o in offices if o.staff]
    feeds = {o.unit.pk: calendar_path(calendar_address_make(user=o.staff[0])) for o in staffed}
    told: set[tuple] = set()  # (user, obligation, due day, kind, repeat): each telling so far
    sent: list[tuple[str, int]] = []  # each upload's obligation and its working days late
    corrected: dict = {}  # the published awards before the correction, and the award it gives

    def clock_at(day: date, moment: time) -> None:
        moving_clock(day.year, day.month, day.day, moment.hour, moment.minute, moment.second)

    day = FIRST
    while day <= LAST:
        beat = Beat.of(day)
        beat.until(time(9, 0), clock_at, django_capture_on_commit_callbacks)  # the digest at 7, the reminders at 8
        owed = {office.unit.pk: _owed(rubric, office, day) for office in staffed}
        _reminders_checked(rubric, staffed, owed, told)
        acts = _acts(rubric, offices, day, central_user, committee_user, sent, corrected)
        for moment, do in sorted(acts, key=lambda a: a[0]):
            beat.until(moment, clock_at, django_capture_on_commit_callbacks)
            with django_capture_on_commit_callbacks(execute=True):
                do()
            rubric.refresh_from_db()  # as the next request reads it: a holiday gives every rubric a new revision
        beat.until(time(23, 59), clock_at, django_capture_on_commit_callbacks)
        assert [name for _, name in beat.daily if name not in beat.ran] == [], day
        owed = {office.unit.pk: _owed(rubric, office, day) for office in staffed}
        _settled_checked(rubric, staffed, owed, day)
        if day in MOVES:
            _move_checked(rubric, staffed, owed, *MOVES[day][:3], letter_of(day))
        _dates_checked(rubric, staffed[day.toordinal() % len(staffed)], staffed, owed, day, client, feeds)
        _tallies_checked(rubric, offices, day)
        live = standings(rubric)
        standings_recompute(rubric_id=rubric.pk, full=True)
        assert standings(rubric) == live, day
        day += timedelta(days=1)
    published = StandingsSnapshot.objects.get(rubric=rubric)
    assert published.published_at is not None
    # The correction of 6 September: the fourth office's award alone changed, in the published rows as in the
    # standings the daily recompute kept, its staff told once each, every other award as published.
    awards = {row["entrant"]: row["award"] for row in published.rows}
    assert awards == {**corrected["before"], offices[3].unit.code: corrected["after"]}
    told_of = Receipt.objects.filter(notice__kind=Kind.AWARD_CORRECTED).values_list("user_id", flat=True)
    assert sorted(told_of) == sorted(user.pk for user in offices[3].staff)
    # 4.1.2 times 4.1.1's document and video against 4.1.1's moved date, 14 June: before it, on it, after it.
    timed = {row["entrant"]: row["criteria"]["4.1.2"] for row in published.rows}
    assert [Decimal(timed[office.unit.code]) for office in offices] == [5, 3, 1, 5, 0, 0]
    # The year's uploads (4.1.1's document and video one), those late, and the reminders told: each told to a
    # person reading their mail as it comes went out at once.
    assert (len(sent), sum(late > 0 for _, late in sent), len(told)) == (79, 19, 147)
    at_once = [user for user, *_ in told if user not in (offices[1].staff[1].pk, offices[2].staff[0].pk)]
    messages = Delivery.objects.filter(receipt__notice__kind__in=REMINDER_KINDS, state=DeliveryState.SENT)
    assert messages.filter(digest=False).count() == len(at_once)


def _acts(
    rubric, offices: list[Office], day: date, central, member, sent: list, corrected: dict
) -> list[tuple[time, Callable]]:
    """The day's acts, each at its hour: the offices' uploads by their habits (at 10:00, or at 16:30 on the day a
    round falls due), the moves at 14:00, the holiday, the committee's scores, the freeze, the publication and
    the correction."""
    acts: list[tuple[time, Callable]] = []
    for office in offices:
        for o, named in office.habit(day, entrant_obligations(rubric, office.unit, criteria=SENT, today=day)):
            moment = time(16, 30) if o.due == day else time(10, 0)
            acts.append((moment, partial(_upload, rubric, office, o, named, sent)))
    if day in MOVES:
        code, new, reason, _ = MOVES[day]
        move = partial(
            criterion_deadline_set, user=central, rubric=rubric, code=code, deadline=new, reason=reason,
            letter=letter_of(day),
        )  # fmt: skip
        acts.append((time(14, 0), move))
    if day == HOLIDAY_ADDED:
        holiday = partial(
            holiday_override_save, user=central, day=HOLIDAY, is_holiday=True,
            name_th="วันหยุดราชการเพิ่มเป็นกรณีพิเศษ", name_en="Additional public holiday",
        )  # fmt: skip
        acts.append((time(14, 0), holiday))
    if day in SCORED:
        code = SENT[5 + SCORED.index(day)]
        items = list(rubric_spec(rubric).criterion(code).rule.items)
        for n, office in enumerate(offices):  # each entrant its own share of the items met: no tie at any line
            score = partial(
                judgment_record, member=member, rubric=rubric, unit=office.unit, criterion_code=code,
                items=items[: max(0, len(items) - n)], expected_version=0,
            )  # fmt: skip
            acts.append((time(11, n), score))
    if day == FROZEN:
        acts.append((time(15, 0), partial(standings_freeze, user=central, rubric=rubric)))
    if day == PUBLISHED:
        acts.append((time(15, 0), partial(_publish, central, rubric)))
    if day == CORRECTED:
        acts.append((time(15, 0), partial(_correct, central, rubric, offices[3], corrected)))
    return acts


def letter_of(day: date) -> Letter:
    """The letter a move of `day` cites: numbered in turn, dated two days before."""
    return Letter(number=LETTER.format(MOVES[day][3]), day=day - timedelta(days=2))


def _move_checked(rubric, staffed: list[Office], owed: dict, code: str, new: date, reason: str, letter) -> None:
    """Each office's rounds of the moved criterion carry the move with its letter, and each of its staff was told of
    it once."""
    for office in staffed:
        (move, *_) = [o for o in owed[office.unit.pk].values() if o.criterion == code][-1].moves
        assert (move.new, move.reason, move.letter_number, move.letter_date) == (new, reason, letter.number, letter.day)
        for user in office.staff:
            told = Receipt.objects.filter(user=user, notice__kind=Kind.DEADLINE_MOVED, notice__created_at__gte=move.at)
            assert told.count() == 1, (code, user)


def _upload(rubric, office: Office, o: Obligation, named: int | None, sent: list) -> None:
    """The office's file for the round as its page sends it (4.1.1's document and its video, which 4.1.2 times);
    the round is then met, as late as it came."""
    kinds = [("pdf", pdf_new())] + ([("mp4", mp4())] if o.criterion == "4.1.1" else [])
    for extension, data in kinds:
        with TemporaryUploadedFile(f"{o.criterion}-{o.index}.{extension}", "application/octet-stream", 0, None) as f:
            f.write(data)
            f.seek(0)  # as the streaming upload handler leaves it
            evidence_submit(
                user=office.staff[0], rubric=rubric, unit=office.unit, criterion_code=o.criterion, upload=f,
                description=f"{o.label_th} {o.round_th}", answers_round=named,
            )  # fmt: skip
    (now,) = [n for n in entrant_obligations(rubric, office.unit, criteria=[o.criterion]) if n.key == o.key]
    assert (now.state, now.late_days) == (ObligationState.SENT, max(0, -o.days_left)), (o, now)
    sent.append((o.key, now.late_days))


def _publish(central, rubric) -> None:
    frozen_at = StandingsSnapshot.objects.get(rubric=rubric).frozen_at.isoformat()  # as its preview showed it
    publication_publish(user=central, rubric=rubric, confirmed=True, previewed_frozen_at=frozen_at)


def _correct(central, rubric, office: Office, corrected: dict) -> None:
    """A complaint upheld: the office's published award withdrawn (or, held none, the last tier given)."""
    published = StandingsSnapshot.objects.get(rubric=rubric)
    corrected["before"] = {row["entrant"]: row["award"] for row in published.rows}
    held = corrected["before"][office.unit.code]
    corrected["after"] = None if held else rubric.award_tiers.order_by("-pk").values_list("code", flat=True)[0]
    awards_correct(
        user=central, rubric=rubric, awards={office.unit.pk: corrected["after"] or ""}, reason="คำร้องเรียนได้รับการยืนยัน"
    )


def _owed(rubric, office: Office, day: date) -> dict[str, Obligation]:
    return {o.key: o for o in entrant_obligations(rubric, office.unit, today=day)}


def _reminders_checked(rubric, staffed: list[Office], owed: dict, told: set) -> None:
    """The morning's tellings are exactly the rounds owed that the rhythm tells today (`reminder_kind`: due within
    the contest's working days, or overdue on its rhythm), to each of the office's staff, none told before."""
    chosen = rhythm(rubric)
    expected = set()
    for office in staffed:
        for o in owed[office.unit.pk].values():
            found = reminder_kind(o, chosen) if o.is_owed else None
            if found is not None:
                expected |= {(user.pk, o.key, o.due, *found) for user in office.staff}
    rows = Reminder.objects.filter(notice__unit__in=[office.unit for office in staffed])
    today = set(rows.values_list("user", "obligation", "due_on", "kind", "repeat")) - told
    assert today == expected - told, timezone.localdate()
    told |= today


def _settled_checked(rubric, staffed: list[Office], owed: dict, day: date) -> None:
    """No reminder of a round still owed is settled (its inbox line done, its waiting mail held back as met), and
    no message of a round was sent on a day after it was met."""
    rounds = {key: o for office in staffed for key, o in owed[office.unit.pk].items()}
    reminders = Reminder.objects.filter(notice__unit__in=[office.unit for office in staffed])
    for key, settled in reminders.values_list("obligation", "notice__settled_at").distinct():
        assert settled is None or rounds[key].state not in OWED, (day, key, rounds[key].state, settled)
    sent = Delivery.objects.filter(
        receipt__notice__kind__in=REMINDER_KINDS, receipt__notice__unit__in=[office.unit for office in staffed],
        state=DeliveryState.SENT, sent_at__date=day,
    ).values_list("receipt__notice__reminders__obligation", flat=True)  # fmt: skip
    for key in set(sent):
        met = rounds[key].met
        assert met is None or met.day >= day, (day, key, met)
    outbox = Delivery.objects.filter(
        receipt__notice__kind__in=REMINDER_KINDS, receipt__notice__unit__in=[office.unit for office in staffed]
    )
    # Each telling (the notice's key: the round, its due day, kind and repeat) goes out once a person and channel.
    messages = Counter(
        outbox.filter(state=DeliveryState.SENT).values_list("receipt__user", "receipt__notice", "channel")
    )
    assert [m for m, n in messages.items() if n > 1] == [], day
    # What waits goes out: a message at once, a digest's in the next morning's digest.
    waiting = outbox.filter(state=DeliveryState.PENDING)
    assert not waiting.filter(Q(digest=False) | Q(receipt__notice__created_at__lt=at(day, 7))).exists(), day


def _dates_checked(rubric, office: Office, staffed: list[Office], owed: dict, day: date, client, feeds) -> None:
    """Each round's written and due dates are the same for every entrant, and alike in the schedule's selector,
    the API's rubric and obligations endpoints, the office's calendar feed and its to-do (one office a day)."""
    client.force_login(office.staff[0])
    api = client.get(reverse("api-rubric", args=[rubric.key])).json()
    scheduled = {
        (c["code"], s["round"]): (s["written"], s["due"])
        for d in api["dimensions"]
        for c in d["criteria"]
        for s in c["schedule"]
    }
    for each in staffed:
        said = {
            key: (o.written and o.written.isoformat(), o.due and o.due.isoformat())
            for key, o in owed[each.unit.pk].items()
        }
        assert {f"{rubric.key}:{each.unit.code}:{c}:{i}": v for (c, i), v in scheduled.items()} == said, day
    mine = owed[office.unit.pk]
    rows = client.get(reverse("api-entrant-obligations", args=[rubric.key, office.unit.code])).json()
    assert {r["key"]: (r["written"], r["due"]) for r in rows} == {
        key: (o.written and o.written.isoformat(), o.due and o.due.isoformat()) for key, o in mine.items()
    }, day
    feed = Calendar.from_ical(client.get(feeds[office.unit.pk]).content)
    events = {str(e["UID"]).split("@", 1)[0]: e.decoded("DTSTART") for e in feed.walk("VEVENT")}
    dated = {key: o.due for key, o in mine.items() if o.due}
    assert {key: dated.get(key) for key in events} == events, day  # each event on its round's due day
    assert {key for key, due in dated.items() if due >= first_day(day)} == events.keys(), day  # the whole year
    groups = unit_home(rubric=rubric, unit=office.unit, today=day)["groups"]
    for line in entrant_todo(rubric=rubric, unit=office.unit, groups=groups, closed=evidence_closed(rubric)):
        if line.deadline is not None:
            rounds = {(o.written, o.due) for o in mine.values() if o.url == line.url}  # its criterion's
            assert (line.deadline, line.due) in rounds, (day, line.key, line.deadline, line.due)


def _tallies_checked(rubric, offices: list[Office], day: date) -> None:
    """Central's dashboard and late list (`round_tallies`, from the rounds kept per entrant) say each round's
    dates as the schedule does, and count its entrants owing, late and met as their own obligations stand."""
    each = [o for office in offices for o in entrant_obligations(rubric, office.unit, today=day)]
    for tally in round_tallies(rubric, today=day):
        r = tally.round
        mine = [o for o in each if (o.criterion, o.index) == (r.criterion.code, r.index)]
        assert {(o.written, o.due) for o in mine} == {(r.written, r.due)}, (day, r.criterion.code, r.index)
        counted = (tally.owed, tally.late, tally.met)
        states = [o.state for o in mine]
        assert counted == (
            sum(s in OWED for s in states),
            states.count(ObligationState.LATE),
            sum(o.is_met for o in mine),
        ), (day, r.criterion.code, r.index)
