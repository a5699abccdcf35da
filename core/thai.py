"""Thai digits, points, baht and Buddhist-Era dates: the one place the portal formats them.

Django's th locale prints Gregorian years, so dates go through PyThaiNLP's thai_strftime.
The template libraries (submissions' `thai`, awards' `awards_thai`, scoring's tags) are thin wrappers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TypeVar
from zoneinfo import ZoneInfo

from pythainlp.util import bahttext, collate, num_to_thaiword, thai_strftime

from core.i18n import _, either, format_lazy

T = TypeVar("T")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
CENT = Decimal("0.01")


def thai_digits(value) -> str:
    return str(value).translate(THAI_DIGITS)


def digits(value):
    """A code or a count as the reader's language writes it: "๔.๑.๑", "๒๔" in Thai, "4.1.1" in English. Lazy,
    read when shown: a page, a notice (rendered in its reader's language), an e-mail, a LINE push, the admin's
    bell. The one formatter for codes and counts in running text; `thai_digits` is for Thai-only text."""
    return either(thai_digits(value), str(value))


SIZES = ("B", "KB", "MB", "GB", "TB")


def size_text(size: int | float) -> str:
    """Bytes as people read a file's size: "๘๑๙ KB", "๑.๕ MB", "๑ GB" (1,024 MB is one GB, and ".0" is never
    written), in the reader's digits."""
    num, unit = float(size), 0
    while num >= 1024 and unit < len(SIZES) - 1:
        num, unit = num / 1024, unit + 1
    text = f"{num:.0f}" if unit == 0 else f"{num:.1f}".removesuffix(".0")
    return str(digits(f"{text} {SIZES[unit]}"))


def arabic_digits(value) -> str:
    """What people type: "๑๒" reads as "12"."""
    return str(value).translate(ARABIC_DIGITS)


# What the reader sees of a page: the text between tags, not a script, a style or a text box's content, nor a
# file's text shown as it is (a contest's JSON in <pre>, copied into a file), nor a character reference's number
# (Django's "&#10006;" before "Clear all filters").
_MARKUP = re.compile(r"(<(script|style|textarea|pre)\b.*?</\2\s*>|<[^>]*>|&#?[0-9A-Za-z]+;)", re.DOTALL | re.IGNORECASE)


# Digits a page leaves as written, between these two comments: the portal's own header (the notices bell, which
# `digits` wrote already) reads alike on the portal's pages and the admin's.
KEEP_DIGITS, KEPT_DIGITS = "<!--digits-->", "<!--/digits-->"
# A word with a digit in it, as a page's text writes it ("4.1.1", "14:30", "27/11/2569", "committee1", "TH-50",
# "IMG_0412.MOV", "somchai2@example.com"); Thai letters, spaces and brackets end it.
_WORD = re.compile(r"[0-9๐-๙A-Za-z_@./:+\-]*[0-9๐-๙][0-9๐-๙A-Za-z_@./:+\-]*")
# A Latin letter, "_" or "@" makes the word a name or an address (a username, a file, an e-mail, a province's
# code), typed and matched character for character: its digits stay as written. Every other word is a code, a
# count, a date or a time; so is a word of digits alone that is a name elsewhere (a unit's DOPA code, an IP
# address): no rule tells it from a count, and the admin reads it in Thai digits too.
_NAMED = re.compile(r"[A-Za-z_@]")


def _in_digits(text: str, table: dict[int, int]) -> str:
    return _WORD.sub(lambda word: word[0] if _NAMED.search(word[0]) else word[0].translate(table), text)


def page_in_readers_digits(html: str, *, thai: bool) -> str:
    """An HTML page (the admin's) whose codes, counts, dates and times read in the reader's digits, as `digits`
    writes them: Thai in Thai, Arabic in English. Tags, attributes, form contents, a <pre>'s file text, names and
    addresses (`_NAMED`) and what KEEP_DIGITS marks are left as written."""
    table = THAI_DIGITS if thai else ARABIC_DIGITS
    parts = _MARKUP.split(html)  # text, markup, the markup's tag name (or None), text, …
    text, markup = parts[0::3], parts[1::3]
    out, keep = [_in_digits(text[0], table)], False
    for tag, after in zip(markup, text[1:], strict=True):
        keep = (keep or tag == KEEP_DIGITS) and tag != KEPT_DIGITS
        out += [tag, after if keep else _in_digits(after, table)]
    return "".join(out)


def as_decimal(value) -> Decimal:
    # Never through float: 0.1 + 0.2 must not appear on a prize or a score.
    return value if isinstance(value, Decimal) else Decimal(str(value))


# Explanations quote the same few numbers for thousands of entrants; equal values print alike
# (normalized), so the cache never mixes 5 and 5.00 into different texts.
@lru_cache(maxsize=8192)
def fmt_points(value) -> str:
    """4, 2.5, 27.46: never 4.00 or 1E+1."""
    return format(as_decimal(value).normalize(), "f")


@lru_cache(maxsize=8192)
def fmt_num(value) -> str:
    """3500 → "3,500"."""
    return format(as_decimal(value).normalize(), ",f")


def thai_num(value) -> str:
    """91.67 → ๙๑.๖๗, 4000 → ๔,๐๐๐: numbers quoted the manual's way in Thai text."""
    return thai_digits(fmt_num(value))


def points_text(value, *, thai: bool = True, empty: str = "–") -> str:
    """5.00 → "๕", 7.50 → "๗.๕", 87.25 → "๘๗.๒๕"; nothing yet → "–" (or `empty`)."""
    if value is None or value == "":
        return empty
    text = fmt_points(value)
    return thai_digits(text) if thai else text


def money_text(value, *, thai: bool = True) -> str:
    """15000 → "๑๕,๐๐๐"; satang shown only when there are any ("๑๕,๐๐๐.๕๐")."""
    amount = as_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return thai_digits(text) if thai else text


def baht_words(value) -> str:
    """15000 → "หนึ่งหมื่นห้าพันบาทถ้วน", 15000.50 → "หนึ่งหมื่นห้าพันบาทห้าสิบสตางค์".

    pythainlp's bahttext wants a float and refuses Decimal; a float would misread satang
    (e.g. 0.29), so baht go in as an int and satang are worded separately.
    """
    amount = as_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValueError(format_lazy(_("negative amount {amount}"), amount=amount))
    baht = int(amount)
    satang = int((amount - baht) * 100)
    if satang == 0:
        return bahttext(baht)
    whole = bahttext(baht).removesuffix("ถ้วน") if baht else ""
    return f"{whole}{num_to_thaiword(satang)}สตางค์"


def baht_text(value) -> str:
    """As the seed writes an amount: "๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"."""
    return f"{money_text(value)} บาท ({baht_words(value)})"


# Thai dates are Bangkok's (settings.TIME_ZONE); named here so the rule engine needs no Django.
BANGKOK = ZoneInfo("Asia/Bangkok")


def local(value: datetime) -> datetime:
    """An aware timestamp in Bangkok time; a naive one as it is."""
    return value.astimezone(BANGKOK) if value.tzinfo is not None and value.utcoffset() is not None else value


def be_strftime(value: date | datetime, fmt: str, *, digits: bool = True) -> str:
    """strftime with the Buddhist-Era year and Thai month names (%B, %b); a date is midnight."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return thai_strftime(value, fmt, thaidigit=digits)


def thai_date(value: date | datetime | None, *, era: bool = False, short: bool = False, digits: bool = True) -> str:
    """date(2023, 8, 21) → "๒๑ สิงหาคม ๒๕๖๖"; era: "๒๑ สิงหาคม พ.ศ. ๒๕๖๖" (a CDD letter);
    short: "๒๑ ส.ค. ๒๕๖๖". A timestamp is the day it is in Bangkok."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    month = "%b" if short else "%B"
    return be_strftime(value, f"%-d {month} {'พ.ศ. ' if era else ''}%Y", digits=digits)


def thai_datetime(
    value: datetime | None, *, at: bool = False, seconds: bool = False, short: bool = False, digits: bool = True
) -> str:
    """A timestamp in Bangkok: "๒๑ สิงหาคม ๒๕๖๖ ๑๔:๐๕ น."; at: "… เวลา ๑๔:๐๕ น." (documents);
    short, digits=False: "21 ส.ค. 2566 14:05 น." (the admin's tables)."""
    if value is None or value == "":
        return ""
    clock = "%H:%M:%S" if seconds else "%H:%M"
    month = "%b" if short else "%B"
    return be_strftime(local(value), f"%-d {month} %Y {'เวลา ' if at else ''}{clock}", digits=digits) + " น."


def thai_sorted(items: Iterable[T], *, key: Callable[[T], str] = str) -> list[T]:
    """ก–ฮ, Thai dictionary order (PyThaiNLP's collate): อ่างทอง before อำนาจเจริญ, เชียงใหม่ among the ช.

    Code-point order (SQL's ORDER BY on SQLite, Python's sorted) puts the leading vowels เ แ โ ใ ไ after ฮ
    and a tone mark after every vowel."""
    items = list(items)
    rank = {name: i for i, name in enumerate(collate({key(item) for item in items}))}
    return sorted(items, key=lambda item: rank[key(item)])
