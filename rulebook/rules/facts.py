"""Parsing of raw fact strings and formatting of numbers for explanations.

Facts arrive as strings typed by people (CSV imports, forms), so parsing is lenient about
Thai digits, thousands separators and spacing, and strict about everything else.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from core.thai import arabic_digits, fmt_num, fmt_points, thai_num  # noqa: F401  (the rules import them here)
from rulebook.dates import DateInputError, parse_moment
from rulebook.rules.errors import FactError, Label

CENT = Decimal("0.01")
# Either plain digits or correctly grouped thousands: "1,234" yes, "1,23" no (likely a list).
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_YES = {"yes", "y", "true", "1", "ใช่", "ทำ", "ทำแล้ว", "มี", "ผ่าน", "done"}
_NO = {"no", "n", "false", "0", "ไม่ใช่", "ไม่ทำ", "ยังไม่ทำ", "ไม่มี", "ไม่ผ่าน"}


# Digits a typed number may have: a budget in satang fits in 15; Decimal's 28 places then stay exact, and a
# number too great to print (a million digits overflows Decimal's exponent) is refused, not a 500.
NUMBER_DIGITS_MAX = 18


def too_many_digits(text: str) -> bool:
    return sum(c.isdigit() for c in text) > NUMBER_DIGITS_MAX


def clean(raw: str) -> str:
    return arabic_digits(raw).strip()


def parse_number(fact: str, label: Label, raw: str) -> Decimal:
    text = clean(raw)
    if text.endswith("%"):
        text = text[:-1].rstrip()
    if too_many_digits(text):
        raise FactError(
            fact,
            f"{label.th} มีตัวเลขเกิน {NUMBER_DIGITS_MAX} หลัก",
            f"{label.en} has more than {NUMBER_DIGITS_MAX} digits",
        )
    if not _NUMBER.fullmatch(text):
        raise FactError(
            fact,
            f"{label.th} ต้องเป็นตัวเลข แต่ได้รับ “{raw}”",
            f"{label.en} must be a number, got “{raw}”",
        )
    return Decimal(text.replace(",", ""))


def parse_amount(fact: str, label: Label, raw: str, top: Decimal | None = None) -> Decimal:
    """A non-negative number, optionally capped (a score cannot exceed its maximum)."""
    value = parse_number(fact, label, raw)
    if value < 0:
        raise FactError(fact, f"{label.th} ต้องไม่ติดลบ ({raw})", f"{label.en} must not be negative ({raw})")
    if top is not None and value > top:
        raise FactError(
            fact,
            f"{label.th} {fmt_num(value)} เกินค่าสูงสุด {fmt_num(top)}",
            f"{label.en} {fmt_num(value)} exceeds the maximum {fmt_num(top)}",
        )
    return value


def parse_count(fact: str, label: Label, raw: str) -> Decimal:
    """A count of things (computers, households, downloads): a whole number, never 40.5."""
    value = parse_amount(fact, label, raw)
    if value != value.to_integral_value():
        raise FactError(
            fact,
            f"{label.th} ต้องเป็นจำนวนเต็ม (นับเป็นหน่วย) แต่ได้รับ “{raw}”",
            f"{label.en} must be a whole number (a count), got “{raw}”",
        )
    return value


def parse_bool(fact: str, label: Label, raw: str) -> bool:
    text = clean(raw).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise FactError(
        fact,
        f"{label.th} ต้องเป็น ใช่/ไม่ใช่ แต่ได้รับ “{raw}”",
        f"{label.en} must be yes/no, got “{raw}”",
    )


def parse_codes(fact: str, label: Label, raw: str, known: tuple[str, ...]) -> frozenset[str]:
    """A list such as "1,3" or "1, 3"; "-" means none."""
    text = clean(raw)
    codes = [c.strip() for c in text.split(",")] if text != "-" else []
    codes = [c for c in codes if c]
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise FactError(
            fact,
            f"{label.th}: ไม่รู้จักรายการ {', '.join(unknown)} (ใช้ได้: {', '.join(known)})",
            f"{label.en}: unknown item(s) {', '.join(unknown)} (allowed: {', '.join(known)})",
        )
    return frozenset(codes)


def parse_when(fact: str, label: Label, raw: str, window: tuple[date, date] | None = None) -> datetime | date:
    """A date, or a timestamp in Bangkok time, read the way Thai offices type it (rulebook.dates).

    Imports check the fiscal-year window themselves: the portal's own upload timestamps are not typed.
    """
    try:
        return parse_moment(raw, window=window)
    except DateInputError as error:
        raise FactError(fact, f"{label.th}: {error.th}", f"{label.en}: {error.en}") from None


def percent(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (numerator * 100 / denominator).quantize(CENT, rounding=ROUND_HALF_UP)


def pts_th(value: Decimal) -> str:
    return f"{fmt_points(value)} คะแนน"


def pts_en(value: Decimal) -> str:
    return f"{fmt_points(value)} point{'' if value == 1 else 's'}"
