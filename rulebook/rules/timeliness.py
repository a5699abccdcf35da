"""Timeliness (2.1.2, 2.2.2, 4.1.2): points by Thai working days after the deadline."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from core.thai import thai_date
from rulebook.dates import en_date
from rulebook.rules.base import Rule
from rulebook.rules.declare import DECIMAL, FACT, INT, TABLE, Param
from rulebook.rules.errors import Label, RuleError
from rulebook.rules.facts import parse_when, pts_en, pts_th
from rulebook.rules.values import MOMENT, Context, FactFormat, Score
from rulebook.workdays import deadline_text

SHOWN_HOLIDAYS = 3
MOST_LATE_DAYS = 366  # a late step counts working days: more than a year's is a typo


class Timeliness(Rule):
    kind = "timeliness"
    committee_judges = False  # dates come from imports or upload times
    receipt_param = "fact"  # the date received: recorded, the criterion is sent
    default_labels = {"received_on": Label("วันที่รับเอกสาร", "date received")}
    title = Label("ความตรงเวลา (วันทำการ)", "timeliness in working days")
    parameters = (
        Param("fact", FACT, "ข้อมูลวันที่", "date fact"),
        Param("before", DECIMAL, "คะแนนเมื่อส่งก่อนกำหนด", "points before the deadline"),
        Param("on_day", DECIMAL, "คะแนนเมื่อส่งในวันครบกำหนด", "points on the day"),
        Param("later", DECIMAL, "คะแนนเมื่อช้ากว่าทุกขั้น", "points later than every step"),
        Param("missing", DECIMAL, "คะแนนเมื่อไม่ส่ง", "points when not sent", required=False, default="0"),
        Param(
            "late", TABLE, "ขั้นที่ส่งช้า", "late steps", required=False,
            columns=(
                Param("max_working_days", INT, "ช้าไม่เกิน (วันทำการ)", "late at most (working days)",
                      minimum=Decimal(0), maximum=Decimal(MOST_LATE_DAYS),
                      help_th="เรียงจากน้อยไปมาก", help_en="in increasing order"),
                Param("points", DECIMAL, "คะแนน", "points"),
            ),
        ),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        given = self.given
        self.fact, self.before, self.on_day, self.later = (
            given["fact"],
            given["before"],
            given["on_day"],
            given["later"],
        )
        self.missing = given["missing"]
        self.late: list[tuple[int, Decimal]] = [
            (row["max_working_days"], row["points"]) for row in given.get("late", [])
        ]
        days_list = [d for d, _ in self.late]
        if any(a >= b for a, b in pairwise(days_list)):
            raise RuleError(
                "late ต้องเรียง max_working_days จากน้อยไปมาก",
                "late must list max_working_days in increasing order",
                field="late",
            )

    def fact_names(self) -> tuple[str, ...]:
        return (self.fact,)

    def upload_time_fact(self) -> str:
        return self.fact if self.evidence.times_from else ""

    def levels(self) -> tuple[Decimal, ...]:
        values = {Decimal(0), self.before, self.on_day, self.later, self.missing}
        return tuple(sorted(values | {p for _, p in self.late}))

    def no_data(self, ctx: Context) -> Score:
        p = self.missing
        return Score(p, f"ยังไม่ส่ง → {pts_th(p)}", f"not submitted → {pts_en(p)}")

    def _parse(self, name: str, raw: str) -> object:
        return parse_when(name, self.label(name), raw)

    def fact_format(self, name: str) -> FactFormat:
        return MOMENT

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        written = ctx.deadline
        if written is None:
            return Score(
                self.missing,
                f"ยังไม่กำหนดวันครบกำหนด → {pts_th(self.missing)}",
                f"deadline not set → {pts_en(self.missing)}",
            )
        deadline = ctx.calendar.next_working_day(written)  # decision 9: a closed day moves the deadline
        when = parsed[self.fact]
        day = when.date() if isinstance(when, datetime) else when
        assert isinstance(day, date)
        if day < deadline:
            return Score.later(self.before, self._explain, ctx, written, deadline, when, 0, None)
        if day == deadline:
            return Score.later(self.on_day, self._explain, ctx, written, deadline, when, 0, None)
        late = ctx.calendar.working_days_after(deadline, day)
        limit = next(((d, p) for d, p in self.late if late <= d), None)
        return Score.later(limit[1] if limit else self.later, self._explain, ctx, written, deadline, when, late, limit)

    def _explain(
        self,
        ctx: Context,
        written: date,
        deadline: date,
        when: date,
        late: int,
        limit: tuple[int, Decimal] | None,
    ) -> tuple[str, str]:
        """The text of `_evaluate`'s score: when it was sent, against which deadline, how late, which level."""
        due = Label(deadline_text(written, ctx.calendar, "th"), deadline_text(written, ctx.calendar, "en"))
        if isinstance(when, datetime):
            day = when.date()
            sent_th, sent_en = (
                f"{thai_date(day, short=True)} {when:%H:%M} น. (เวลาประเทศไทย)",
                f"{en_date(day)} {when:%H:%M} Bangkok time",
            )
        else:
            day = when
            sent_th, sent_en = thai_date(day, short=True), en_date(day)
        if day < deadline:
            p = self.before
            return (
                f"ส่ง {sent_th} ก่อนวันครบกำหนด {due.th} → {pts_th(p)}",
                f"submitted {sent_en}, before the deadline {due.en} → {pts_en(p)}",
            )
        if day == deadline:
            p = self.on_day
            return (
                f"ส่ง {sent_th} ตรงวันครบกำหนด {due.th} → {pts_th(p)}",
                f"submitted {sent_en}, on the deadline day {due.en} → {pts_en(p)}",
            )
        p = limit[1] if limit else self.later
        if limit:
            rule_th, rule_en = f" (ไม่เกิน {limit[0]} วันทำการ)", f" (at most {limit[0]})"
        elif self.late:
            rule_th, rule_en = f" (เกิน {self.late[-1][0]} วันทำการ)", f" (more than {self.late[-1][0]})"
        else:  # one level for any lateness: the count is shown for information only
            rule_th = rule_en = ""
        # Holidays matter only when they kept the count within a better level.
        skipped = self._holidays(ctx, deadline, day) if limit else Label("", "")
        days_en = "working day" if late == 1 else "working days"
        return (
            f"ส่ง {sent_th} หลังวันครบกำหนด {due.th} {late} วันทำการ{rule_th}{skipped.th} → {pts_th(p)}",
            f"submitted {sent_en}, {late} {days_en} after the deadline {due.en}{rule_en}{skipped.en} → {pts_en(p)}",
        )

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        if deadline is None:  # nothing to be early or late for: the demo leaves it unreported
            return {}
        early, late, later = -rng.randint(1, 20), rng.randint(1, 4), rng.randint(5, 15)
        days = rng.choices([early, 0, late, later], weights=[6, 2, 2, 1])[0]
        return {self.fact: (deadline + timedelta(days)).isoformat()}

    @staticmethod
    def _holidays(ctx: Context, deadline: date, day: date) -> Label:
        """Weekday holidays skipped in the count, so the province can see why it is short; at most a few."""
        off = ctx.calendar.closed_weekdays(deadline, day)
        if not off:
            return Label("", "")
        shown, more = off[:SHOWN_HOLIDAYS], len(off) - SHOWN_HOLIDAYS
        th = ", ".join(f"{thai_date(d, short=True)} {_short(ctx.calendar.holiday_name(d) or 'วันหยุด')}" for d in shown)
        en = ", ".join(f"{en_date(d)} {_short(ctx.calendar.holiday_name(d, 'en') or 'holiday')}" for d in shown)
        if more > 0:
            th, en = f"{th} และอีก {more} วัน", f"{en} and {more} more"
        return Label(f"; ไม่นับวันหยุด {th}", f"; holidays not counted: {en}")


def _short(name: str) -> str:
    # Royal holidays' full names run to 90 characters; the date already identifies the day.
    return name if len(name) <= 28 else name[:27].rstrip() + "…"
