"""A unit named as the office its people work in, on a page: `{% load offices %}`."""

from django import template

from contests import units
from core.templatetags.thai import is_en

register = template.Library()


@register.filter
def office_name(unit) -> str:
    """A unit as the office a person works in: "สำนักงานพัฒนาชุมชนอำเภอแม่ริม" (its English name in English)."""
    return (unit.name_en or unit.code) if is_en() else units.office_name(unit)
