"""Every reader agrees with the schedule, whatever the moves: random deadlines set the way central staff set
them (forward, back, onto holidays and weekends, on criteria whose files another criterion times, a round
unticked to keep its date), then the
criterion page, the office's home, central's dashboard, the missing list, the timeliness points, the reminders
the morning job would tell, the office's calendar feed and the API are each held to `schedule.selectors`.

Each reader is one check in `READERS`, given the same `Seen`: a reader that joins the schedule later adds its
check there and is held to the same moves. The API gives a criterion's dates in two places, both checked here:
the rubric endpoint (`/api/v1/years/<year>/rubric/`: its `deadline`, its `rounds` moved and its `schedule`) and
an entrant's obligations (`/api/v1/years/<year>/entrants/<code>/obligations/`)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from accounts.calendar import calendar_address_make, calendar_path
from accounts.calendar_feed import first_day
from notices.models import Kind
from rubrics.revisions import ChangeRefused
from rubrics.selectors import rubric_calendar, rubric_spec
from rubrics.timetable import companions, criterion_deadline_set
from rulebook.engine import evaluate_entrant
from rulebook.workdays import deadline_text
from schedule import dashboard
from schedule.contest import criterion_rounds, round_in_force
from schedule.obligations import Obligation, in_force
from schedule.reminders import overdue_repeat, rhythm, rubric_reminders
from schedule.selectors import deadline_of, entrant_obligations
from schedule.states import ObligationState
from scoring.demo import demo_present_year

TODAY = date(2027, 11, 25)
REAL_LOCALDATE = timezone.localdate
FISCAL = (date(2027, 10, 1), date(2028, 9, 30))
HOLIDAYS = [date(2027, 12, 5), date(2027, 12, 10), date(2028, 4, 13), date(2028, 4, 14), date(2028, 7, 28)]
MOVED = ("1.2", "1.3", "4.1.1", "4.1.2", "2.1.2")  # rounds, steps, linked files, a receipt's criterion

days = st.one_of(
    st.dates(min_value=FISCAL[0], max_value=FISCAL[1]),
    st.sampled_from(HOLIDAYS),
    st.dates(min_value=TODAY - timedelta(10), max_value=TODAY + timedelta(10)),  # within the reminders' reach
    st.dates(min_value=FISCAL[0], max_value=FISCAL[1]).map(lambda d: d + timedelta((5 - d.weekday()) % 7)),
)
# Each move may untick the first round its form offers (1.2's report, 1.3's step due on the deadline).
moves = st.lists(st.tuples(st.sampled_from(MOVED), days, st.booleans()), min_size=1, max_size=4)


@dataclass
class Seen:
    """What one round of moves left: the rubric, the office's obligations by criterion and the pages read."""

    rubric: object
    code: str
    owed: list[Obligation]
    criterion_page: str
    home: str
    missing_page: str
    board: dict
    reminders: list  # what the morning job would tell today (notices.reminders_told.Due), every entrant's
    feed: Calendar  # the office staff member's calendar feed, parsed
    api: dict  # the rubric endpoint's answer
    api_owed: list  # the office's obligations endpoint's answer


def _criterion_page(seen: Seen) -> None:
    page = seen.criterion_page
    assert re.search(r'data-deadline="([^"]+)"', page).group(1) == deadline_of(seen.rubric, seen.code).isoformat()
    rows = re.findall(r'<tr class="round-(\w+)" data-round-due="([^"]+)" data-key="([^"]+)"', page)
    expected = [(o.state, o.written.isoformat(), o.key) for o in seen.owed] if len(seen.owed) > 1 else []
    assert rows == expected


def _home(seen: Seen) -> None:
    current = in_force(seen.owed)
    cell = re.search(rf'data-key="{re.escape(current.key)}" data-state="(\w+)"', seen.home)
    assert cell is not None and cell.group(1) == current.state


def _missing(seen: Seen) -> None:
    section = seen.missing_page.split(f'id="missing-{seen.code}"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'data-round="(\d+)" data-due="([^"]+)"', section)
    by_round = {str(o.index): o.written.isoformat() for o in seen.owed}
    assert shown and all(by_round[index] == due for index, due in shown)
    owing = {str(o.index) for o in seen.owed if o.is_owed}
    for index, _ in shown:  # the office is named under a round exactly when it owes it
        block = section.split(f'data-round="{index}"', 1)[1].split("</div>", 1)[0]
        assert ("เชียงใหม่" in block) == (index in owing)


def _dashboard(seen: Seen) -> None:
    (row,) = [m for m in seen.board["missing"] if m["criterion"].code == seen.code]
    current = round_in_force(criterion_rounds(seen.rubric)[seen.code], TODAY)
    mine = next(o for o in seen.owed if o.index == current.index)
    assert row["due"].endswith(deadline_text(mine.written, rubric_calendar(seen.rubric)))


def _points(seen: Seen) -> None:
    """4.1.2 times its files against the schedule's date: sent before it, on it, or after it scores so."""
    (owed,) = entrant_obligations(seen.rubric, _unit(), criteria=["4.1.2"], today=TODAY)
    spec, calendar = rubric_spec(seen.rubric), rubric_calendar(seen.rubric)
    for sent in (owed.due - timedelta(1), owed.due, owed.due + timedelta(1)):
        facts = {"4.1.2": {"sent_at": datetime(sent.year, sent.month, sent.day, 10).isoformat()}}
        points = evaluate_entrant(spec, facts, size_group="", calendar=calendar).criteria["4.1.2"].points
        expected = Decimal(5) if sent < owed.due else Decimal(3) if sent == owed.due else Decimal(1)
        assert points == expected, (sent, owed.due)


def _reminders(seen: Seen) -> None:
    """Each round owed and due within the contest's N working days is told once as due, on its due day; each
    overdue one as overdue, the telling its lateness falls in on the contest's rhythm (`overdue_repeat`); a
    round met or not due yet is told nothing."""
    chosen = rhythm(seen.rubric)
    for o in seen.owed:
        told = [(d.kind, d.due_on, d.repeat) for d in seen.reminders if d.obligation == o.key]
        repeat = overdue_repeat(-o.days_left, chosen.every) if o.days_left is not None else None
        if o.state == ObligationState.OPEN and 0 <= o.days_left <= chosen.before:
            assert told == [(Kind.REMINDER_DUE, o.due, 0)], o
        elif o.state == ObligationState.LATE and repeat is not None:
            assert told == [(Kind.REMINDER_OVERDUE, o.due, repeat)], o
        else:
            assert told == [], o


def _calendar(seen: Seen) -> None:
    """The office's rounds of the criterion falling due from the feed's first day on, to the end of the year, are
    its events, each on the schedule's due day, its SEQUENCE the criterion's recorded moves."""
    head = f"{seen.rubric.key}:TH-50:{seen.code}:"
    events = {
        str(e["UID"]).split("@", 1)[0]: (e.decoded("DTSTART"), int(e["SEQUENCE"]))
        for e in seen.feed.walk("VEVENT")
        if str(e["UID"]).startswith(head)
    }
    assert events == {o.key: (o.due, len(o.moves)) for o in seen.owed if first_day(TODAY) <= o.due}


def _api(seen: Seen) -> None:
    """The rubric endpoint's `deadline` is the criterion's own moved date: with the dates of the criteria whose
    files it times (4.1.2 times 4.1.1's), the date the schedule times its sending by."""
    deadlines = {c["code"]: c["deadline"] for d in seen.api["dimensions"] for c in d["criteria"]}
    timed = [seen.code, *rubric_spec(seen.rubric).times_files_of(seen.code)]
    assert max(date.fromisoformat(deadlines[c]) for c in timed) == deadline_of(seen.rubric, seen.code)
    (criterion,) = [c for d in seen.api["dimensions"] for c in d["criteria"] if c["code"] == seen.code]
    scheduled = [(s["round"], s["written"], s["due"]) for s in criterion["schedule"]]
    assert scheduled == [(o.index, o.written.isoformat(), o.due.isoformat()) for o in seen.owed]
    if "rounds" in criterion:
        assert [r["due"] for r in criterion["rounds"]] == [o.written.isoformat() for o in seen.owed]
    rows = [(r["key"], r["written"], r["due"], r["state"]) for r in seen.api_owed if r["criterion"] == seen.code]
    assert rows == [(o.key, o.written.isoformat(), o.due.isoformat(), o.state) for o in seen.owed]


READERS = [_criterion_page, _home, _missing, _dashboard, _points, _reminders, _calendar, _api]


def _unit():
    from contests.models import Unit

    return Unit.objects.get(code="TH-50")


@pytest.fixture
def present(db, monkeypatch):
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: REAL_LOCALDATE(value, tz) if value else TODAY
    )
    return demo_present_year(today=TODAY)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moved=moves)
def test_every_reader_agrees_with_the_schedule_whatever_the_moves(
    present, client, provincial_user, central_user, moved
):
    client.force_login(central_user)
    for code, day, untick in moved:
        offered = companions(present, code)
        kept = next((c for c in offered if c.round), None) if untick else None
        also = None if kept is None else [c.key for c in offered if c is not kept]
        try:
            criterion_deadline_set(
                user=central_user, rubric=present, code=code, deadline=day, reason="ตามหนังสือกรม", also=also
            )
        except ChangeRefused:  # only a round kept after a date brought before it (decision 16)
            assert kept is not None and kept.old is not None and day < kept.old
    codes = {code for code, _, _ in moved}
    page = reverse("schedule:missing", args=[present.key])
    missing = {code: client.get(page, {"criterion": code}).content.decode() for code in codes}
    board = dashboard.dashboard(present, today=TODAY, calendar=rubric_calendar(present))
    api = client.get(reverse("api-rubric", args=[present.key])).json()
    api_owed = client.get(reverse("api-entrant-obligations", args=[present.key, "TH-50"])).json()
    reminders = [due for batch in rubric_reminders(present, TODAY) for due in batch]
    feed = Calendar.from_ical(client.get(calendar_path(calendar_address_make(user=provincial_user))).content)
    client.force_login(provincial_user)
    home = client.get(reverse("submissions:unit", args=[present.key, "TH-50"])).content.decode()
    for code in codes:
        owed = entrant_obligations(present, _unit(), criteria=[code], today=TODAY)
        page = client.get(reverse("submissions:criterion", args=[present.key, "TH-50", code])).content.decode()
        seen = Seen(present, code, owed, page, home, missing[code], board, reminders, feed, api, api_owed)
        for reader in READERS:
            reader(seen)
