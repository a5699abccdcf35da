"""A criterion's rounds: reports asked more than once, each with its own due date (1.2's round by 31 March and
round by 30 June, 1.3's ladder steps, 4.2's reports on the 15th of every month). The criterion's `deadline`
stays the last date, the one scoring reads; the rounds are what an office sends by when.

In a rubric file, `rounds` is a list of entries, each either one round or a monthly series:

    {"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2023-03-31"}
    {"label_th": "รายงานประจำเดือน", "label_en": "Monthly report", "day": 15, "from": "2022-11", "to": "2023-07"}

A series is one round a month from `from` to `to` (inclusive), due on `day` (the month's last day when it is
shorter). The dates are ISO days and "YYYY-MM" months, so a rubric moved to another year moves them too."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.i18n import Text, _, override
from core.thai import thai_digits
from rulebook.dates import DateInputError, check_window, parse_date

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MOST = 24  # rounds per criterion: two fiscal years of monthly reports
LABEL_MAX = 120
THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
               "ตุลาคม", "พฤศจิกายน", "ธันวาคม")  # fmt: skip


@dataclass(frozen=True)
class Round:
    label_th: str
    label_en: str
    due: date


class RoundsError(ValueError):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(en for _, en in problems))
        self.problems = problems  # (th, en) each


def _pair(text: Text, **params: object) -> tuple[str, str]:
    with override("th"):
        th = str(text) % params
    with override("en"):
        en = str(text) % params
    return th, en


def _month(value: Any) -> tuple[int, int] | None:
    found = MONTH.match(value) if isinstance(value, str) else None
    if found is None or not 1 <= int(found.group(2)) <= 12:
        return None
    return int(found.group(1)), int(found.group(2))


def _series(entry: Mapping[str, Any], n: int, label_th: str, label_en: str) -> list[Round]:
    day, first, last = entry.get("day"), _month(entry.get("from")), _month(entry.get("to"))
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 31:
        raise RoundsError([_pair(_("round %(n)s: “day” must be a day of the month, 1 to 31"), n=n)])
    if first is None or last is None or first > last:
        raise RoundsError([_pair(_("round %(n)s: “from” and “to” must be months like 2023-04, in order"), n=n)])
    found, (year, month) = [], first
    while (year, month) <= last:
        due = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        th_month = f"{THAI_MONTHS[month - 1]} {thai_digits(str(year + 543))}"
        found.append(Round(f"{label_th} {th_month}", f"{label_en} {due:%B %Y}", due))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def rounds_of(raw: Any, window: tuple[date, date] | None = None) -> tuple[Round, ...]:
    """The rounds a rubric's `rounds` list asks for, by due date; RoundsError names what is wrong (Thai and
    English), entry by entry."""
    if raw in (None, []):
        return ()
    if not isinstance(raw, list) or not all(isinstance(e, Mapping) for e in raw):
        raise RoundsError([_pair(_("“rounds” must be a list of objects"))])
    found: list[Round] = []
    problems: list[tuple[str, str]] = []
    for n, entry in enumerate(raw, 1):
        label_th, label_en = entry.get("label_th"), entry.get("label_en") or entry.get("label_th")
        if not isinstance(label_th, str) or not label_th.strip() or len(label_th) > LABEL_MAX:
            problems.append(_pair(_("round %(n)s: “label_th” must be a Thai name of at most %(most)s characters"),
                                  n=n, most=LABEL_MAX))  # fmt: skip
            continue
        try:
            if "due" in entry:
                due = parse_date(entry["due"], window=window) if isinstance(entry["due"], str) else None
                if due is None:
                    raise RoundsError([_pair(_("round %(n)s: “due” must be a date like 2023-03-31"), n=n)])
                made = [Round(label_th, str(label_en), due)]
            else:
                made = _series(entry, n, label_th, str(label_en))
            for each in made:
                check_window(each.due, each.due.isoformat(), window)
        except RoundsError as error:
            problems += error.problems
            continue
        except DateInputError as error:
            th, en = _pair(_("round %(n)s: %(error)s"), n=n, error="%s")
            problems.append((th % error.th, en % error.en))
            continue
        found += made
    if len(found) > MOST:
        problems.append(_pair(_("at most %(most)s rounds per criterion"), most=MOST))
    if problems:
        raise RoundsError(problems)
    return tuple(sorted(found, key=lambda r: r.due))


def rounds_moved(
    rounds: tuple[Round, ...], deadline: date | None, moves: Iterable[tuple[date | None, date | None]]
) -> tuple[Round, ...]:
    """The rounds as the documents now decide them, after the criterion's recorded deadline moves (`moves`:
    (old, new), oldest first): a round due on the date a move replaced moves with it (1.2's round due 30 June
    moves to 15 June with the criterion), and none stays after the criterion's deadline in force (a round
    beyond a date brought forward is due on it). Sorted by due date, as `rounds_of` gives them."""
    moved = []
    for each in rounds:
        due = each.due
        for old, new in moves:
            if old is not None and new is not None and due == old:
                due = new
        if deadline is not None and due > deadline:
            due = deadline
        moved.append(each if due == each.due else Round(each.label_th, each.label_en, due))
    return tuple(sorted(moved, key=lambda r: r.due))
