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
from core.names import has_control, name_refusal
from core.thai import thai_digits
from rulebook.dates import BE_OFFSET, FISCAL_YEARS, DateInputError, check_window, parse_date

MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
MOST = 24  # rounds per criterion: two fiscal years of monthly reports
# The years a month of a series may name (A.D.): those of the fiscal years a rubric may have (rulebook.dates).
YEARS = range(FISCAL_YEARS[0] - BE_OFFSET - 1, FISCAL_YEARS[-1] - BE_OFFSET + 1)
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


class _OverCap(RoundsError):
    """The criterion's rounds pass MOST: said once, and the entries after it are not read."""

    def __init__(self) -> None:
        super().__init__([_pair(_("at most %(most)s rounds per criterion"), most=MOST)])


def _pair(text: Text, **params: object) -> tuple[str, str]:
    with override("th"):
        th = str(text) % params
    with override("en"):
        en = str(text) % params
    return th, en


def _month(value: Any) -> tuple[int, int] | None:
    found = MONTH.match(value) if isinstance(value, str) else None
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) not in YEARS:
        return None
    return int(found.group(1)), int(found.group(2))


def _due(month: tuple[int, int], day: int) -> date:
    """The round's date in `month`: `day`, or the month's last day when it is shorter."""
    year, number = month
    return date(year, number, min(day, calendar.monthrange(year, number)[1]))


def _series(
    entry: Mapping[str, Any], n: int, label_th: str, label_en: str, window: tuple[date, date] | None, room: int
) -> list[Round]:
    """A monthly series' rounds: its span's two ends checked against the contest's window and its length
    against the `room` left under MOST before a single round is made (a series over centuries costs nothing)."""
    day, first, last = entry.get("day"), _month(entry.get("from")), _month(entry.get("to"))
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 31:
        raise RoundsError([_pair(_("round %(n)s: “day” must be a day of the month, 1 to 31"), n=n)])
    if first is None or last is None or first > last:
        raise RoundsError([_pair(_("round %(n)s: “from” and “to” must be months like 2023-04, in order"), n=n)])
    for end in (first, last):
        check_window(_due(end, day), f"{end[0]:04d}-{end[1]:02d}", window)
    if (last[0] - first[0]) * 12 + last[1] - first[1] + 1 > room:
        raise _OverCap
    found, month = [], first
    while month <= last:
        due = _due(month, day)
        th_month = f"{THAI_MONTHS[month[1] - 1]} {thai_digits(str(month[0] + 543))}"
        found.append(Round(f"{label_th} {th_month}", f"{label_en} {due:%B %Y}", due))
        month = (month[0] + 1, 1) if month[1] == 12 else (month[0], month[1] + 1)
    return found


def rounds_of(raw: Any, window: tuple[date, date] | None = None) -> tuple[Round, ...]:
    """The rounds a rubric's `rounds` list asks for, by due date; RoundsError names what is wrong (Thai and
    English), entry by entry. More entries than MOST, or a series that would pass it, is refused before
    anything is made, so a criterion's rounds cost at most MOST dates however the file is written."""
    if raw in (None, []):
        return ()
    if not isinstance(raw, list) or not all(isinstance(e, Mapping) for e in raw):
        raise RoundsError([_pair(_("“rounds” must be a list of objects"))])
    if len(raw) > MOST:
        raise _OverCap
    found: list[Round] = []
    problems: list[tuple[str, str]] = []
    for n, entry in enumerate(raw, 1):
        label_th, label_en = entry.get("label_th"), entry.get("label_en") or entry.get("label_th")
        if not isinstance(label_th, str) or not label_th.strip() or len(label_th) > LABEL_MAX:
            problems.append(_pair(_("round %(n)s: “label_th” must be a Thai name of at most %(most)s characters"),
                                  n=n, most=LABEL_MAX))  # fmt: skip
            continue
        named = [key for key in ("label_th", "label_en") if isinstance(entry.get(key), str) and has_control(entry[key])]
        if named:  # a round's name reaches a reminder's subject
            th, en = _pair(_("round %(n)s: %(error)s"), n=n, error="%s")
            refusal = name_refusal(named[0])
            problems.append((th % refusal[0], en % refusal[1]))
            continue
        try:
            if "due" in entry:
                due = parse_date(entry["due"], window=window) if isinstance(entry["due"], str) else None
                if due is None:
                    raise RoundsError([_pair(_("round %(n)s: “due” must be a date like 2023-03-31"), n=n)])
                made = [Round(label_th, str(label_en), due)]
            else:
                made = _series(entry, n, label_th, str(label_en), window, MOST - len(found))
            for each in made:
                check_window(each.due, each.due.isoformat(), window)
        except _OverCap as error:
            problems += error.problems
            break
        except RoundsError as error:
            problems += error.problems
            continue
        except DateInputError as error:
            th, en = _pair(_("round %(n)s: %(error)s"), n=n, error="%s")
            problems.append((th % error.th, en % error.en))
            continue
        found += made
    if problems:
        raise RoundsError(problems)
    return tuple(sorted(found, key=lambda r: r.due))


@dataclass(frozen=True)
class Move:
    """One recorded move of a criterion's deadline, from `old` to `new`: the rounds numbered in `kept` (from 1, in
    `rounds_of`'s order) were unticked on the move's form and stay where they were."""

    old: date | None
    new: date | None
    kept: frozenset[int] = frozenset()


def _moved_dues(rounds: tuple[Round, ...], moves: Iterable[Move | tuple[date | None, date | None]]) -> list[date]:
    """Each round's date by its number, every move applied in turn (`moves` oldest first), before the cap of the
    deadline in force: a round due on the date a move replaced moves with it, unless that move keeps it."""
    dues = [r.due for r in rounds]
    for move in moves:
        step = move if isinstance(move, Move) else Move(*move)
        if step.old is None or step.new is None:
            continue
        for i, due in enumerate(dues):
            if due == step.old and i + 1 not in step.kept:
                dues[i] = step.new
    return dues


def rounds_moved(
    rounds: tuple[Round, ...], deadline: date | None, moves: Iterable[Move | tuple[date | None, date | None]]
) -> tuple[Round, ...]:
    """The rounds as the documents now decide them, after the criterion's recorded deadline moves (`moves`:
    `Move`s or (old, new), oldest first): a round due on the date a move replaced moves with it (1.2's round due
    30 June moves to 15 June with the criterion) unless the move kept it (its box unticked: it keeps its date),
    and none stays after the criterion's deadline in force (a round beyond a date brought forward is due on it).
    Sorted by due date, as `rounds_of` gives them."""
    moved = []
    for each, due in zip(rounds, _moved_dues(rounds, moves), strict=True):
        if deadline is not None and due > deadline:
            due = deadline
        moved.append(each if due == each.due else Round(each.label_th, each.label_en, due))
    return tuple(sorted(moved, key=lambda r: r.due))


def rounds_on(
    rounds: tuple[Round, ...], deadline: date | None, moves: Iterable[Move | tuple[date | None, date | None]]
) -> tuple[int, ...]:
    """The numbers (from 1, in `rounds_of`'s order) of the rounds due on `deadline` itself once `moves` are
    applied: those the next move of the deadline moves with it, whichever way it goes, and so those its form
    offers to keep. A round only capped by the deadline (its own date later) is not one: moved later, the
    deadline gives it back its own date."""
    if deadline is None:
        return ()
    return tuple(n for n, due in enumerate(_moved_dues(rounds, moves), 1) if due == deadline)
