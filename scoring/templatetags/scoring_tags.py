"""Points as the pages print them."""

from __future__ import annotations

from django import template

from core.thai import points_text

register = template.Library()


@register.filter
def points(value) -> str:
    """A stored total (DecimalField, "90.00") printed like the dimensions: "90", "84.5"."""
    return points_text(value, thai=False, empty="")
