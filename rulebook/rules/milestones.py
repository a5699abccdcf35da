"""Lettered milestones computed from an office's figures and dates (seed 004: each month's A/B/C/D): the
first level, best first, every condition of which the facts meet. A fact not reported meets no condition,
as a milestone not reported is not reached ("ไม่ได้รายงาน" is the document's own lowest level)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from rulebook.dates import DateInputError, en_date, parse_date, thai_date
from rulebook.rules.base import Rule, demo_pick
from rulebook.rules.declare import CONDITIONS, DECIMAL, ITEM_NAMES, LEVEL, TABLE, TEXT, Param
from rulebook.rules.errors import FactError, Label, RuleError, about
from rulebook.rules.facts import fmt_num, parse_count, parse_when, pts_en, pts_th, thai_num
from rulebook.rules.params import decimal_param, param
from rulebook.rules.values import COUNT, DATE, Context, FactFormat, Score
from rulebook.workdays import WorkCalendar, deadline_text

DEADLINE = "deadline"  # "by": the period's (the criterion's) deadline
_COND_KEYS = frozenset({"fact", "of", "min", "by", "by_fact"})
_NOT_MET = Label("", "")


@dataclass(frozen=True)
class Condition:
    fact: str
    of: str = ""  # a share: fact ÷ of × 100 ≥ min
    min: Decimal | None = None  # a count (or a share) at least this
    by: date | None = None  # a date on or before this one, moved to the next working day (decision 9)
    by_deadline: bool = False  # … or on or before the period's deadline, moved likewise
    by_fact: str = ""  # a date on or before another date fact (the district's own plan)

    @property
    def counts(self) -> tuple[str, ...]:
        return (self.fact, self.of) if self.of else (self.fact,) if self.min is not None else ()

    @property
    def dates(self) -> tuple[str, ...]:
        if self.min is not None:
            return ()
        return (self.fact, self.by_fact) if self.by_fact else (self.fact,)


@dataclass(frozen=True)
class Level:
    grade: str
    points: Decimal
    text: Label
    when: tuple[Condition, ...]


def _condition(raw: Any, where: str) -> Condition:
    if not isinstance(raw, Mapping) or set(raw) - _COND_KEYS:
        raise RuleError(
            f"{where} ต้องเป็นออบเจกต์ที่มี fact และ of/min, by หรือ by_fact",
            f"{where} must be an object with fact and of/min, by or by_fact",
        )
    fact = str(param(raw, "fact"))
    of, by_fact = str(raw.get("of") or ""), str(raw.get("by_fact") or "")
    least = decimal_param(raw["min"], f"{where} min") if raw.get("min") is not None else None
    by, by_deadline = None, raw.get("by") == DEADLINE
    if raw.get("by") is not None and not by_deadline:
        try:
            by = parse_date(str(raw["by"]))
        except DateInputError as error:
            raise RuleError(f"{where} by: {error.th}", f"{where} by: {error.en}") from None
    dated = by is not None or by_deadline or bool(by_fact)
    if (of and least is None) or (least is not None and dated) or (by_fact and (by or by_deadline)):
        raise RuleError(
            f"{where}: ใช้ min (กับ of ได้) หรือ by หรือ by_fact อย่างใดอย่างหนึ่ง",
            f"{where}: use min (with of, optionally), or by, or by_fact, one of them",
        )
    if least is not None and least < 0:
        raise RuleError(f"{where}: min ต้องไม่ติดลบ", f"{where}: min must not be negative")
    return Condition(fact, of, least, by, by_deadline, by_fact)


class Milestones(Rule):
    """`levels` best first: {grade, points, th, en, when: [conditions]}; the first whose conditions all hold.
    A condition is a count `{"fact", "min"}`, a share `{"fact", "of", "min"}` (per cent), a date on or before
    the period's deadline `{"fact", "by": "deadline"}`, a fixed date `{"fact", "by": "2025-05-31"}` or
    another date fact `{"fact", "by_fact"}`, or a date reported at all `{"fact"}`. `otherwise`: the points
    when no level is reached; `missing`: the grade of an office that reported nothing, said so."""

    kind = "milestones"
    committee_judges = False  # computed from the office's figures and dates
    title = Label("ระดับตามหมุดหมาย", "milestone levels")
    parameters = (
        Param(
            "levels",
            TABLE,
            "ระดับ (ดีที่สุดก่อน) และเงื่อนไข",
            "levels, best first, with conditions",
            columns=(
                Param("grade", TEXT, "ระดับ", "grade"),
                Param("points", DECIMAL, "คะแนน", "points"),
                *ITEM_NAMES,
                # Each condition is one of several shapes (a count, a share, a date by a day or a fact).
                Param(
                    "when",
                    CONDITIONS,
                    "เงื่อนไข (ต้องครบทุกข้อ)",
                    "conditions, all of them",
                    required=False,
                    help_th="ไม่มีเงื่อนไข: ระดับสุดท้ายเท่านั้น",
                    help_en="none: the last level only",
                ),
            ),
            least=1,
            each=LEVEL,
        ),
        Param("otherwise", DECIMAL, "คะแนนเมื่อไม่ถึงระดับใด", "points below every level", required=False, default="0"),
        Param(
            "missing",
            TEXT,
            "ระดับเมื่อไม่ได้รายงาน",
            "grade when nothing reported",
            required=False,
            help_th="ระดับหนึ่งใน levels",
            help_en="one of the levels' grades",
        ),
    )

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        raw = self.given["levels"]
        levels = []
        for i, entry in enumerate(raw, 1):
            where = f"levels {i}"
            with about("levels", i):
                when = tuple(_condition(c, f"{where} when {j}") for j, c in enumerate(entry.get("when", []), 1))
                if not when and i < len(raw):
                    raise RuleError(
                        f"{where}: ระดับที่ไม่มีเงื่อนไขต้องเป็นระดับสุดท้าย",
                        f"{where}: a level without conditions must be last",
                    )
            text = Label(entry["th"], entry["en"])
            levels.append(Level(entry["grade"].strip().upper(), entry["points"], text, when))
        self.levels_ = tuple(levels)
        if any(a.points < b.points for a, b in pairwise(self.levels_)):
            raise RuleError("levels ต้องเรียงจากคะแนนมากไปน้อย", "levels must run from most points down", field="levels")
        grades = [lv.grade for lv in self.levels_]
        if len(set(grades)) != len(grades) or not all(grades):
            raise RuleError("ระดับ (grade) ต้องมีชื่อและไม่ซ้ำกัน", "grades must be named and distinct", field="levels")
        self.otherwise = self.given["otherwise"]
        if self.otherwise > self.levels_[-1].points:
            raise RuleError(
                "otherwise ต้องไม่มากกว่าระดับต่ำสุด", "otherwise must not exceed the lowest level", field="otherwise"
            )
        missing = self.given.get("missing")
        self.missing = None if missing is None else next((lv for lv in self.levels_ if lv.grade == missing), None)
        if missing is not None and self.missing is None:
            raise RuleError(
                f"missing ต้องเป็นระดับใน levels ({', '.join(grades)})",
                f"missing must be one of the levels ({', '.join(grades)})",
                field="missing",
            )
        conditions = [c for lv in self.levels_ for c in lv.when]
        self.counts = tuple(dict.fromkeys(f for c in conditions for f in c.counts))
        self.dates = tuple(dict.fromkeys(f for c in conditions for f in c.dates))
        both = sorted(set(self.counts) & set(self.dates))
        if both:
            raise RuleError(
                f"{', '.join(both)} เป็นทั้งจำนวนและวันที่ไม่ได้",
                f"{', '.join(both)} cannot be both a count and a date",
                field="levels",
            )
        self._calendar: WorkCalendar | None = None  # the demo's, made once

    # -- what every kind answers ----------------------------------------------------------
    def named_dates(self) -> tuple[date, ...]:
        return tuple(c.by for lv in self.levels_ for c in lv.when if c.by is not None)

    def fact_names(self) -> tuple[str, ...]:
        return (*self.counts, *self.dates)

    def _parse(self, name: str, raw: str) -> object:
        if name in self.counts:
            return parse_count(name, self.label(name), raw)
        when = parse_when(name, self.label(name), raw)
        return when.date() if isinstance(when, datetime) else when

    def fact_format(self, name: str) -> FactFormat:
        return COUNT if name in self.counts else DATE

    def levels(self) -> tuple[Decimal, ...]:
        return tuple(sorted({Decimal(0), self.otherwise, *(lv.points for lv in self.levels_)}))

    def level_labels(self) -> dict[Decimal, str]:
        texts: dict[Decimal, str] = {}
        for lv in self.levels_:
            texts.setdefault(lv.points, f"ระดับ {lv.grade}: {lv.text.th}")
        return texts

    def scored_from(self, deadline: date | None) -> date | None:
        # A month's milestone (seed 004: reported by the 20th of each month) begins on the 1st of its month:
        # before it nothing can have been reported, so nothing is scored ("ยังไม่ถึง"), not the "missing" grade.
        return deadline.replace(day=1) if deadline is not None else None

    def no_data(self, ctx: Context) -> Score:
        if not self.begun(ctx):
            first = self.scored_from(ctx.deadline)
            assert first is not None
            return Score(
                Decimal(0),
                f"ยังไม่ถึง: เดือนนี้เริ่ม {thai_date(first, short=True)} ยังไม่ให้คะแนน",
                f"not yet: the month begins on {en_date(first)}, not scored yet",
            )
        if self.missing is None:
            return super().no_data(ctx)
        grade, points = self.missing.grade, self.missing.points
        return Score(
            points,
            f"ไม่ได้รายงาน (ยังไม่มีข้อมูล) ถือเป็นระดับ {grade} → {pts_th(points)}",
            f"no report (nothing reported yet), counted as grade {grade} → {pts_en(points)}",
        )

    # -- scoring ------------------------------------------------------------------------
    def _check(self, c: Condition, parsed: Mapping[str, object], ctx: Context) -> tuple[bool, Label]:
        label = self.label(c.fact)
        value = parsed.get(c.fact)
        if value is None:
            return False, Label(f"ยังไม่มีข้อมูล{label.th}", f"{label.en} not reported")
        if c.min is not None:
            assert isinstance(value, Decimal)
            return self._count(c, value, parsed)
        assert isinstance(value, date)
        shown = Label(f"{label.th} {thai_date(value, short=True)}", f"{label.en} {en_date(value)}")
        if c.by_fact:
            other = self.label(c.by_fact)
            limit = parsed.get(c.by_fact)
            if limit is None:
                return False, Label(f"ยังไม่มีข้อมูล{other.th}", f"{other.en} not reported")
            assert isinstance(limit, date)
            met = value <= limit
            return met, Label(
                f"{shown.th} {'ไม่ช้ากว่า' if met else 'ช้ากว่า'}{other.th} {thai_date(limit, short=True)}",
                f"{shown.en}, {'not later than' if met else 'later than'} {other.en} {en_date(limit)}",
            )
        written = ctx.deadline if c.by_deadline else c.by
        if c.by_deadline and written is None:
            raise FactError(c.fact, "ยังไม่กำหนดวันครบกำหนด", "deadline not set")
        if written is None:  # reported at all
            return True, shown
        due = ctx.calendar.next_working_day(written)  # decision 9: a closed day moves it
        th, en = deadline_text(written, ctx.calendar, "th"), deadline_text(written, ctx.calendar, "en")
        met = value <= due
        return met, Label(
            f"{shown.th} {'ภายใน' if met else 'หลัง'}กำหนด {th}",
            f"{shown.en}, {'by' if met else 'after'} the deadline {en}",
        )

    def _count(self, c: Condition, value: Decimal, parsed: Mapping[str, object]) -> tuple[bool, Label]:
        assert c.min is not None
        label = self.label(c.fact)
        unit = self.unit(c.fact) or Label("", "")
        if not c.of:
            met = value >= c.min
            th_unit, en_unit = (f" {unit.th}", f" {unit.en}") if unit.th else ("", "")
            return met, Label(
                f"{label.th} {thai_num(value)}{th_unit} {'ตั้งแต่' if met else 'น้อยกว่า'} {thai_num(c.min)}",
                f"{label.en} {fmt_num(value)}{en_unit}, {'at least' if met else 'less than'} {fmt_num(c.min)}",
            )
        of = self.label(c.of)
        total = parsed.get(c.of)
        if total is None:
            return False, Label(f"ยังไม่มีข้อมูล{of.th}", f"{of.en} not reported")
        assert isinstance(total, Decimal)
        if total == 0:
            raise FactError(c.of, f"{of.th}เป็น 0 จึงคำนวณร้อยละไม่ได้", f"{of.en} is 0, so no percentage can be computed")
        share = self.rounding.apply(value * 100 / total)
        met = share >= c.min
        return met, Label(
            f"{label.th} {thai_num(value)} จาก {thai_num(total)} = ร้อยละ {thai_num(share)} "
            f"{'ตั้งแต่' if met else 'น้อยกว่า'}ร้อยละ {thai_num(c.min)}",
            f"{label.en} {fmt_num(value)} of {fmt_num(total)} = {fmt_num(share)}% "
            f"{'at least' if met else 'below'} {fmt_num(c.min)}%",
        )

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        # Why the level just above the one reached was missed, and the facts that missed it.
        missed: tuple[Level, Label, set[str]] | None = None
        for lv in self.levels_:
            checks = [(c, *self._check(c, parsed, ctx)) for c in lv.when]
            failed = [(c, text) for c, met, text in checks if not met]
            if failed:
                why = Label("; ".join(t.th for _, t in failed), "; ".join(t.en for _, t in failed))
                missed = (lv, why, {c.fact for c, _ in failed})
                continue
            # Short enough to read at a glance: a fact the missed level already quotes is not quoted twice.
            met = [text for c, _, text in checks if not missed or c.fact not in missed[2]]
            th = f"ระดับ {lv.grade}" + (f": {'; '.join(t.th for t in met)}" if met else f" {lv.text.th}")
            en = f"grade {lv.grade}" + (f": {'; '.join(t.en for t in met)}" if met else f", {lv.text.en}")
            if missed:
                th += f" (ไม่ถึงระดับ {missed[0].grade}: {missed[1].th})"
                en += f" (not grade {missed[0].grade}: {missed[1].en})"
            return Score(lv.points, f"{th} → {pts_th(lv.points)}", f"{en} → {pts_en(lv.points)}")
        assert missed is not None
        lowest, why, _ = missed
        p = self.otherwise
        return Score(
            p,
            f"ยังไม่ถึงระดับ {lowest.grade}: {why.th} → {pts_th(p)}",
            f"not yet grade {lowest.grade}: {why.en} → {pts_en(p)}",
        )

    # -- demo data ----------------------------------------------------------------------
    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        """Draws figures and dates around the deadline until they land on the level the demo picked (the
        conditions interlock, e.g. May's "on plan" against "later than plan"), so the months spread."""
        needs_deadline = any(c.by_deadline for lv in self.levels_ for c in lv.when)
        if needs_deadline and deadline is None:
            return {}
        if self._calendar is None:
            self._calendar = WorkCalendar()
        ctx = Context(calendar=self._calendar, deadline=deadline)
        choices = [lv.points for lv in self.levels_] + ([self.otherwise] if self.levels_[-1].when else [])
        wanted = choices[demo_pick(rng, len(choices))]
        anchor = deadline or next((c.by for lv in self.levels_ for c in lv.when if c.by), date(2025, 1, 1))
        facts: dict[str, str] = {}
        for _ in range(60):
            facts = self._demo_draw(rng, anchor)
            if self.evaluate(facts, ctx).points == wanted:
                break
        return facts

    def _demo_draw(self, rng: random.Random, anchor: date) -> dict[str, str]:
        facts: dict[str, str] = {}
        shares = {c.fact: c.of for lv in self.levels_ for c in lv.when if c.of}
        for name in self.counts:
            if name in shares.values():
                continue
            if name in shares:
                total = rng.randrange(20, 300)
                facts[shares[name]] = str(total)
                facts[name] = str(total if rng.random() < 0.75 else total - rng.randint(1, total // 10 + 1))
            else:
                facts[name] = str(rng.choice([0, 1, 2, 3, 5, 8]))
        for name in self.dates:
            facts[name] = (anchor + timedelta(rng.randint(-12, 6))).isoformat()
        return facts
