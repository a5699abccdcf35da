"""Rule kinds whose facts the committee ticks or types directly."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from itertools import chain, pairwise
from typing import Any

from rulebook.rules.base import Rule
from rulebook.rules.declare import DECIMAL, GRADE, ITEM, ITEM_NAMES, ITEMS, LEVEL, POINTS_BY, TABLE, TEXT, Param
from rulebook.rules.errors import FactError, Label, RuleError
from rulebook.rules.facts import (
    clean,
    fmt_points,
    parse_amount,
    parse_bool,
    parse_codes,
    pts_en,
    pts_th,
)
from rulebook.rules.values import Context, Score

ZERO = Decimal(0)


def _levels(values: Any) -> tuple[Decimal, ...]:
    return tuple(sorted(set(chain([ZERO], values))))


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _NamedItems:
    """Kinds whose fact is a list of item codes name the items, not the codes, to people."""

    items: dict
    tick_fact = "items"

    def tickable_items(self) -> list[tuple[str, Label]]:
        return list(self.items.items())

    def item_names(self, codes: list[str]) -> tuple[str, str]:
        known = [c for c in self.items if c in codes]
        return (
            "; ".join(_short(self.items[c].th) for c in known),
            "; ".join(_short(self.items[c].en) for c in known),
        )


class Done(Rule):
    kind = "done"
    committee_judges = True
    default_labels = {"done": Label("การดำเนินการ", "done")}
    title = Label("ทำ / ไม่ทำ", "done or not done")
    parameters = (Param("points", DECIMAL, "คะแนนเมื่อดำเนินการแล้ว", "points when done"),)

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.points = self.given["points"]

    def fact_names(self) -> tuple[str, ...]:
        return ("done",)

    def _parse(self, name: str, raw: str) -> object:
        return parse_bool(name, self.label(name), raw)

    def levels(self) -> tuple[Decimal, ...]:
        return _levels([self.points])

    def level_labels(self) -> dict[Decimal, str]:
        return {self.points: "ดำเนินการแล้ว"}

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        if parsed["done"]:
            return Score(self.points, f"ดำเนินการแล้ว → {pts_th(self.points)}", f"done → {pts_en(self.points)}")
        return Score(ZERO, f"ไม่ได้ดำเนินการ → {pts_th(ZERO)}", f"not done → {pts_en(ZERO)}")


class ItemsCount(_NamedItems, Rule):
    """Points by how many distinct items are met (3.1: 1 → 1, 2 → 3, 3 → 5)."""

    kind = "items_count"
    committee_judges = True
    default_labels = {"items": Label("รายการที่ดำเนินการ", "items met")}
    title = Label("นับจำนวนข้อที่ทำได้", "count of items met")
    parameters = (
        Param("items", ITEMS, "รายการ", "items", columns=ITEM_NAMES, key_th="รหัสรายการ", key_en="item code",
              least=1, each=ITEM),
        Param("points", POINTS_BY, "คะแนนตามจำนวนข้อ (0 … จำนวนรายการ)", "points per number of items (0 … n)",
              key_th="จำนวนข้อ", key_en="items met",
              help_th="ทุกจำนวนตั้งแต่ 0 ถึงจำนวนรายการ คะแนนไม่ลดลง",
              help_en="every count from 0 to the number of items, points never dropping"),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.items = {code: Label(row["th"], row["en"]) for code, row in self.given["items"].items()}
        table = {str(k): v for k, v in self.given["points"].items()}
        expected = [str(n) for n in range(len(self.items) + 1)]
        if sorted(table) != sorted(expected):
            raise RuleError(
                f"points ต้องกำหนดคะแนนของจำนวนข้อ {', '.join(expected)} ครบทุกค่า",
                f"points must give the score for every count {', '.join(expected)}",
                field="points",
            )
        self.by_count = [table[c] for c in expected]
        if any(a > b for a, b in pairwise(self.by_count)):
            raise RuleError(
                "คะแนนต้องไม่ลดลงเมื่อทำได้มากข้อขึ้น", "points must not drop as more items are met", field="points"
            )

    def fact_names(self) -> tuple[str, ...]:
        return ("items",)

    def _parse(self, name: str, raw: str) -> object:
        return parse_codes(name, self.label(name), raw, tuple(self.items))

    def levels(self) -> tuple[Decimal, ...]:
        return _levels(self.by_count)

    def level_labels(self) -> dict[Decimal, str]:
        texts: dict[Decimal, str] = {}
        for n, p in enumerate(self.by_count):
            texts.setdefault(p, f"ทำได้ {n} ข้อ")
        return texts

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        met = sorted(parsed["items"], key=list(self.items).index)  # type: ignore[call-overload]
        points = self.by_count[len(met)]
        listed = f" ({', '.join(met)})" if met else ""
        return Score(
            points,
            f"ทำได้ {len(met)} จาก {len(self.items)} ข้อ{listed} → {pts_th(points)}",
            f"{len(met)} of {len(self.items)} items met{listed} → {pts_en(points)}",
        )


class Checklist(_NamedItems, Rule):
    """Each item met adds its own points (5.2: 1 each)."""

    kind = "checklist"
    committee_judges = True
    default_labels = {"items": Label("รายการที่ผ่าน", "items met")}
    title = Label("รายการตรวจ รวมคะแนนข้อที่ผ่าน", "checklist: sum of the items met")
    parameters = (
        Param(
            "items", ITEMS, "รายการและคะแนน", "items and their points",
            columns=(*ITEM_NAMES, Param("points", DECIMAL, "คะแนน", "points")), key_th="รหัสรายการ", key_en="item code",
            least=1, each=ITEM,
        ),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        items = self.given["items"]
        self.items = {code: Label(row["th"], row["en"]) for code, row in items.items()}
        self.points = {code: row["points"] for code, row in items.items()}

    def fact_names(self) -> tuple[str, ...]:
        return ("items",)

    def _parse(self, name: str, raw: str) -> object:
        return parse_codes(name, self.label(name), raw, tuple(self.items))

    def levels(self) -> tuple[Decimal, ...]:
        sums = {ZERO}
        for value in self.points.values():
            sums |= {s + value for s in sums}
        return _levels(sums)

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        met = [c for c in self.items if c in parsed["items"]]  # type: ignore[operator]
        total = sum((self.points[c] for c in met), ZERO)
        # Item names are whole sentences in the manual; several must still fit one short explanation.
        th = " + ".join(f"{_short(self.items[c].th)} {fmt_points(self.points[c])}" for c in met)
        en = " + ".join(f"{_short(self.items[c].en)} {fmt_points(self.points[c])}" for c in met)
        return Score(total, f"{th or 'ไม่มีรายการที่ผ่าน'} → {pts_th(total)}", f"{en or 'no item met'} → {pts_en(total)}")


class Choice(Rule):
    """The committee picks one described level (4.1.1: 1 / 3 / 5)."""

    kind = "choice"
    committee_judges = True
    default_labels = {"level": Label("ระดับที่เลือก", "chosen level")}
    title = Label("กรรมการเลือกระดับ", "the panel picks a level")
    parameters = (
        Param("levels", TABLE, "ระดับ", "levels", columns=(Param("points", DECIMAL, "คะแนน", "points"), *ITEM_NAMES),
              least=1, each=LEVEL),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.choices: dict[Decimal, Label] = {}
        for i, row in enumerate(self.given["levels"], 1):
            points = row["points"]
            if points in self.choices:
                raise RuleError(
                    f"levels มีคะแนน {fmt_points(points)} ซ้ำ",
                    f"levels repeat {fmt_points(points)} points",
                    field="levels",
                    row=i,
                )
            self.choices[points] = Label(row["th"], row["en"])

    def fact_names(self) -> tuple[str, ...]:
        return ("level",)

    def _parse(self, name: str, raw: str) -> object:
        label = self.label(name)
        value = parse_amount(name, label, raw)
        if value not in self.choices and value != 0:
            allowed = ", ".join(fmt_points(p) for p in self.levels())
            raise FactError(
                name,
                f"{label.th} ต้องเป็นคะแนนของระดับใดระดับหนึ่ง ({allowed}) แต่ได้รับ “{raw}”",
                f"{label.en} must be one of the levels' points ({allowed}), got “{raw}”",
            )
        return value

    def levels(self) -> tuple[Decimal, ...]:
        return _levels(self.choices)

    def level_labels(self) -> dict[Decimal, str]:
        return {p: label.th for p, label in self.choices.items()}

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        points = parsed["level"]
        assert isinstance(points, Decimal)
        text = self.choices.get(points, Label("ไม่เข้าระดับใด", "no level met"))
        return Score(points, f"{text.th} → {pts_th(points)}", f"{text.en} → {pts_en(points)}")


class Grade(Rule):
    """Letter grades (seed 004: A/B/C/D = 5/4/3/2); `missing` is the grade of an office that did not
    report (seed 004: "ระดับ C ... หรือไม่ได้รายงาน"), without it no report scores 0."""

    kind = "grade"
    committee_judges = True
    default_labels = {"grade": Label("ระดับผลงาน", "grade")}
    title = Label("ระดับตัวอักษร (A/B/C)", "letter grades (A/B/C)")
    parameters = (
        Param("grades", POINTS_BY, "คะแนนของแต่ละระดับ", "points per grade", key_th="ระดับ", key_en="grade",
              least=1, each=GRADE),
        Param("missing", TEXT, "ระดับเมื่อไม่ได้รายงาน", "grade when not reported", required=False,
              help_th="ระดับหนึ่งใน grades ว่าง: ไม่ได้รายงานได้ 0", help_en="one of the grades; blank: no report scores 0"),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.grades = {str(g).strip().upper(): p for g, p in self.given["grades"].items()}
        missing = self.given.get("missing")
        self.missing = None if missing is None else missing.strip().upper()
        if self.missing is not None and self.missing not in self.grades:
            allowed = ", ".join(self.grades)
            raise RuleError(
                f"missing ต้องเป็นระดับใน grades ({allowed})",
                f"missing must be one of the grades ({allowed})",
                field="missing",
            )

    def no_data(self, ctx: Context) -> Score:
        if self.missing is None:
            return super().no_data(ctx)
        grade, points = self.missing, self.grades[self.missing]
        return Score(
            points,
            f"ไม่ได้รายงาน ถือเป็นระดับ {grade} → {pts_th(points)}",
            f"not reported, counted as grade {grade} → {pts_en(points)}",
        )

    def fact_names(self) -> tuple[str, ...]:
        return ("grade",)

    def _parse(self, name: str, raw: str) -> object:
        grade = clean(raw).upper()
        if grade not in self.grades:
            label, allowed = self.label(name), ", ".join(self.grades)
            raise FactError(
                name,
                f"{label.th} ต้องเป็น {allowed} แต่ได้รับ “{raw}”",
                f"{label.en} must be one of {allowed}, got “{raw}”",
            )
        return grade

    def levels(self) -> tuple[Decimal, ...]:
        return _levels(self.grades.values())

    def level_labels(self) -> dict[Decimal, str]:
        texts: dict[Decimal, str] = {}
        for grade, p in self.grades.items():
            texts.setdefault(p, f"ระดับ {grade}")
        return texts

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        grade = str(parsed["grade"])
        points = self.grades[grade]
        return Score(points, f"ระดับ {grade} → {pts_th(points)}", f"grade {grade} → {pts_en(points)}")


class Points(Rule):
    """Committee-entered points anywhere in 0 … max_points (seed 001 website contest)."""

    kind = "points"
    committee_judges = True
    default_labels = {"points": Label("คะแนนที่กรรมการให้", "points given")}
    title = Label("กรรมการให้คะแนน 0 ถึงคะแนนเต็ม", "the panel gives 0 … full points")

    def fact_names(self) -> tuple[str, ...]:
        return ("points",)

    def _parse(self, name: str, raw: str) -> object:
        return parse_amount(name, self.label(name), raw, self.max_points)

    def levels(self) -> None:
        return None

    def highest(self) -> Decimal:
        return self.max_points

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        points = parsed["points"]
        assert isinstance(points, Decimal)
        full = fmt_points(self.max_points)
        return Score(
            points,
            f"กรรมการให้ {fmt_points(points)} จาก {full} คะแนน → {pts_th(points)}",
            f"the committee gave {fmt_points(points)} of {full} → {pts_en(points)}",
        )
