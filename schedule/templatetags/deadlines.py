"""Deadlines as decision 9 has them shown: the written date and, if offices are closed, where it moves.

The schedule's, as the deadline as it stands is (`schedule.selectors.deadline_of`), below every page that loads
them (the schedule's, an office's, the committee's scoring screen); the date is written by core's Thai tags.
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from core.templatetags.thai import is_en, thai_date
from rubrics.selectors import due_on, rubric_calendar
from rulebook.workdays import moved_suffix
from schedule.selectors import deadline_of

register = template.Library()


@register.filter
def falls_due(written, due) -> str:
    """What follows a date as the documents write it: "" when it falls due that day, else the working day it
    falls due on, " (วันหยุดราชการ) → เลื่อนเป็น ๒๑ กรกฎาคม ๒๕๗๐", in the page's language. `due` is the
    schedule's (docs/schedule.md, "How a due date is decided", step 4): `{{ o.written|falls_due:o.due }}`."""
    if not written or not due or due == written:
        return ""
    return moved_suffix(thai_date(due), "en" if is_en() else "th")


@register.filter
def moved_deadline(deadline, rubric) -> str:
    """ "" when offices are open on the deadline, else " (วันหยุดราชการ) → เลื่อนเป็น ๑๘ เมษายน ๒๕๖๖", in the
    page's language: `falls_due` of the day the schedule says it falls due on.

    The calendar is cached per rubric revision, which every holiday change renews: no query per row.
    """
    if not deadline or rubric is None:
        return ""
    return falls_due(deadline, due_on(rubric, deadline))


@register.simple_tag
def answered(evidence, rounds):
    """{% answered e rounds as o %}: the round an item says it answers, of its criterion's rounds from the schedule
    (`Obligation`s, as the criterion page has them), or None when its day decides."""
    number = getattr(evidence, "answers_round", None)
    return next((o for o in rounds or () if o.index == number), None) if number else None


@register.simple_tag
def late_days(sent, criterion, rubric, round_answered=None) -> int | None:
    """{% late_days e.created_at criterion rubric as late %}: working days an item came after the date its
    criterion's sending is timed by (the schedule's, moves applied and moved off a closed day), or after the day
    of the round it answers (`round_answered`, an `Obligation`: a late report is late for its own round), 0 on
    time, None without a date. The committee's screens mark late items with it."""
    if rubric is None or sent is None:
        return None
    if round_answered is not None and round_answered.due is not None:
        day = timezone.localtime(sent).date()
        return rubric_calendar(rubric).working_days_after(round_answered.due, day)
    deadline = deadline_of(rubric, criterion.code)
    if deadline is None:
        return None
    return rubric_calendar(rubric).late_by(deadline, timezone.localtime(sent).date())
