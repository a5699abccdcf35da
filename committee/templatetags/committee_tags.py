from django import template

from core.thai import points_text

register = template.Library()


@register.filter
def pts(value) -> str:
    """5.00 → "5", 2.50 → "2.5"; empty for no score."""
    return points_text(value, thai=False, empty="")


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
