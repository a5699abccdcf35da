"""A judge's line on the home page (submissions.todo): how many cells with evidence are left to score in
each contest the user sits on, linked to the next one; for the chair, the cells waiting for the chair."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contests.actor import CHAIR, actor_of
from core import acts
from core.thai import thai_digits
from scoring.models import Rubric, StandingsSnapshot
from scoring.selectors import rubric_calendar, rubric_spec
from submissions.selectors import working_days_left
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
        if not actor.judges(rubric.contest) or (rubric.contest.is_national and national):
            continue
        national = national or rubric.contest.is_national
        rubrics.append(rubric)
    frozen = set(StandingsSnapshot.objects.filter(rubric__in=rubrics).values_list("rubric_id", flat=True))
    todo = []
    for rubric in [r for r in rubrics if r.pk not in frozen][:SHOWN]:
        th, en = rubric.name_th, rubric.name_en or rubric.name_th
        todo += judging_ends(rubric, user)
        if actor.seat(rubric.contest) == CHAIR:
            todo += chair_todo(user, rubric)
            continue
        progress = own_progress(user, rubric)
        if progress.left:
            todo.append(
                Todo(
                    f"ให้คะแนนอีก {thai_digits(progress.left)} จาก {thai_digits(progress.total)} รายการที่มีหลักฐาน: {th}",
                    f"Score {progress.left} more of {progress.total} items with evidence: {en}",
                    next_url(rubric, {}),
                    "score",
                    Tone.DUE,
                )
            )
        elif progress.total:
            done_th, done_en = f"ให้คะแนนครบทุกรายการที่มีหลักฐานแล้ว: {th}", f"Every item with evidence scored: {en}"
            todo.append(Todo(done_th, done_en, "", "scored", Tone.DONE))
        else:
            none_th, none_en = f"ยังไม่มีหลักฐานให้ให้คะแนน: {th}", f"No evidence to score yet: {en}"
            todo.append(Todo(none_th, none_en, "", "nothing", Tone.DONE))
    return todo


def judging_ends(rubric: Rubric, user=None) -> list[Todo]:
    """By when the contest's judging ends (the contest's judging deadline), with the working days left;
    linked to where it is set for whoever may set it (the lock's `committee.set_judging_deadline`)."""
    day = rubric.contest.judging_deadline
    if day is None:
        return []
    name = (rubric.name_th, rubric.name_en or rubric.name_th)
    with translation.override("th"):
        th = _("Judging ends: %(contest)s") % {"contest": name[0]}
    with translation.override("en"):
        en = _("Judging ends: %(contest)s") % {"contest": name[1]}
    days = working_days_left(rubric_calendar(rubric), timezone.localdate(), day)
    url = reverse("panel:judging_deadline", args=[rubric.key]) if _sets_deadline(user, rubric) else ""
    return [Todo(th, en, url, "judging-ends", Tone.LATE if days is not None and days < 0 else Tone.DUE, day, days)]


def _sets_deadline(user, rubric: Rubric) -> bool:
    return user is not None and acts.allowed(user, "committee.set_judging_deadline", rubric.contest)


def disagreements(user, rubric: Rubric) -> tuple[int, int]:
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


def chair_todo(user, rubric: Rubric) -> list[Todo]:
    """The chair's job, not the chair's own scores: the finals the disagreements wait for, linked to the
    matrix filtered to them."""
    split, waiting = disagreements(user, rubric)
    th, en = rubric.name_th, rubric.name_en or rubric.name_th
    if waiting:
        return [
            Todo(
                f"กรรมการเห็นต่าง {thai_digits(split)} ช่อง รอคะแนนสรุปของประธาน {thai_digits(waiting)} ช่อง: {th}",
                f"Members disagree on {split} cells, {waiting} waiting for the chair's final: {en}",
                matrix_url(rubric, {"status": "disagree"}),
                "finals",
                Tone.DECIDE,
            )
        ]
    if split:
        done_th = f"ให้คะแนนสรุปครบทุกช่องที่กรรมการเห็นต่าง ({thai_digits(split)} ช่อง): {th}"
        done_en = f"A final for every cell where members disagree ({split}): {en}"
        return [Todo(done_th, done_en, "", "finals-done", Tone.DONE)]
    none_th, none_en = f"ยังไม่มีช่องที่กรรมการเห็นต่าง: {th}", f"No cell where members disagree: {en}"
    return [Todo(none_th, none_en, "", "no-split", Tone.DONE)]
