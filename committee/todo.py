"""A judge's line on the home page (submissions.todo): how many cells with evidence are left to score in
each contest the user sits on, linked to the next one."""

from __future__ import annotations

from contests.actor import actor_of
from core.thai import thai_digits
from scoring.models import StandingsSnapshot
from submissions.todo import Todo, Tone

from .queue import next_url, own_progress
from .selectors import judged_rubrics

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
        progress = own_progress(user, rubric)
        th, en = rubric.name_th, rubric.name_en or rubric.name_th
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
