"""Thai numbers, baht and Buddhist-Era dates in templates: {% load awards_thai %}.

Named th_* so they never shadow the submissions app's `thai` library (which follows the page's
language); these are always Thai, as the signed documents are.
"""

from django import template

from core import thai

register = template.Library()


@register.filter
def th_digits(value) -> str:
    return thai.thai_digits(value)


@register.filter
def th_points(value) -> str:
    return thai.points_text(value)


@register.filter
def th_money(value) -> str:
    return thai.money_text(value)


@register.filter
def th_baht(value) -> str:
    """15000 → "๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"."""
    return thai.baht_text(value)


@register.filter
def th_date(value) -> str:
    return thai.thai_date(value, era=True)


@register.filter
def th_datetime(value) -> str:
    return thai.thai_datetime(value, at=True)


@register.filter
def lines(value) -> list[str]:
    """A multi-line position ("ผู้อำนวยการ…\\nปฏิบัติราชการแทน…") as its non-empty lines."""
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
