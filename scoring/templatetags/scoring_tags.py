"""Points as the pages print them."""

from __future__ import annotations

from decimal import Decimal

from django import template

from scoring.rules.facts import fmt_points

register = template.Library()


@register.filter
def points(value) -> str:
    """A stored total (DecimalField, "90.00") printed like the dimensions: "90", "84.5"."""
    if value is None or value == "":
        return ""
    return fmt_points(Decimal(str(value)))
