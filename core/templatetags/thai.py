"""Thai-first display on every page of the portal, `{% load thai %}`: Buddhist-Era dates with Thai digits (Django's th
locale prints Gregorian years). A unit's office name is contests' (`{% load offices %}`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django import template
from django.utils.translation import get_language, gettext, ngettext

from core import thai

register = template.Library()


def is_en() -> bool:
    return (get_language() or "th").startswith("en")


@register.filter
def loc(obj, field: str) -> str:
    """obj|loc:"name" → obj.name_th, or obj.name_en in English (falling back to Thai when empty); a dict's keys too."""

    def read(key: str) -> str:
        return obj.get(key, "") if isinstance(obj, Mapping) else getattr(obj, key, "")

    th = read(f"{field}_th")
    return (read(f"{field}_en") or th) if is_en() else th


@register.filter
def label(text) -> str:
    """A (lazy) translated text as the page's language reads it."""
    return str(text)


@register.filter
def thai_digits(value) -> str:
    """A code or count in the page's digits (core.thai.digits, as notices, e-mails and LINE write them)."""
    return str(thai.digits(value))


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
    if value == 0:
        return gettext("due today")
    if value > 0:
        return ngettext("%(days)s working day left", "%(days)s working days left", value) % {"days": thai_digits(value)}
    return ngettext("%(shown)s working day late", "%(shown)s working days late", -value) % {
        "shown": thai_digits(-value)
    }


@register.filter
def sent_late(value) -> str:
    """A sent item against its deadline: on time, or how many working days late."""
    if not value:
        return gettext("sent on time")
    return ngettext("sent %(days)s working day late", "sent %(days)s working days late", value) % {
        "days": thai_digits(value)
    }


@register.filter
def filesize(num: float) -> str:
    """Bytes as "๑.๕ MB", "๑ GB" (core.thai.size_text)."""
    return thai.size_text(num)


@register.filter
def baht(value) -> str:
    """8700 → "๘,๗๐๐ บาท" ("8,700 baht" in English); nothing → ""."""
    if value is None or value == "":
        return ""
    return gettext("%(amount)s baht") % {"amount": thai_digits(thai.fmt_num(value))}
