"""The table rule kind (table A): the first row all of whose thresholds are met, over several measures."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from rulebook.rules.base import Rule, demo_pick, demo_text
from rulebook.rules.declare import DECIMAL, IF_ZERO, MEASURES, SCORE_ROWS, Param
from rulebook.rules.errors import FactError, Label, RuleError, about
from rulebook.rules.facts import pts_en, pts_th
from rulebook.rules.measure import MEASURE_HELP, Measure
from rulebook.rules.params import decimal_param, param
from rulebook.rules.ratio_bands import ZERO, descending, if_zero_case, zero_levels, zero_score
from rulebook.rules.values import Context, FactFormat, Score


def _row_thresholds(row: Any, measures: Mapping[str, Measure], i: int) -> Mapping[str, Any]:
    """A row's thresholds: "min" for measures where more is better, "max" for lower-is-better ones."""
    mins = row.get("min") or {} if isinstance(row, Mapping) else {}
    maxes = row.get("max") or {} if isinstance(row, Mapping) else {}
    names = ", ".join(measures)
    ok = isinstance(mins, Mapping) and isinstance(maxes, Mapping) and (mins or maxes)
    if not ok or set(mins) - set(measures) or set(maxes) - set(measures):
        raise RuleError(
            f"rows {i}: min/max ต้องอ้างชื่อใน measures ({names})", f"rows {i}: min/max must name measures ({names})"
        )
    wrong = [k for k in mins if measures[k].lower] + [k for k in maxes if not measures[k].lower]
    if wrong:
        raise RuleError(
            f"rows {i}: {', '.join(wrong)} ใช้ max เมื่อ lower_is_better เท่านั้น และ min ในกรณีอื่น",
            f"rows {i}: {', '.join(wrong)}: max is for lower_is_better measures only, min for the others",
        )
    return {**mins, **maxes}


class Table(Rule):
    """First row all of whose minimums are met (table A: coverage and confidence together)."""

    kind = "table"
    committee_judges = False
    title = Label("ตารางหลายตัววัด", "table of several measures")
    parameters = (
        Param(
            "measures",
            MEASURES,
            "ตัววัด",
            "measures",
            help_th="{ชื่อ: ตัววัด} " + MEASURE_HELP.th,
            help_en="{name: measure} " + MEASURE_HELP.en,
        ),
        Param(
            "rows",
            SCORE_ROWS,
            "แถว (คะแนนมากก่อน)",
            "rows, most points first",
            help_th='[{"min": {ชื่อตัววัด: ค่า}, "points": …}] ("max" สำหรับตัววัดที่น้อยดีกว่า)',
            help_en='[{"min": {measure: value}, "points": …}] ("max" for lower-is-better measures)',
        ),
        Param("otherwise", DECIMAL, "คะแนนเมื่อไม่เข้าแถวใด", "points when no row is met"),
        IF_ZERO,
    )

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        measures = self.given["measures"]
        with about("measures"):
            if not isinstance(measures, Mapping) or not measures:
                raise RuleError("measures ต้องมีอย่างน้อย 1 ตัววัด", "measures must list at least one")
            self.measures = {str(k): Measure(v, self, f"measures {k}") for k, v in measures.items()}
        rows = self.given["rows"]
        if not isinstance(rows, list) or not rows:
            raise RuleError("rows ต้องมีอย่างน้อย 1 แถว", "rows must list at least one row", field="rows")
        self.rows: list[tuple[dict[str, Decimal], Decimal]] = []
        for i, row in enumerate(rows, 1):
            with about("rows", i):
                mins = _row_thresholds(row, self.measures, i)
                row_min = {k: decimal_param(v, f"rows {i} min {k}") for k, v in mins.items()}
                for k, v in row_min.items():
                    self.measures[k].check_reachable(v, f"rows {i}")
                self.rows.append((row_min, decimal_param(param(row, "points"), f"rows {i} points")))
        self.otherwise = self.given["otherwise"]
        with about("rows"):
            descending([p for _, p in self.rows] + [self.otherwise], "rows")
        self.facts = tuple(dict.fromkeys(f for m in self.measures.values() for f in m.facts))
        with about("if_zero"):
            self.if_zero = if_zero_case(self, self.given, list(self.measures.values()))
            if self.if_zero and self.if_zero.fact not in self.facts:
                raise RuleError("if_zero ต้องอ้างข้อมูลของตัววัด", "if_zero must name one of the measures' facts")

    def fact_names(self) -> tuple[str, ...]:
        return self.facts

    def _parse(self, name: str, raw: str) -> object:
        return next(m for m in self.measures.values() if name in m.facts).parse(name, raw)

    def fact_format(self, name: str) -> FactFormat:
        return next(m for m in self.measures.values() if name in m.facts).format(name)

    def _cross_check(self, parsed: Mapping[str, object]) -> list[FactError]:
        return [e for m in self.measures.values() for e in m.cross_check(parsed)]

    def levels(self) -> tuple[Decimal, ...]:
        return tuple(sorted({ZERO, self.otherwise, *(p for _, p in self.rows), *zero_levels(self.if_zero)}))

    def _compare(self, values: dict[str, Decimal], mins: dict[str, Decimal], met: bool) -> Label:
        parts = [
            (self.measures[k].show(values[k]), self.measures[k].compare(m, met))
            for k, m in mins.items()
            if k in values and self.measures[k].meets(values[k], m) == met
        ]
        return Label("; ".join(f"{s.th} {c.th}" for s, c in parts), "; ".join(f"{s.en}, {c.en}" for s, c in parts))

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        if self.if_zero and parsed.get(self.if_zero.fact) == 0:
            return zero_score(self.if_zero, self)
        values: dict[str, Decimal] = {}
        unknown: dict[str, FactError] = {}  # a measure whose facts are not reported
        for k, m in self.measures.items():
            try:
                values[k] = m.value(parsed, checked=True)  # `_score` cross-checked them
            except FactError as error:
                unknown[k] = error
        index = self._row(values, unknown)
        points = self.rows[index][1] if index < len(self.rows) else self.otherwise
        th, en = [], []
        if index < len(self.rows):
            met = self._compare(values, self.rows[index][0], True)
            th.append(met.th)
            en.append(met.en)
        if index > 0:  # say why the next better row was missed
            mins, better = self.rows[index - 1]
            fail = self._compare(values, mins, False)
            th.append(f"ไม่ถึง {pts_th(better)}: {fail.th}")
            en.append(f"not {pts_en(better)}: {fail.en}")
            if index < len(self.rows):
                th[-1], en[-1] = f"({th[-1]})", f"({en[-1]})"
        return Score(points, f"{' '.join(th)} → {pts_th(points)}", f"{' '.join(en)} → {pts_en(points)}")

    def _row(self, values: dict[str, Decimal], unknown: dict[str, FactError]) -> int:
        """The first row met. A row a reported figure already fails needs nothing more (seed 003's "ไม่สามารถ
        บริหารจัดการข้อร้องเรียนได้ครบทุกเรื่อง" → 2 whatever the slowest days); a row that only a figure not
        reported could decide refuses, naming that figure."""
        for i, (mins, _) in enumerate(self.rows):
            if any(k in values and not self.measures[k].meets(values[k], v) for k, v in mins.items()):
                continue
            pending = [k for k in mins if k in unknown]
            if pending:
                raise unknown[pending[0]]
            return i
        return len(self.rows)

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        row = demo_pick(rng, len(self.rows) + 1)  # the last: no row met, `otherwise`
        known: dict[str, Decimal] = {}
        for key, measure in self.measures.items():
            if row < len(self.rows):
                meets = self.rows[row][0].get(key)
                # A stricter threshold of the rows above, so the entrant does not climb past its row.
                stricter = [m[key] for m, _ in self.rows[:row] if key in m and m[key] != meets]
                misses = stricter[-1] if stricter else None
            else:
                meets, misses = None, self.rows[-1][0].get(key)
            measure.demo(rng, measure.demo_value(rng, meets, misses), known)
        return {name: demo_text(value) for name, value in known.items()}
