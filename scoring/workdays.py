"""Thai government working days (RUBRIC.md decision 3).

The `holidays` package knows public and government-office holidays, substitution days and the
cabinet's one-off holidays it has been told about; central staff correct the rest by overrides.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import holidays

CATEGORIES = ("public", "government")
EXTRA_HOLIDAY = {"th": "วันหยุดเพิ่มเติม (กำหนดโดยส่วนกลาง)", "en": "extra holiday (set centrally)"}


class WorkCalendar:
    def __init__(self, overrides: Mapping[date, bool] = {}) -> None:  # never mutated
        # True = office closed that day (extra holiday); False = office open (holiday cancelled).
        self.overrides = dict(overrides)
        self._names = {
            "th": holidays.Thailand(categories=CATEGORIES, language="th"),
            "en": holidays.Thailand(categories=CATEGORIES, language="en_US"),
        }

        self._open: dict[date, bool] = {}  # the holidays lookup is slow; 76 provinces ask for the same days

    def is_working_day(self, d: date) -> bool:
        if d not in self._open:
            if d in self.overrides:
                self._open[d] = not self.overrides[d]
            else:
                self._open[d] = d.weekday() < 5 and d not in self._names["th"]
        return self._open[d]

    def working_days_after(self, deadline: date, day: date) -> int:
        """Working days in (deadline, day]: the deadline itself never counts, the receipt day does."""
        return sum(self.is_working_day(deadline + timedelta(n)) for n in range(1, (day - deadline).days + 1))

    def holiday_name(self, d: date, lang: str = "th") -> str | None:
        """Thai name by default; lang="en" for English. None on ordinary days and weekends."""
        lang = "en" if lang == "en" else "th"
        if d in self.overrides:
            return EXTRA_HOLIDAY[lang] if self.overrides[d] else None
        return self._names[lang].get(d)
