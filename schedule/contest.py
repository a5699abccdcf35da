"""What every obligation of one contest shares, read once per contest read: each criterion's rounds as the
documents now decide them (the rubric's dates, every recorded move, the closed-day shift), the calendar,
today, and, per criterion, what its obligations share whoever owes them (`schedule.selectors`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone

from core.process_cache import Kept
from core.thai import thai_digits
from rubrics.deadline_moves import DeadlineMove, deadline_moves, round_moves
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_calendar, rubric_spec
from rulebook.rounds import rounds_moved
from rulebook.rubric import CriterionSpec, RubricSpec
from rulebook.workdays import WorkCalendar
from scoring.selectors import is_frozen

from .obligations import Met, Obligation, RoundStanding, days_left, rounds_stand
from .states import ObligationKind


@dataclass(frozen=True)
class DueRound:
    """One round of one criterion as the documents now decide it, the same for every entrant (index 0 and
    rounds 0: a criterion without rounds, by the date its sending is timed by)."""

    criterion: CriterionSpec
    index: int
    rounds: int
    round_th: str
    round_en: str
    written: date | None
    due: date | None


def _rounds_due(spec: RubricSpec, calendar: WorkCalendar, moves: dict[str, list[DeadlineMove]]) -> list[list[DueRound]]:
    """Per criterion, its rounds' dates (one entry without rounds): the rubric's rounds with the criterion's
    recorded moves applied, the rounds a move kept on their dates too (`rulebook.rounds.rounds_moved`), or the
    date its sending is timed by."""
    out = []
    for c in spec.criteria():
        written = spec.timing_deadline(c.code)
        if not c.rounds:
            out.append([DueRound(c, 0, 0, "", "", written, _shift(calendar, written))])
            continue
        moved = rounds_moved(c.rounds, c.deadline, round_moves(moves.get(c.code, [])))
        n = len(moved)
        out.append(
            [DueRound(c, i, n, r.label_th, r.label_en, r.due, _shift(calendar, r.due)) for i, r in enumerate(moved, 1)]
        )
    return out


def criterion_rounds(rubric: ContestPeriod) -> dict[str, list[DueRound]]:
    """criterion code → its rounds' dates in this contest (one without rounds), in rubric order: what every
    entrant owes by when, before anyone's sendings. 1 query (the moves)."""
    return {
        rounds[0].criterion.code: rounds
        for rounds in _rounds_due(rubric_spec(rubric), rubric_calendar(rubric), deadline_moves(rubric))
    }


def round_in_force(rounds: list[DueRound], today: date) -> DueRound:
    """The round a contest-wide list says a criterion by: the first not yet past, else the last."""
    return next((r for r in rounds if r.due is not None and r.due >= today), rounds[-1])


def _shift(calendar: WorkCalendar, written: date | None) -> date | None:
    return calendar.next_working_day(written) if written is not None else None


@dataclass(frozen=True)
class Plan:
    """What a contest's schedule is before today and anyone's sendings: each criterion's rounds' dates (`dues`)
    and, per criterion code, what its obligations say whoever owes them (`texts`)."""

    dues: list[list[DueRound]]
    texts: dict[str, Texts]


@dataclass(frozen=True)
class Texts:
    label_th: str
    label_en: str
    url: str  # with UNIT for the entrant's code
    moves: tuple
    linked: tuple[str, ...]


# Kept per process under the rubric's revision and its recorded moves (each change's id): the dates and words of
# hundreds of criteria's rounds were most of a person's calendar read, made again at every read. `_DAYS` keeps
# what they share on one day (where a round not met stands, the working days left), filled as they are asked.
_PLANS: Kept[Plan] = Kept()
_DAYS: Kept[dict[str, Shared]] = Kept()


def _plan(
    rubric: ContestPeriod, spec: RubricSpec, calendar: WorkCalendar, moves: dict[str, list[DeadlineMove]]
) -> Plan:
    dues = _rounds_due(spec, calendar, moves)
    texts = {
        c.code: Texts(
            label_th=f"{thai_digits(c.label)} {c.name_th}",
            label_en=f"{c.label} {c.name_en or c.name_th}",
            url=criterion_link(rubric.key, UNIT, c),
            moves=tuple(moves.get(c.code, ())),
            linked=spec.times_files_of(c.code) + spec.files_timed_by(c.code),
        )
        for c in (rounds[0].criterion for rounds in dues)
    }
    return Plan(dues, texts)


class ContestSchedule:
    """What every obligation of one contest shares: its rounds' dates, moves, links, calendar and today."""

    def __init__(self, rubric: ContestPeriod, today: date | None) -> None:
        self.rubric = rubric
        self.spec = rubric_spec(rubric)
        self.calendar = rubric_calendar(rubric)
        self.today = today or timezone.localdate()
        self.moves = deadline_moves(rubric)
        self.closed = is_frozen(rubric)
        marks = tuple(sorted((code, tuple(m.change for m in found)) for code, found in self.moves.items()))
        planned = (rubric.pk, rubric.revision, rubric.key, marks)
        self.plan = _PLANS.get(planned, lambda: _plan(rubric, self.spec, self.calendar, self.moves))
        self.dues = self.plan.dues
        self.key = rubric.key
        self.counted = Counted(self.calendar)
        # What each criterion's rounds share on this day, whoever owes them: made once a day per process.
        self.memo: dict[str, Shared] = _DAYS.get((planned, self.today, self.closed), dict)

    def chosen(self, criteria: Iterable[str] | None, since: date | None, until: date | None) -> list[list[DueRound]]:
        """The criteria asked for, each with all its rounds when any of them falls in the window (a round's
        state depends on the round before it)."""
        wanted = set(criteria) if criteria is not None else None
        out = []
        for rounds in self.dues:
            if wanted is not None and rounds[0].criterion.code not in wanted:
                continue
            if (since or until) and not any(within(r.due, since, until) for r in rounds):
                continue
            out.append(rounds)
        return out

    def obligations(
        self,
        unit_id: int,
        unit_code: str,
        rounds: list[DueRound],
        sent: list[Met],
        since: date | None = None,
        until: date | None = None,
    ) -> list[Obligation]:
        """An entrant's obligations of one criterion, only the rounds falling due from `since` to `until` (each
        inclusive; None: no bound), standing as the rounds before them make them."""
        return self.made(unit_id, unit_code, rounds, self.stands(rounds, sent), since, until)

    def stands(self, rounds: list[DueRound], sent: list[Met]) -> list[RoundStanding]:
        """Where each round of one criterion stands for an entrant that sent `sent`."""
        shared = self.shared(rounds)
        if not sent:
            return shared.unsent
        return rounds_stand(shared.dues, sent, today=self.today, calendar=self.counted, closed=self.closed)

    def made(
        self,
        unit_id: int,
        unit_code: str,
        rounds: list[DueRound],
        standing: list[RoundStanding],
        since: date | None = None,
        until: date | None = None,
    ) -> list[Obligation]:
        c = rounds[0].criterion
        shared = self.shared(rounds)
        url = shared.url.replace(UNIT, unit_code)
        head = f"{self.key}:{unit_code}:{c.code}:"
        return [
            Obligation(
                key=f"{head}{r.index}",
                kind=ObligationKind.EVIDENCE,
                rubric_id=self.rubric.pk,
                contest_key=self.key,
                unit_id=unit_id,
                unit_code=unit_code,
                criterion=c.code,
                label_th=shared.label_th,
                label_en=shared.label_en,
                round_th=r.round_th,
                round_en=r.round_en,
                index=r.index,
                rounds=r.rounds,
                written=r.written,
                due=r.due,
                state=s.state,
                met=s.met,
                days_left=left,
                late_days=s.late_days,
                url=url,
                moves=shared.moves,
                linked=shared.linked,
            )
            for r, s, left in zip(rounds, standing, shared.days_left, strict=True)
            if not (since or until) or within(r.due, since, until)
        ]

    def shared(self, rounds: list[DueRound]) -> Shared:
        """What every entrant's obligations of one criterion share, made once per contest read."""
        c = rounds[0].criterion
        found = self.memo.get(c.code)
        if found is None:
            dues = [r.due for r in rounds]
            unsent = rounds_stand(dues, [], today=self.today, calendar=self.counted, closed=self.closed)
            texts = self.plan.texts[c.code]
            found = self.memo[c.code] = Shared(
                dues=dues,
                unsent=unsent,
                days_left=[days_left(self.calendar, self.today, d) for d in dues],
                label_th=texts.label_th,
                label_en=texts.label_en,
                url=texts.url,
                moves=texts.moves,
                linked=texts.linked,
            )
        return found


@dataclass(frozen=True)
class Shared:
    dues: list
    unsent: list
    days_left: list
    label_th: str
    label_en: str
    url: str
    moves: tuple
    linked: tuple[str, ...]


class Counted:
    """The working days between two days, each pair counted once per contest read: thousands of entrants
    meet the same round on the same few days."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.memo: dict[tuple[date, date], int] = {}

    def working_days_after(self, deadline: date, day: date) -> int:
        key = (deadline, day)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.calendar.working_days_after(deadline, day)
        return found


def within(day: date | None, due_from: date | None, due_to: date | None) -> bool:
    return day is not None and (due_from is None or day >= due_from) and (due_to is None or day <= due_to)


UNIT = "UNIT-CODE"  # a unit code in a criterion's URL made once per contest, then filled per entrant


def criterion_link(key: str, unit_code: str, c: CriterionSpec) -> str:
    """Where an entrant acts on criterion `c`: its upload page, or the nominee form for one a nominee answers."""
    if c.nominee:  # answered by the nominee form on the contest's page, not by an upload
        return reverse("submissions:unit", args=[key, unit_code]) + "#nominee"
    return reverse("submissions:criterion", args=[key, unit_code, c.code])
