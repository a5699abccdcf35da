"""Thai numbers, baht and Buddhist-Era dates in templates: {% load awards_thai %}.

Named th_* so they never shadow the submissions app's `thai` library (which follows the page's
language); these are always Thai, as the signed documents are.
"""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

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


AWARD = "รางวัล"


@register.filter
def award_title(name) -> str:
    """A tier's name as an award: "ชนะเลิศ" → "รางวัลชนะเลิศ"; a name that already says so (the seed
    contests' "รางวัลชนะเลิศ") stays as it is, never "รางวัลรางวัลชนะเลิศ"."""
    name = str(name or "")
    return name if name.startswith(AWARD) else f"{AWARD}{name}"


# Phrases a Thai reader takes as one word. Pango breaks Thai by its dictionary, which knows "ปี", "งบ" and
# "ประมาณ" but not the phrase, so "ปีงบประมาณ" could end one line with "ปี"; the year it names
# belongs with it too ("ปีงบประมาณ พ.ศ. ๒๕๖๔", "ประจำปี ๒๕๖๖").
WHOLE = re.compile(r"(?:ปีงบประมาณ|ประจำปี(?:งบประมาณ)?)(?:\s*พ\.ศ\.)?(?:\s*[๐-๙0-9]{4})?")


@register.filter
def th_whole(text) -> str:
    """Escaped text with each fixed phrase in a span that does not wrap (`.whole` in awards/pdf/base.html)."""
    text = conditional_escape(str(text or ""))
    return mark_safe(WHOLE.sub(lambda m: format_html('<span class="whole">{}</span>', m.group(0)), text))
