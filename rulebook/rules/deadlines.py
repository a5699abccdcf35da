"""Completion dates against dated steps, some open only to offices that asked for more time (seed 003
mission 2: paid out by 30 Dec 2564 → 50; with an extension by 31 Jan → 40, 28 Feb → 30, 31 Mar → 20)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from rulebook.dates import en_date, thai_date
from rulebook.rules.base import Rule, demo_pick, missing
from rulebook.rules.declare import DAY, DECIMAL, FACT, FLAG, STEP, TABLE, Param
from rulebook.rules.errors import Label, RuleError
from rulebook.rules.facts import parse_bool, parse_when, pts_en, pts_th
from rulebook.rules.values import DATE, YES_NO, Context, FactFormat, Score


class Deadlines(Rule):
    kind = "deadlines"
    committee_judges = False  # dates and the extension flag come from imports
    title = Label("ขั้นตามวันที่", "steps by date")
    parameters = (
        Param("fact", FACT, "ข้อมูลวันที่", "date fact"),
        Param("flag", FACT, "ข้อมูลใช่/ไม่ใช่ที่เปิดขั้น", "yes/no fact that opens steps", required=False),
        Param(
            "steps", TABLE, "ขั้น (วันที่ก่อนก่อน)", "steps, earliest first",
            columns=(
                Param("by", DAY, "ภายในวันที่", "by"),
                Param("points", DECIMAL, "คะแนน", "points"),
                Param("needs_flag", FLAG, "ต้องมีข้อมูลใช่/ไม่ใช่", "needs the flag", required=False,
                      help_th="ขั้นนี้เปิดเฉพาะผู้ที่ตอบใช่ใน flag", help_en="this step is open only to a yes in flag"),
            ),
            least=1, each=STEP,
        ),
        Param("otherwise", DECIMAL, "คะแนนเมื่อเลยทุกขั้น", "points after every step", required=False, default="0"),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.fact = self.given["fact"]
        self.flag = self.given.get("flag") or ""  # optional: steps then never need it
        self.steps: list[tuple[date, Decimal, bool]] = []
        for i, row in enumerate(self.given["steps"], 1):
            flagged = row.get("needs_flag", False)
            if flagged and not self.flag:
                raise RuleError(
                    f"steps {i}: needs_flag ต้องมี flag", f"steps {i}: needs_flag needs a flag fact", field="steps", row=i
                )
            self.steps.append((row["by"], row["points"], flagged))
        self.otherwise = self.given["otherwise"]
        if any(a[0] >= b[0] or a[1] < b[1] for a, b in pairwise(self.steps)):
            raise RuleError(
                "steps ต้องเรียงวันที่จากก่อนไปหลัง และคะแนนไม่เพิ่มขึ้น",
                "steps must run from the earliest date, with points never rising",
                field="steps",
            )

    def named_dates(self) -> tuple[date, ...]:
        return tuple(by for by, _, _ in self.steps)

    def fact_names(self) -> tuple[str, ...]:
        return (self.fact, self.flag) if self.flag else (self.fact,)

    def _parse(self, name: str, raw: str) -> object:
        if name == self.flag:
            return parse_bool(name, self.label(name), raw)
        when = parse_when(name, self.label(name), raw)
        return when.date() if isinstance(when, datetime) else when

    def fact_format(self, name: str) -> FactFormat:
        return YES_NO if name == self.flag else DATE

    def levels(self) -> tuple[Decimal, ...]:
        return tuple(sorted({Decimal(0), self.otherwise, *(p for _, p, _ in self.steps)}))

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        if self.fact not in parsed:
            raise missing(self.fact, self.label(self.fact))
        day = parsed[self.fact]
        assert isinstance(day, date)
        # Not reporting the flag means no extension was asked for: the better steps need no flag.
        flagged = parsed.get(self.flag) is True
        flag = self.label(self.flag)
        asked = Label(f" ({flag.th})", f" ({flag.en})") if flagged else Label(f" (ไม่ได้{flag.th})", f" (no {flag.en})")
        if not self.flag:
            asked = Label("", "")
        done = Label(
            f"{self.label(self.fact).th} {thai_date(day, short=True)}", f"{self.label(self.fact).en} {en_date(day)}"
        )
        for by, points, needs_flag in self.steps:
            due = ctx.calendar.next_working_day(by)  # decision 9: a closed day moves the deadline
            if day <= due and (flagged or not needs_flag):
                return Score(
                    points,
                    f"{done.th}{asked.th} ภายใน {thai_date(by, short=True)} → {pts_th(points)}",
                    f"{done.en}{asked.en}, by {en_date(by)} → {pts_en(points)}",
                )
        last = max(by for by, _, needs in self.steps if flagged or not needs)
        p = self.otherwise
        return Score(
            p,
            f"{done.th}{asked.th} หลัง {thai_date(last, short=True)} → {pts_th(p)}",
            f"{done.en}{asked.en}, after {en_date(last)} → {pts_en(p)}",
        )

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        step = demo_pick(rng, len(self.steps) + 1)  # the last: after every step, `otherwise`
        if step < len(self.steps):
            by, _, flagged = self.steps[step]
            after = self.steps[step - 1][0] if step else by - timedelta(60)
            day = after + timedelta(rng.randint(1, (by - after).days))
        else:
            flagged, day = True, self.steps[-1][0] + timedelta(rng.randint(3, 30))
        facts = {self.fact: day.isoformat()}
        if self.flag:
            facts[self.flag] = "yes" if flagged else "no"
        return facts
