"""Points as the pages print them; years in the admin's date hierarchy in B.E."""

from __future__ import annotations

import re

from django import template
from django.utils.translation import get_language

from contests.admin.dates import be_text
from core.thai import points_text

register = template.Library()
GREGORIAN_YEAR = re.compile(r"\b(19|20|21)(\d\d)\b")


@register.filter
def points(value) -> str:
    """A stored total (DecimalField, "90.00") printed like the dimensions: "๙๐", "๘๔.๕" (in English "90")."""
    return points_text(value, thai=not (get_language() or "th").startswith("en"), empty="")


@register.filter
def be_years(title) -> str:
    """The date hierarchy's titles ("2026", "พฤศจิกายน 2026", "23 พฤศจิกายน") with B.E. years, in Thai
    (in English the admin's dates stay Gregorian: contests.admin.dates.be_text)."""
    if (get_language() or "th").startswith("en"):
        return str(title)
    return GREGORIAN_YEAR.sub(lambda m: str(int(m[0]) + 543), str(title))


@register.filter
def be_moment(value) -> str:
    """A timestamp the admin prints on its own pages (an object's history) the way its lists do:
    "23 พ.ย. 2569 14:05 น." (Django's DATETIME_FORMAT in th prints 2026)."""
    return be_text(value) if value else ""
