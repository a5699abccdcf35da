from decimal import Decimal

from django import template

from scoring.rules.facts import fmt_points

register = template.Library()


@register.filter
def pts(value) -> str:
    """5.00 → "5", 2.50 → "2.5"; empty for no score."""
    if value is None or value == "":
        return ""
    return fmt_points(Decimal(str(value)))


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
