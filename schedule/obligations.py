"""An obligation and how its state follows from its due dates and what met them: plain data and plain
functions, no queries (the queries are `schedule.selectors`')."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple, Protocol

from rulebook.workdays import WorkCalendar

from .states import MetBy, ObligationKind, ObligationState


class Met(NamedTuple):
    """What met an obligation: an upload (its evidence id and moment), the Department's receipt (its day),
    a record, a nominee or the picks; `day` is Bangkok's, the day timeliness counts. `round`: the round an upload
    says it answers (numbered from 1 in due order, a round the criterion asks), None when its day decides
    (`rounds_met`). A named tuple: a contest's reads make one per upload and fact (400,000 for 7,255 entrants),
    and a tuple is made fastest."""

    by: MetBy
    day: date
    at: datetime | None = None
    evidence_id: int | None = None
    round: int | None = None


@dataclass(frozen=True)
class Obligation:
    """One thing owed, by one party, by one date.

    `key` is stable while the obligation is the same thing owed (a moved date keeps it): reminders are
    idempotent on it and the calendar feed's UID is made of it. Evidence: "<contest key>:<unit code>:
    <criterion code>:<round>" (round 0 for a criterion without rounds); judging "<contest key>:judging:<user id>";
    picks "<contest slug>:picks:<office code>"; answers "<contest slug>:answers:<unit code>:<file code>".

    `written` is the date as the documents now say it (the rubric's date or round, every recorded move
    applied); `due` the day it falls due (decision 9: a closed day moves it to the next working day, unless
    the contest reads its dates as written). `days_left`: working days from today to `due`, negative once past.
    `late_days`: working days after `due` that `met` came, or that it is overdue; 0 on time or ahead.
    `moves` are the criterion's recorded deadline moves (`rubrics.deadline_moves.DeadlineMove`, newest
    first, with whatever the change history keeps of each: reason, letter). `linked` names the other
    criteria that time the same files (`linked_criteria`). `url` is the page where one acts on it."""

    key: str
    kind: ObligationKind
    rubric_id: int
    contest_key: str  # the rubric's key (ContestPeriod.key), as URLs name it
    unit_id: int | None
    unit_code: str
    criterion: str  # criterion code, the stage file's code, or "" (judging, picks)
    label_th: str  # the criterion's number and name, or the stage's
    label_en: str
    round_th: str  # "ครั้งที่ ๑" / "Report 1", "" for a criterion without rounds
    round_en: str
    index: int  # 1-based round, 0 without rounds
    rounds: int  # how many rounds the criterion asks (0 without rounds)
    written: date | None
    due: date | None
    state: ObligationState
    met: Met | None
    days_left: int | None
    late_days: int
    url: str
    user_id: int | None = None  # judging: the member who owes it
    moves: tuple = ()
    linked: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_met(self) -> bool:
        return self.met is not None

    @property
    def is_owed(self) -> bool:
        """Still asked of its party: open or late (what reminders are about)."""
        return self.state in (ObligationState.OPEN, ObligationState.LATE)


def days_left(calendar: WorkCalendar, today: date, due: date | None) -> int | None:
    """Working days from today to `due` (already moved off a closed day); negative once past."""
    if due is None:
        return None
    if due >= today:
        return calendar.working_days_after(today, due)
    return -calendar.working_days_after(due, today)


@dataclass(frozen=True)
class RoundStanding:
    """Where one round stands: its state, what met it, and how late."""

    state: ObligationState
    met: Met | None
    late_days: int


class WorkingDays(Protocol):
    """What counting lateness asks of a calendar (rulebook.workdays.WorkCalendar, or a memo of it)."""

    def working_days_after(self, deadline: date, day: date) -> int: ...


def round_windows(dues: Sequence[date | None]) -> list[tuple[date | None, date | None]]:
    """Each round's window, (after, until), None for no bound: what meets it is sent after the round before
    it fell due and by its own day; the last round (or a criterion's only one), or a round of no date, also
    takes what is sent after. The one rule of which sending meets which round, for a sending that names none
    (`rounds_met` for one entrant, `schedule.tallies` and `schedule.kept` for a contest counted in the
    database, by `kept.meets`)."""
    found: list[tuple[date | None, date | None]] = []
    after: date | None = None
    for i, due in enumerate(dues):
        found.append((after, None if i == len(dues) - 1 else due))
        after = due if due is not None else after
    return found


def rounds_met(dues: Sequence[date | None], days: Sequence[date], named: Sequence[int | None] = ()) -> list[int | None]:
    """Each round's sending that met it, as its place in `days` (the sendings' days, in order), or None: the
    first that names it (`named`, beside `days`: the round a late report says it answers, numbered from 1; None
    where its day decides), or the first naming none in the round's window (`round_windows`), whichever came
    first. November's report sent on 28 November, named as November's, meets November (late), not December. The
    same for every reader (`rounds_stand`, the counts by round)."""
    if not any(n is not None for n in named):
        return _met_by_day(dues, days, list(range(len(days))))
    by_day = [place for place, n in enumerate(named) if n is None]
    first_named: dict[int, int] = {}
    for place, n in enumerate(named):
        if n is not None:
            first_named.setdefault(n, place)
    found = []
    for number, in_window in enumerate(_met_by_day(dues, [days[p] for p in by_day], by_day), 1):
        either = [p for p in (in_window, first_named.get(number)) if p is not None]
        found.append(min(either) if either else None)
    return found


def _met_by_day(dues: Sequence[date | None], days: Sequence[date], places: Sequence[int]) -> list[int | None]:
    """Each round's first sending of `days` (in order) in its window, as its place in `places`, or None."""
    found: list[int | None] = []
    for after, until in round_windows(dues):
        first = bisect_right(days, after) if after is not None else 0  # sent after the round before fell due
        end = len(days) if until is None else bisect_right(days, until)  # and by its own day
        found.append(places[first] if first < end else None)
    return found


def rounds_stand(
    dues: Sequence[date | None], sendings: Sequence[Met], *, today: date, calendar: WorkingDays, closed: bool
) -> list[RoundStanding]:
    """Each round's standing, rounds in due order: a round is met by the first sending that names it (late by
    the working days after its day, when it came after), or that names none and came after the round before it
    fell due and by its own due day (a report sent in April answers June's round, not March's); the last round
    (or a criterion's only one) is also met by a sending after its day, late by the working days between
    (`rounds_met`). What met it first wins: the Department's receipt of 4 November meets a 13
    November round on time whatever came after. A round not met once its contest closed (`closed`: results
    frozen or published) is excused, late or not: nothing can meet it any more, so it is nobody's work to follow."""
    found: list[RoundStanding] = []
    after: date | None = None
    ordered = sorted(sendings, key=lambda s: s.day)
    met_at = rounds_met(dues, [s.day for s in ordered], [s.round for s in ordered])
    for due, place in zip(dues, met_at, strict=True):
        met = ordered[place] if place is not None else None
        if met is not None:
            late = calendar.working_days_after(due, met.day) if due is not None else 0
            state = ObligationState.RECEIVED if met.by in (MetBy.RECEIPT, MetBy.RECORD) else ObligationState.SENT
        elif closed:
            late, state = 0, ObligationState.EXCUSED
        elif due is not None and due < today:
            late, state = calendar.working_days_after(due, today), ObligationState.LATE
        elif after is not None and today <= after:
            late, state = 0, ObligationState.NOT_DUE
        else:
            late, state = 0, ObligationState.OPEN
        found.append(RoundStanding(state, met, late))
        after = due if due is not None else after
    return found


def in_force(obligations: Sequence[Obligation]) -> Obligation | None:
    """The round a criterion is said by, on its row and in its heading: its first round still owed ahead
    (open, or not due yet), else its last (met, late or excused). One criterion's obligations, in due order."""
    ahead = (ObligationState.OPEN, ObligationState.NOT_DUE)
    return next((o for o in obligations if o.state in ahead), obligations[-1] if obligations else None)


def next_owed(obligations: Sequence[Obligation]) -> Obligation | None:
    """A criterion's round open now and not met (the one to send next), if any."""
    return next((o for o in obligations if o.state == ObligationState.OPEN), None)


def answerable(obligations: Sequence[Obligation]) -> list[Obligation]:
    """The rounds a report sent now may say it answers: each whose window has opened (met, late, open), none
    still ahead of the round before it. One criterion's obligations, in due order."""
    return [o for o in obligations if o.state != ObligationState.NOT_DUE]


def oldest_owed(obligations: Sequence[Obligation]) -> Obligation | None:
    """The round a report sent now is proposed for: the oldest still owed (late, then open), if any."""
    return next((o for o in obligations if o.is_owed), None)
