"""The contest builder's boxes: a labelled input named as the builder's form names it, its value as posted,
and what is wrong with it beside it (builder/form.py)."""

from django import template
from django.utils.html import format_html, format_html_join

from builder import bands, rounds
from core.i18n import pick
from core.templatetags.refusals import refusals

register = template.Library()


@register.simple_tag
def box(builder, name: str, th: str, en: str, kind: str = "text", hint: str = ""):
    value = builder.post.get(name, "")
    problems = builder.problems.at.get(name, [])
    attrs = {"inputmode": "decimal"} if kind == "decimal" else {}
    input_type = "text" if kind in ("decimal", "date") else kind
    placeholder = "วว/ดด/ปปปป (พ.ศ.)" if kind == "date" else ""
    return format_html(
        '<label class="box{}">{}{}<input type="{}" name="{}" value="{}" id="{}"{}{}>{}</label>',
        " invalid" if problems else "",
        pick(th, en),
        format_html(' <span class="muted hint">{}</span>', hint) if hint else "",
        input_type,
        name,
        value,
        "b-" + name,
        format_html(' placeholder="{}"', placeholder) if placeholder else "",
        format_html_join("", ' {}="{}"', attrs.items()),
        refusals(problems),
    )


@register.simple_tag
def problems_at(builder, name: str):
    return refusals(builder.problems.at.get(name, []))


@register.filter
def posted(builder, name: str) -> str:
    return builder.post.get(name, "")


@register.simple_tag
def band_rows(builder, prefix: str) -> list[tuple[str, str, str]]:
    """A rubric's or a dimension's level bands as the page shows them: each typed, then a blank row."""
    return bands.band_rows(builder.post, prefix)


@register.simple_tag
def round_rows(builder, prefix: str) -> list[tuple[str, ...]]:
    """A criterion's rounds as the page shows them: each typed, then a blank row."""
    return rounds.round_rows(builder.post, prefix)
