"""Thai government-office working days (docs/decisions.md, decisions 3 and 9).

The `holidays` package's public and government categories hold the public holidays, Royal
Ploughing Day, substitution days and the cabinet's one-off holidays (วันหยุดพิเศษ) it has been
told about. It also lists National Labour Day, which banks and firms keep but government offices
do not (its own source says so): that day and its in-lieu day are working days here. Central
staff correct whatever else the package gets wrong with overrides.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

from holidays.countries.thailand import Thailand

from core.thai import thai_date
from rulebook.dates import en_date

CATEGORIES = ("public", "government")
EXTRA_HOLIDAY = {"th": "วันหยุดเพิ่มเติม (กำหนดโดยส่วนกลาง)", "en": "extra holiday (set centrally)"}
WEEKEND = {"th": "วันเสาร์–อาทิตย์", "en": "weekend"}
LANGUAGES = {"th": "th", "en": "en_US"}  # the package's names for our two


class GovernmentOffices(Thailand):
    """Thailand's holidays as government offices keep them: without National Labour Day."""

    def _add_labor_day(self, name: str) -> None:  # the package's own hook; None also drops the in-lieu day
        return None


class Reason:
    PACKAGE = "package"
    OVERRIDE = "override"
    WEEKEND = "weekend"


@dataclass(frozen=True)
class CalendarDay:
    day: date
    reason: str  # Reason.*
    name_th: str
    name_en: str


# Years of holidays a process keeps (each a few kB): a contest spans its fiscal year ±1, so a few dozen
# cover every contest a worker meets; a wider count is computed, not remembered.
YEARS_KEPT = 64


@lru_cache(maxsize=YEARS_KEPT)
def _holidays(year: int, lang: str) -> Mapping[date, str]:
    """The package's holidays of one year in one language ("th" or "en_US"), made once per process."""
    return MappingProxyType(dict(GovernmentOffices(categories=CATEGORIES, language=lang, years=year)))


@lru_cache(maxsize=YEARS_KEPT)
def _closed_weekdays(year: int) -> tuple[date, ...]:
    """The year's package holidays that fall Monday to Friday, sorted: what `bisect` counts."""
    return tuple(sorted(d for d in _holidays(year, "th") if d.weekday() < 5))


def _weekdays_to(d: date) -> int:
    """Mondays to Fridays from 1 January of year 1 (a Monday, ordinal 1) to `d`, both counted."""
    weeks, rest = divmod(d.toordinal(), 7)
    return 5 * weeks + min(rest, 5)


class WorkCalendar:
    """Working days counted, not walked: weekdays by arithmetic, minus the package's weekday holidays found by
    bisection in each year's sorted tuple, corrected by the few overrides central staff set."""

    def __init__(self, overrides: Mapping[date, bool] = {}, *, moves: bool = True) -> None:  # never mutated
        # True = office closed that day (extra holiday); False = office open (holiday cancelled).
        self.overrides = dict(overrides)
        self._override_days = tuple(sorted(self.overrides))
        # Whether a deadline on a closed day moves to the next working day (decision 9, the default) or stays as
        # written (a contest may read "ภายในเดือนพฤษภาคม" so: its rubric's "closed_day": "as_written").
        self.moves = moves

    def _package_closed(self, d: date) -> bool:
        return d in _holidays(d.year, "th")

    def is_working_day(self, d: date) -> bool:
        closed = self.overrides.get(d)
        if closed is not None:
            return not closed
        return d.weekday() < 5 and d not in _holidays(d.year, "th")

    def next_working_day(self, d: date) -> date:
        """The day itself when offices are open, else the next day they are (decision 9); the day itself when the
        contest reads its deadlines as written."""
        while self.moves and not self.is_working_day(d):
            d += timedelta(1)
        return d

    def working_days_after(self, deadline: date, day: date) -> int:
        """Working days in (deadline, day]: the deadline itself never counts, the receipt day does."""
        if day <= deadline:
            return 0
        count = _weekdays_to(day) - _weekdays_to(deadline)
        for year in range(deadline.year, day.year + 1):
            closed = _closed_weekdays(year)
            count -= bisect_right(closed, day) - bisect_right(closed, deadline)
        for d in self._overrides_in(deadline, day):  # the package's answer for that day, replaced
            count += self.is_working_day(d) - (d.weekday() < 5 and not self._package_closed(d))
        return count

    def working_day_before(self, day: date, n: int) -> date:
        """The working day from which `day` is `n` working days away (working_days_after(it, day) == n): the
        day a reminder or a calendar's alarm of `day` says "due in n working days". Counted, not walked: each
        step back is as many days as are still short (never past it), then back over the closed days just
        before it, if it landed on any."""
        at = day - timedelta(days=n)
        while (short := n - self.working_days_after(at, day)) > 0:
            at -= timedelta(days=short)
        while not self.is_working_day(at):
            at -= timedelta(1)
        return at

    def late_by(self, deadline: date, day: date) -> int:
        """Working days `day` came after `deadline`, moved first as decision 9 says: 0 when in time."""
        return self.working_days_after(self.next_working_day(deadline), day)

    def closed_weekdays(self, deadline: date, day: date) -> list[date]:
        """Mondays to Fridays in (deadline, day] on which offices are closed, in order."""
        found = set(self._overrides_in(deadline, day))
        for year in range(deadline.year, day.year + 1):
            closed = _closed_weekdays(year)
            found.update(closed[bisect_right(closed, deadline) : bisect_right(closed, day)])
        return sorted(d for d in found if d.weekday() < 5 and not self.is_working_day(d))

    def _overrides_in(self, after: date, until: date) -> tuple[date, ...]:
        days = self._override_days
        return days[bisect_right(days, after) : bisect_right(days, until)]

    def holiday_name(self, d: date, lang: str = "th") -> str | None:
        """Thai name by default; lang="en" for English. None on ordinary days and weekends."""
        lang = "en" if lang == "en" else "th"
        if d in self.overrides:
            return EXTRA_HOLIDAY[lang] if self.overrides[d] else None
        return _holidays(d.year, LANGUAGES[lang]).get(d)

    def closed_day(self, d: date) -> CalendarDay | None:
        """Why offices are closed on `d`, or None on a working day."""
        if self.is_working_day(d):
            return None
        if d in self.overrides:
            return CalendarDay(d, Reason.OVERRIDE, EXTRA_HOLIDAY["th"], EXTRA_HOLIDAY["en"])
        if self._package_closed(d):
            return CalendarDay(d, Reason.PACKAGE, _holidays(d.year, "th")[d], _holidays(d.year, "en_US")[d])
        return CalendarDay(d, Reason.WEEKEND, WEEKEND["th"], WEEKEND["en"])

    def closed_days(self, starts: date, ends: date) -> list[CalendarDay]:
        return [c for n in range((ends - starts).days + 1) if (c := self.closed_day(starts + timedelta(n)))]

    def open_holidays(self, starts: date, ends: date) -> list[CalendarDay]:
        """Weekdays a calendar might call holidays but offices open: Labour Day, and cancelled holidays."""
        everyone = Thailand(categories=CATEGORIES, language="th", years=range(starts.year, ends.year + 1))
        out = []
        for n in range((ends - starts).days + 1):
            d = starts + timedelta(n)
            if d.weekday() >= 5 or not self.is_working_day(d):
                continue
            if d in self.overrides:
                out.append(CalendarDay(d, Reason.OVERRIDE, "ยกเลิกวันหยุด (ส่วนกลางกำหนด)", "holiday cancelled centrally"))
            elif d in everyone:
                out.append(CalendarDay(d, Reason.PACKAGE, everyone[d], "government offices open"))
        return out


def moved_suffix(moved_shown: str, lang: str = "th") -> str:
    """What follows a written deadline on which offices are closed (decision 9): that day was the closed one
    and the deadline moved, " (วันหยุดราชการ) → เลื่อนเป็น ๑ ส.ค. ๒๕๖๖" (not the moved-to day as a holiday)."""
    if lang == "en":
        return f" (offices closed) → moved to {moved_shown}"
    return f" (วันหยุดราชการ) → เลื่อนเป็น {moved_shown}"


def deadline_text(deadline: date | None, calendar: WorkCalendar, lang: str = "th", thai_digits: bool = True) -> str:
    """The deadline as written and, when offices are closed that day, the day it moves to (decision 9)."""
    if deadline is None:
        return "ยังไม่กำหนด" if lang == "th" else "not set"
    moved = calendar.next_working_day(deadline)

    def show(day: date) -> str:
        return thai_date(day, short=True, digits=thai_digits) if lang == "th" else en_date(day)

    if moved == deadline:
        return show(deadline)
    return show(deadline) + moved_suffix(show(moved), lang)
