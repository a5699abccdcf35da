"""A judge's line on the home page (submissions.todo): how many cells with evidence are left to score in
each contest the user sits on, linked to the next one; for the chair, the cells waiting for the chair."""

from __future__ import annotations

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import CHAIR, actor_of
from core import acts
from core.i18n import either
from core.thai import digits
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from schedule.selectors import judging_obligation
from schedule.states import ObligationState
from scoring.models import StandingsSnapshot
from submissions.todo import Todo, Tone

from .queue import matrix_url, next_url, own_progress, units_for
from .selectors import cell_aggregate, cell_states, judged_rubrics

SHOWN = 3  # contests named on the home page; a panelist rarely sits on more


def judge_todo(user) -> list[Todo]:
    """Per contest the user scores in (the newest national year, and each open period of an office's
    contest it sits on), not yet frozen: "N left of M", or that every item with evidence is scored."""
    actor = actor_of(user)
    rubrics, national = [], False
    for rubric in judged_rubrics(user):
        if not actor.rights(rubric.contest).judges or (rubric.contest.is_national and national):
            continue
        national = national or rubric.contest.is_national
        rubrics.append(rubric)
    frozen = set(StandingsSnapshot.objects.filter(rubric__in=rubrics).values_list("rubric_id", flat=True))
    todo = []
    for rubric in [r for r in rubrics if r.pk not in frozen][:SHOWN]:
        name = either(rubric.name_th, rubric.name_en)
        todo += judging_ends(rubric, user)
        if actor.rights(rubric.contest).seat == CHAIR:
            todo += chair_todo(user, rubric)
            continue
        progress = own_progress(user, rubric)
        if progress.left:
            todo.append(
                Todo(
                    format_lazy(
                        _("Score {left} more of {total} items with evidence: {contest}"),
                        left=digits(progress.left),
                        total=digits(progress.total),
                        contest=name,
                    ),
                    next_url(rubric, {}),
                    "score",
                    Tone.DUE,
                )
            )
        elif progress.total:
            text = format_lazy(_("Every item with evidence scored: {contest}"), contest=name)
            todo.append(Todo(text, "", "scored", Tone.DONE))
        else:
            text = format_lazy(_("No evidence to score yet: {contest}"), contest=name)
            todo.append(Todo(text, "", "nothing", Tone.DONE))
    return todo


def judging_ends(rubric: ContestPeriod, user=None) -> list[Todo]:
    """By when the contest's judging ends, from the schedule (schedule.selectors.judging_obligation: the
    contest's judging deadline, moved off a closed day), with the working days left; linked to where it is set
    for whoever may set it (the lock's `committee.set_judging_deadline`), else to the member's scoring."""
    owed = judging_obligation(rubric, user) if user is not None else None
    if owed is None or owed.state == ObligationState.EXCUSED:
        return []
    text = format_lazy(_("Judging ends: {contest}"), contest=either(rubric.name_th, rubric.name_en))
    url = reverse("panel:judging_deadline", args=[rubric.key]) if _sets_deadline(user, rubric) else ""
    tone = Tone.LATE if owed.state == ObligationState.LATE else Tone.DUE
    return [Todo(text, url, "judging-ends", tone, owed.written, owed.days_left, due=owed.due)]


def _sets_deadline(user, rubric: ContestPeriod) -> bool:
    return user is not None and acts.allowed(user, "committee.set_judging_deadline", rubric.contest)


def disagreements(user, rubric: ContestPeriod) -> tuple[int, int]:
    """(cells where the members' scores differ, those of them still without the chair's final) among the
    units the chair judges; an override settles a cell as a final does. 4 queries (+ the spec)."""
    judged = {c.code: c for c in rubric_spec(rubric).criteria() if c.rule.committee_judges}
    units = {u.pk for u in units_for(user, rubric)}
    split = waiting = 0
    for (_unit, code), state in cell_states(rubric, units).items():
        c = judged.get(code)
        if c is None or state.override is not None:
            continue
        if cell_aggregate(state, c.rule, c.max_points).spread:
            split += 1
            waiting += state.chair_final is None
    return split, waiting


def chair_todo(user, rubric: ContestPeriod) -> list[Todo]:
    """The chair's job, not the chair's own scores: the finals the disagreements wait for, linked to the
    matrix filtered to them."""
    split, waiting = disagreements(user, rubric)
    name = either(rubric.name_th, rubric.name_en)
    if waiting:
        return [
            Todo(
                format_lazy(
                    _("Members disagree on {split} cells, {waiting} waiting for the chair's final: {contest}"),
                    split=digits(split),
                    waiting=digits(waiting),
                    contest=name,
                ),
                matrix_url(rubric, {"status": "disagree"}),
                "finals",
                Tone.DECIDE,
            )
        ]
    if split:
        text = format_lazy(
            _("A final for every cell where members disagree ({split}): {contest}"), split=digits(split), contest=name
        )
        return [Todo(text, "", "finals-done", Tone.DONE)]
    return [Todo(format_lazy(_("No cell where members disagree: {contest}"), contest=name), "", "no-split", Tone.DONE)]
