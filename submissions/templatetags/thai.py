"""Thai-first display: Buddhist-Era dates with Thai digits (Django's th locale prints Gregorian years)."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.translation import get_language

from contests import eligibility
from core import thai

register = template.Library()


def is_en() -> bool:
    return (get_language() or "th").startswith("en")


@register.simple_tag
def t(th: str, en: str) -> str:
    """{% t "ไทย" "English" %}: the interface's two languages side by side in the template."""
    return en if is_en() else th


@register.filter
def loc(obj, field: str) -> str:
    """obj|loc:"name" → obj.name_th, or obj.name_en in English (falling back to Thai when empty)."""
    th = getattr(obj, f"{field}_th", "")
    return (getattr(obj, f"{field}_en", "") or th) if is_en() else th


@register.filter
def label(text) -> str:
    """A (lazy) translated text as the page's language reads it."""
    return str(text)


@register.filter
def office_name(unit) -> str:
    """A unit as the office a person works in: "สำนักงานพัฒนาชุมชนอำเภอแม่ริม" (its English name in English)."""
    return (unit.name_en or unit.code) if is_en() else eligibility.office_name(unit)


@register.filter
def thai_digits(value) -> str:
    return str(value) if is_en() else thai.thai_digits(value)


@register.filter
def thai_date(value) -> str:
    """31 May 2023 → "๓๑ พฤษภาคม ๒๕๖๖" (or "31 May 2023 (B.E. 2566)" in English)."""
    if not value:
        return ""
    if not is_en():
        return thai.thai_date(value)
    if isinstance(value, datetime):
        value = thai.local(value).date()
    return f"{value.day} {value:%B %Y} (B.E. {value.year + 543})"


@register.filter
def thai_datetime(value) -> str:
    """A server timestamp in Asia/Bangkok: "๓๑ พฤษภาคม ๒๕๖๖ ๒๓:๓๐ น."."""
    if not value:
        return ""
    if not is_en():
        return thai.thai_datetime(value)
    local = thai.local(value)
    return f"{local.day} {local:%B %Y %H:%M} (B.E. {local.year + 543})"


@register.filter
def days_left(value) -> str:
    if value is None:
        return ""
    if value > 0:
        return f"{value} working days left" if is_en() else f"เหลือ {thai_digits(value)} วันทำการ"
    if value == 0:
        return "due today" if is_en() else "ครบกำหนดวันนี้"
    return f"{-value} working days late" if is_en() else f"เลยกำหนด {thai_digits(-value)} วันทำการ"


@register.filter
def sent_late(value) -> str:
    """A sent item against its deadline: on time, or how many working days late."""
    if not value:
        return "sent on time" if is_en() else "ส่งแล้ว ตรงเวลา"
    return f"sent {value} working days late" if is_en() else f"ส่งช้า {thai_digits(value)} วันทำการ"


@register.filter
def filesize(num: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if num < 1024 or unit == "GB":
            text = f"{num:.0f} {unit}" if unit == "B" else f"{num:.1f} {unit}"
            return thai_digits(text)
        num /= 1024
    return str(num)


@register.filter
def baht(value) -> str:
    """8700 → "๘,๗๐๐ บาท" ("8,700 baht" in English); nothing → ""."""
    if value is None or value == "":
        return ""
    return f"{thai.fmt_num(value)} baht" if is_en() else f"{thai.thai_num(value)} บาท"


class _InLanguage(template.Node):
    def __init__(self, th, en):
        self.th, self.en = th, en

    def render(self, context) -> str:
        return (self.en if is_en() else self.th).render(context)


@register.tag
def bi(parser, token):
    """{% bi %}ตารางภาพรวม {{ year }}{% en %}matrix {{ year }}{% endbi %}: a text with variables, in the page's
    language; {% t %} for one without."""
    th = parser.parse(("en",))
    parser.delete_first_token()
    en = parser.parse(("endbi",))
    parser.delete_first_token()
    return _InLanguage(th, en)
