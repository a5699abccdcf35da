"""Deadlines as decision 9 has them shown: the written date and, if offices are closed, where it moves.

Here rather than in scoring's tags: the pages' own date format and language switch live in submissions,
which scoring never imports.
"""

from __future__ import annotations

from django import template

from scoring import selectors

from .thai import is_en, thai_date

register = template.Library()


@register.filter
def moved_deadline(deadline, rubric) -> str:
    """ "" when offices are open on the deadline, else " → ๑๘ เมษายน ๒๕๖๖ (วันหยุด)", in the page's language.

    The calendar is cached per rubric revision, which every holiday change renews: no query per row.
    """
    if not deadline or rubric is None:
        return ""
    moved = selectors.rubric_calendar(rubric).next_working_day(deadline)
    if moved == deadline:
        return ""
    return f" → {thai_date(moved)} ({'office holiday' if is_en() else 'วันหยุด'})"
