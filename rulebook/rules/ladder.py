"""Success ladders (1.3, 4.2): cumulative steps, docs/decisions.md, decision 5."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from itertools import pairwise
from typing import Any

from rulebook.rules.base import Rule
from rulebook.rules.declare import DECIMAL, NAMES_IF_ANY, REACH, STEP, TABLE, TEXT, Param
from rulebook.rules.errors import FactError, Label, RuleError, about
from rulebook.rules.facts import fmt_num, parse_amount, parse_codes, parse_count, pts_en, pts_th
from rulebook.rules.params import decimal_param, param
from rulebook.rules.values import CODES, COUNT, NUMBER, Context, FactFormat, Score

SIZE_NAMES = {
    "small": Label("จังหวัดขนาดเล็ก", "small province"),
    "medium": Label("จังหวัดขนาดกลาง", "medium province"),
    "large": Label("จังหวัดขนาดใหญ่", "large province"),
}


class Step:
    def __init__(self, entry: Mapping[str, Any], index: int) -> None:
        """`entry`: a row of `steps` as the declaration read it (code a text, points a Decimal)."""
        where = f"steps {index}"
        self.code = entry["code"]
        self.points = entry["points"]
        self.text = Label(str(entry.get("th", "")), str(entry.get("en", "")))
        data = entry.get("data")
        self.fact: str | None = None
        self.count = False  # a count of things (downloads): whole numbers only
        self.min: Decimal | None = None
        self.min_by_size: dict[str, Decimal] = {}
        if data is not None:
            self.fact = str(param(data, "fact"))
            self.count = data.get("count") is True
            if "min_by_size" in data:
                self.min_by_size = {
                    str(k): decimal_param(v, f"{where} min_by_size {k}") for k, v in data["min_by_size"].items()
                }
            elif "min" in data:
                self.min = decimal_param(data["min"], f"{where} min")
            else:
                raise RuleError(f"{where}: data ต้องมี min หรือ min_by_size", f"{where}: data needs min or min_by_size")


class Ladder(Rule):
    kind = "ladder"
    committee_judges = True
    tick_fact = "steps"
    default_labels = {"steps": Label("ขั้นที่ผ่าน", "steps met")}
    title = Label("บันไดความสำเร็จ", "success ladder")
    parameters = (
        Param(
            "steps", TABLE, "ขั้น (ขั้นต่ำก่อน)", "steps, lowest first",
            columns=(
                Param("code", TEXT, "รหัสขั้น", "step code"),
                Param("points", DECIMAL, "คะแนน", "points"),
                *NAMES_IF_ANY,
                Param("data", REACH, "ข้อมูลที่ต้องถึง", "data to reach", required=False,
                      help_th='{"fact": …, "min": … หรือ "min_by_size": {…}, "count": true}',
                      help_en='{"fact": …, "min": … or "min_by_size": {…}, "count": true}'),
            ),
            least=1, each=STEP,
        ),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.steps = []
        for i, row in enumerate(self.given["steps"], 1):
            with about("steps", i):
                self.steps.append(Step(row, i))
        codes = [s.code for s in self.steps]
        if len(set(codes)) != len(codes):
            raise RuleError("รหัสขั้น (code) ซ้ำกัน", "step codes repeat", field="steps")
        points = [s.points for s in self.steps]
        if any(a >= b for a, b in pairwise(points)):
            raise RuleError("คะแนนของขั้นต้องเพิ่มขึ้นทุกขั้น", "step points must increase step by step", field="steps")
        self.ticked = tuple(s.code for s in self.steps if s.fact is None)
        self.data = {s.fact: s for s in self.steps if s.fact}

    def fact_names(self) -> tuple[str, ...]:
        return ("steps", *self.data)

    def _parse(self, name: str, raw: str) -> object:
        if name in self.data:
            parse = parse_count if self.data[name].count else parse_amount
            return parse(name, self.label(name), raw)
        label = self.label(name)
        try:
            return parse_codes(name, label, raw, self.ticked)
        except FactError:
            data_steps = [
                c for c in parse_codes(name, label, raw, tuple(s.code for s in self.steps)) if c not in self.ticked
            ]
            if not data_steps:
                raise
        codes = ", ".join(data_steps)
        raise FactError(
            name,
            f"{label.th}: ขั้น {codes} วัดจากข้อมูล ไม่ต้องติ๊ก",
            f"{label.en}: step {codes} is measured from data, not ticked",
        )

    def fact_format(self, name: str) -> FactFormat:
        if name in self.data:
            return COUNT if self.data[name].count else NUMBER
        return CODES

    def levels(self) -> tuple[Decimal, ...]:
        return tuple(sorted({Decimal(0), *(s.points for s in self.steps)}))

    def tickable_items(self) -> list[tuple[str, Label]]:
        return [(s.code, s.text) for s in self.steps if s.fact is None]

    def level_labels(self) -> dict[Decimal, str]:
        return {s.points: f"ขั้นที่ {s.code}: {s.text.th}" for s in self.steps}

    def _data_met(self, step: Step, parsed: Mapping[str, object], ctx: Context) -> tuple[bool, Label]:
        assert step.fact is not None
        label = self.label(step.fact)
        if step.min_by_size:
            if ctx.size_group not in step.min_by_size:
                raise FactError(
                    step.fact,
                    f"ไม่ทราบขนาดจังหวัด (“{ctx.size_group}”) จึงหาเป้าหมายไม่ได้",
                    f"unknown province size group “{ctx.size_group}”, so no target",
                )
            target = step.min_by_size[ctx.size_group]
            size = SIZE_NAMES.get(ctx.size_group, Label(ctx.size_group, ctx.size_group))
            of = Label(f" ({size.th})", f" ({size.en})")
        else:
            target, of = step.min or Decimal(0), Label("", "")
        value = parsed.get(step.fact)
        if value is None:
            return False, Label(f"ยังไม่มีข้อมูล{label.th}", f"{label.en} not reported")
        assert isinstance(value, Decimal)
        met = value >= target
        sign = "≥" if met else "<"
        return met, Label(
            f"{label.th} {fmt_num(value)} {sign} เป้าหมาย {fmt_num(target)}{of.th}",
            f"{label.en} {fmt_num(value)} {sign} target {fmt_num(target)}{of.en}",
        )

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        ticked = parsed.get("steps", frozenset())
        assert isinstance(ticked, frozenset)
        results: list[tuple[Step, bool, Label | None]] = []
        for step in self.steps:
            if step.fact:
                results.append((step, *self._data_met(step, parsed, ctx)))
            else:
                results.append((step, step.code in ticked, None))
        reached = next((i for i, (_, met, _) in enumerate(results) if not met), len(results))
        points = self.steps[reached - 1].points if reached else Decimal(0)
        th: list[str] = []
        en: list[str] = []
        if reached:
            codes = ", ".join(s.code for s in self.steps[:reached])
            th.append(f"ผ่านขั้นที่ {codes}")
            en.append(f"steps {codes} met")
        data_notes = [(s, d) for s, _, d in results[:reached] if d is not None]
        for step, detail in data_notes:
            th.append(f"ขั้นที่ {step.code}: {detail.th}")
            en.append(f"step {step.code}: {detail.en}")
        if reached < len(results):
            step, _, why = results[reached]
            th.append(f"ขั้นที่ {step.code} ไม่ผ่าน" + (f": {why.th}" if why else ""))
            en.append(f"step {step.code} not met" + (f": {why.en}" if why else ""))
            later = [s.code for s, met, _ in results[reached + 1 :] if met]
            if later:
                th.append(f"ขั้นที่ {', '.join(later)} ไม่นับ เพราะขั้นที่ {step.code} ยังไม่ผ่าน")
                en.append(f"step {', '.join(later)} not counted because step {step.code} is not met")
        return Score(points, f"{'; '.join(th)} → {pts_th(points)}", f"{'; '.join(en)} → {pts_en(points)}")
