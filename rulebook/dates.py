"""The product's one date parser and its Thai/English date formats (docs/decisions.md, decision 11).

Thai offices type dates many ways: ISO `2023-04-18`, `18/04/2566`, `18/4/66`, Thai digits,
`๑๘ เม.ย. ๒๕๖๖`, and ISO with a B.E. year (`2566-04-18`). A year of 2400 or more is B.E.
(minus 543); a two-digit year is B.E. 25xx. Every reading can be shown back to the person
("๑๘ เม.ย. ๒๕๖๖ = 18 Apr 2023") so that a misread date is caught, not scored.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from pythainlp.util.date import thai_abbr_months, thai_full_months

from core.errors import PortalError
from core.i18n import _, format_lazy
from core.numbers import is_whole
from core.thai import thai_date

BANGKOK = ZoneInfo("Asia/Bangkok")
BE_OFFSET = 543
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = {
    name.replace(" ", ""): i
    for i in range(1, 13)
    for name in (thai_abbr_months[i - 1], thai_full_months[i - 1], _EN_MONTHS[i - 1].lower())
}
_MONTH_NAMES.update({name.replace(".", ""): i for name, i in list(_MONTH_NAMES.items())})

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})")
_NAMED = re.compile(r"(\d{1,2})\s*([^\d\s]+?)\s*(\d{4}|\d{2})")
# Optional time after the date: "T09:30", " 09:30:15", "9.30 น.", then an optional UTC offset.
_TIME = re.compile(r"(?:[T\s]+)(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:น\.)?\s*(Z|[+-]\d{2}:?\d{2})?")
_EXAMPLES = "2023-04-18, 18/04/2566, 18/4/66"


class DateInputError(PortalError):
    """A date that cannot be read, or that is read but outside the contest; Thai first."""


def en_date(day: date) -> str:
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def reading(day: date) -> str:
    """How a date was read, for messages: "๑๘ เม.ย. ๒๕๖๖ = 18 Apr 2023"."""
    return f"{thai_date(day, short=True)} = {en_date(day)}"


def be_date(value: str) -> str:
    """An ISO date as the builder's boxes show it, day/month/B.E. year; anything unreadable as it is."""
    try:
        day = parse_date(value)
    except DateInputError:
        return value
    return f"{day.day:02d}/{day.month:02d}/{day.year + BE_OFFSET}"


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        return 2500 + year - BE_OFFSET
    return year - BE_OFFSET if year >= 2400 else year


def _unreadable(raw: str) -> DateInputError:
    return DateInputError(
        format_lazy(_("cannot read the date “{raw}” (use {examples} or 18 เม.ย. 2566)"), raw=raw, examples=_EXAMPLES),
    )


def _split(raw: str) -> tuple[date, str]:
    """The date at the start of the text, and what follows it."""
    text = raw.translate(_TO_ARABIC).strip()
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_NAMED, "dny")):
        match = pattern.match(text)
        if not match:
            continue
        if order == "ymd":
            year, month, day = _year(match[1]), int(match[2]), int(match[3])
        elif order == "dmy":
            day, month, year = int(match[1]), int(match[2]), _year(match[3])
        else:
            month = _MONTH_NAMES.get(match[2].lower().replace(".", ""), 0)
            day, year = int(match[1]), _year(match[3])
        try:
            return date(year, month, day), text[match.end() :]
        except ValueError:
            raise DateInputError(
                format_lazy(
                    _("“{raw}” is not a calendar date (read as day {day}, month {month}, year {year})"),
                    raw=raw,
                    day=day,
                    month=month,
                    year=year,
                ),
            ) from None
    raise _unreadable(raw)


FISCAL_YEARS = range(2500, 2701)  # fiscal years B.E.; 2024 (a Christian-era year) or -1 is a mistake


def fiscal_year(year: object) -> tuple[date, date] | None:
    """Fiscal year B.E. `year` (a number, or its digits as typed): 1 October of the year before to 30 September,
    2566 → (2022-10-01, 2023-09-30). Every date a contest accepts (its start and end, deadlines, periods, facts)
    is checked against it by `check_window`, so no date can make a count run over centuries. None for a year
    that is not one."""
    text = str(year).translate(_TO_ARABIC).strip()
    if isinstance(year, bool) or not is_whole(text) or int(text) not in FISCAL_YEARS:
        return None
    ce = int(text) - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def check_window(day: date, raw: str, window: tuple[date, date] | None) -> None:
    """Refuse a date more than a year outside the contest's fiscal year (`fiscal_year`), showing how it was
    read: the one check of every date a contest accepts."""
    if window is None:
        return
    starts, ends = window
    first, last = widened(window)
    if first <= day <= last:
        return
    raise DateInputError(
        f"วันที่ “{raw}” อ่านได้เป็น {reading(day)} ซึ่งห่างจากปีงบประมาณ "
        f"({thai_date(starts, short=True)} – {thai_date(ends, short=True)}) เกิน ๑ ปี โปรดตรวจปี พ.ศ./ค.ศ.",
        f"the date “{raw}” reads as {en_date(day)} ({thai_date(day, short=True, digits=False)}), more than a year "
        f"outside the fiscal year ({en_date(starts)} – {en_date(ends)}); check the B.E./A.D. year",
    )


def widened(window: tuple[date, date]) -> tuple[date, date]:
    """The first and last day `check_window` accepts: a year either side of the window."""
    return shift_year(window[0], -1), shift_year(window[1], 1)


def shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def parse_date(raw: str, *, window: tuple[date, date] | None = None) -> date:
    """A date alone; `window` is the contest's fiscal year (starts, ends)."""
    day, rest = _split(str(raw))
    if rest.strip():
        raise _unreadable(raw)
    check_window(day, raw, window)
    return day


def parse_moment(raw: str, *, window: tuple[date, date] | None = None) -> date | datetime:
    """A date, or a date with a time in Bangkok time (a time without an offset is Bangkok time)."""
    day, rest = _split(str(raw))
    check_window(day, raw, window)
    if not rest.strip():
        return day
    match = _TIME.fullmatch(rest.rstrip())
    if not match:
        raise _unreadable(raw)
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _unreadable(raw)
    zone = BANGKOK if match[4] is None else _offset(match[4])
    moment = datetime.combine(day, time(hour, minute, second), tzinfo=zone)
    return moment.astimezone(BANGKOK)


def _offset(text: str) -> timezone:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
