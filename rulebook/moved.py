"""A contest's data (a rubric file, or the stages of a selection) moved by whole fiscal years.

The demo runs each shipped office contest again in the present fiscal year, so that its deadlines fall
in a real year. Everything dated moves with it: ISO dates anywhere (deadlines, a rule's "by"), and the
years a text names, B.E. or Gregorian, in Arabic or Thai digits ("ปีงบประมาณ พ.ศ. ๒๕๖๕", "April 2025",
a period's code "2568-04", a slug "nongkhai-missions-2565"). Only years near the contest's own are
touched, so a count or a threshold that merely looks like a year ("2000 households") stays as it is. A
range of years ("ปี ๒๕๖๖ – ๒๕๗๐", "2561-2564") moves as one: when either end is near, both ends move by the
same amount, so a five-year plan stays five years long (docs/decisions.md, decision 14).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, overload

from rulebook.dates import BE_OFFSET, shift_year

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A year, or a range of two ("๒๕๖๖ – ๒๕๗๐", "2561-2564", "2561 ถึง 2564"); a period's code "2568-04" is one year.
_YEAR = re.compile(r"(?<![\d๐-๙])([\d๐-๙]{4})(?:(\s*[-–—]\s*|\s*ถึง\s*)([\d๐-๙]{4}))?(?![\d๐-๙])")
_THAI = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(_THAI, "0123456789")
_TO_THAI = str.maketrans("0123456789", _THAI)
# How far a contest's texts reach around its own year: seed 002 bars subdistricts chosen in "ปี 2561 – 2564".
REACH = range(-5, 2)
SPAN = 20  # the longest range of years a text names: a plan's years, never a count beside a year
YEAR_KEYS = ("year", "barred_from", "barred_to")  # whole B.E. years held as numbers


@overload
def moved(data: dict[str, Any], *, year: int, years: int) -> dict[str, Any]: ...
@overload
def moved(data: object, *, year: int, years: int) -> object: ...
def moved(data: object, *, year: int, years: int) -> object:
    """`data` (JSON: dicts, lists, strings, numbers) of B.E. `year`, `years` fiscal years later; a new copy."""
    be = {year + k for k in REACH}
    ce = {y - BE_OFFSET for y in be}

    def near(number: int) -> bool:
        return number in be or number in ce

    def year_moved(text: str) -> str:
        new = str(int(text.translate(_TO_ARABIC)) + years)
        return new.translate(_TO_THAI) if text[0] in _THAI else new

    def one_year(match: re.Match[str]) -> str:
        first, between, last = match.groups()
        start = int(first.translate(_TO_ARABIC))
        if last is None:
            return year_moved(first) if near(start) else first
        end = int(last.translate(_TO_ARABIC))
        if 0 <= end - start <= SPAN and (near(start) or near(end)):
            return year_moved(first) + between + year_moved(last)
        # not a range of years: each number stands alone
        return (year_moved(first) if near(start) else first) + between + (year_moved(last) if near(end) else last)

    def walk(item: object, key: str = "") -> object:
        if isinstance(item, dict):
            return {k: walk(v, k) for k, v in item.items()}
        if isinstance(item, list):
            return [walk(v, key) for v in item]
        if isinstance(item, int) and not isinstance(item, bool) and key in YEAR_KEYS and item in be:
            return item + years
        if isinstance(item, str):
            day = _ISO_DAY.match(item)
            if day and int(day.group(1)) in ce:  # 29 February of a leap year becomes the 28th
                return shift_year(date(*map(int, day.groups())), years).isoformat()
            return _YEAR.sub(one_year, item)
        return item

    return walk(data)
