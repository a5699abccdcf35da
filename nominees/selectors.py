"""Reads about a contest's nominees (`Contest.nominates`): who sees which, and when nominating closes.
The writes are in nominees.services (re-exported by services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from contests.actor import Power, actor_of
from contests.entrants import contest_entrants
from contests.models import Contest, Unit
from contests.scopes import in_scope, running
from nominees.models import Nominee, NomineeState
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_calendar
from rulebook.workdays import deadline_text
from schedule.contest import criterion_rounds


@dataclass(frozen=True)
class NominationWindow:
    """When an office may still set its nominee.

    `deadline` is the date the schedule says its nominee is due by, as written: the latest date of the criteria a
    nominee answers (`Criterion.nominee`), every recorded move applied, as its "what to do now" says it (the
    organiser moved it from 20 to 9 July: 9 July); for a contest none of whose criteria a nominee answers, its
    latest criterion date (seed 001: "ส่งรายชื่อ… ให้จังหวัดภายในวันที่ ๒๐ กรกฎาคม ๒๕๖๔", every criterion's
    deadline), else the day its last period ends. `closes` is that day moved to the next working day when offices
    are closed (docs/decisions.md, decision 9): an office may nominate up to and on that day."""

    deadline: date
    closes: date
    rubric: ContestPeriod  # whose calendar moved the deadline (the page's moved_deadline filter asks it again)

    def is_open(self, today: date) -> bool:
        return today <= self.closes

    def text(self, lang: str = "th") -> str:
        """ "๒๐ ก.ค. ๒๕๖๔", or with the day it moves to: "๑๓ เม.ย. ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๘ เม.ย. ๒๕๖๖"."""
        return deadline_text(self.deadline, rubric_calendar(self.rubric), lang)


def nomination_window(contest: Contest) -> NominationWindow:
    """The contest's nomination deadline (see NominationWindow), from the schedule (`criterion_rounds`): 1 query,
    and 1 more per period of the contest."""
    rubrics = list(ContestPeriod.objects.filter(contest=contest).select_related("contest").order_by("ends_on"))
    dated: list[tuple[bool, date, date, ContestPeriod]] = []  # (a nominee answers it, as written, due, its rubric)
    for rubric in rubrics:
        for rounds in criterion_rounds(rubric).values():
            last = rounds[-1]
            if last.written is not None and last.due is not None:
                dated.append((last.criterion.nominee, last.written, last.due, rubric))
    nominated = [d for d in dated if d[0]] or dated
    if nominated:
        _, written, due, rubric = max(nominated, key=lambda d: d[1])
        return NominationWindow(written, due, rubric)
    rubric = rubrics[-1]
    return NominationWindow(rubric.ends_on, rubric_calendar(rubric).next_working_day(rubric.ends_on), rubric)


def nominees_for_user(user) -> QuerySet[Nominee]:
    """The one scope of nominees: every one for central staff; an organiser, those of the contests their
    office runs; anyone else, those of each contest's entrants they may see there (office staff: their own
    office's, in the contests it enters)."""
    actor = actor_of(user)
    rows = Nominee.objects.select_related("contest", "unit", "office")
    if Power.ORGANISE in actor.powers:
        return rows.filter(running(actor, "contest__"))
    return rows.filter(in_scope(actor, "contest", "unit"))


def active_nominees(rubric: ContestPeriod) -> QuerySet[Nominee]:
    """schedule.hooks.nominated_sources: the contest's nominees still named (a withdrawn one meets nothing)."""
    return Nominee.objects.filter(contest_id=rubric.contest_id, state=NomineeState.ACTIVE)


def nominees_by_unit(contest: Contest) -> dict[int, Nominee]:
    """unit id → its nominee in a contest that takes nominees (Contest.nominates); {} without a query otherwise."""
    if not contest.nominates:
        return {}
    # A withdrawn nominee ("ถอนรายชื่อ") is named nowhere: the office stands without one until it nominates again.
    rows = Nominee.objects.filter(contest=contest, state=NomineeState.ACTIVE).select_related("unit", "office")
    return {n.unit_id: n for n in rows}


def nominee_of(contest: Contest, unit: Unit) -> Nominee | None:
    """The office's nominee row, withdrawn or not (its own page shows a withdrawal); None if it never nominated."""
    return Nominee.objects.filter(contest=contest, unit=unit).select_related("office").first()


def nominee_offices(contest: Contest, unit: Unit) -> list[Unit]:
    """The offices a nominee may be said to work in: the nominating office first, then the contest's other
    entrants and its organiser (a person seconded elsewhere is recorded as such, and the rubric decides)."""
    others = [u for u in contest_entrants(contest).order_by("code") if u.pk != unit.pk]
    return [unit, *others, *([contest.organiser] if contest.organiser is not None else [])]
