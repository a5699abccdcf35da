"""A form's refusals as the alert list every page shows them in: `{% load refusals %}`."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


def refusals(problems: list[str]):
    if not problems:
        return ""
    return format_html(
        '<ul class="refusals" role="alert">{}</ul>',
        format_html_join("", "<li>{}</li>", ((getattr(p, "shown", p),) for p in problems)),
    )


@register.simple_tag
def refusals_of(problems: list[str]):
    return refusals(problems)
