"""Deadlines as decision 9 has them shown: the written date and, if offices are closed, where it moves."""

from __future__ import annotations

from django import template

from core.thai import points_text
from scoring import selectors

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
    # The pages' own date format and language switch, so both dates read alike.
    from submissions.templatetags.thai import is_en, thai_date

    return f" → {thai_date(moved)} ({'office holiday' if is_en() else 'วันหยุด'})"


@register.filter
def points(value) -> str:
    """A stored total (DecimalField, "90.00") printed like the dimensions: "90", "84.5"."""
    return points_text(value, thai=False, empty="")
