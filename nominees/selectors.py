"""Reads about a contest's nominees (`Contest.nominates`): who sees which, and when nominating closes.
The writes are in nominees.services (re-exported by services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from contests.actor import Power, actor_of
from contests.models import Contest
from contests.scopes import in_scope, running
from nominees.models import Nominee
from rulebook.workdays import deadline_text
from scoring.models import Criterion, Rubric
from scoring.selectors import rubric_calendar


@dataclass(frozen=True)
class NominationWindow:
    """When an office may still set its nominee.

    `deadline` is the contest's submission deadline as written: its latest criterion deadline (seed 001:
    "ส่งรายชื่อ… ให้จังหวัดภายในวันที่ ๒๐ กรกฎาคม ๒๕๖๔", every criterion's deadline), else, for a contest
    whose criteria have none, the day its last period ends. `closes` is that day moved to the next working
    day when offices are closed (docs/decisions.md, decision 9): an office may nominate up to and on that day."""

    deadline: date
    closes: date
    rubric: Rubric  # whose calendar moved the deadline (the page's moved_deadline filter asks it again)

    def is_open(self, today: date) -> bool:
        return today <= self.closes

    def text(self, lang: str = "th") -> str:
        """ "๒๐ ก.ค. ๒๕๖๔", or with the day it moves to: "๑๓ เม.ย. ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๘ เม.ย. ๒๕๖๖"."""
        return deadline_text(self.deadline, rubric_calendar(self.rubric), lang)


def nomination_window(contest: Contest) -> NominationWindow:
    """The contest's nomination deadline (see NominationWindow); 1 query, 2 with no criterion deadline."""
    latest = (
        Criterion.objects.filter(rubric__contest=contest, deadline__isnull=False)
        .select_related("rubric")
        .order_by("-deadline")
        .first()
    )
    if latest is not None:
        rubric, deadline = latest.rubric, latest.deadline
    else:
        rubric = contest.rubrics.latest("ends_on")
        deadline = rubric.ends_on
    return NominationWindow(deadline, rubric_calendar(rubric).next_working_day(deadline), rubric)


def nominees_for_user(user) -> QuerySet[Nominee]:
    """The one scope of nominees: every one for central staff; an organiser, those of the contests their
    office runs; anyone else, those of each contest's entrants they may see there (office staff: their own
    office's, in the contests it enters)."""
    actor = actor_of(user)
    rows = Nominee.objects.select_related("contest", "unit", "office")
    if Power.ORGANISE in actor.powers:
        return rows.filter(running(actor, "contest__"))
    return rows.filter(in_scope(actor, "contest", "unit"))
