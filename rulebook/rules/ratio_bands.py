"""Rule kinds computed from numbers: ratio (seed 003) and bands (tables C, 3.3); what they share with table
(table A, rulebook/rules/table.py): the points when a count is 0 (`if_zero`) and points running downward."""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cached_property
from itertools import pairwise
from typing import Any

from rulebook.rules.base import Rule, demo_pick, demo_text, missing
from rulebook.rules.columns import hundredths, plain_pairs
from rulebook.rules.declare import BAND, DECIMAL, FACT, IF_ZERO, MEASURE, TABLE, Param
from rulebook.rules.errors import FactError, Label, RuleError, about
from rulebook.rules.facts import CENT, fmt_num, fmt_points, parse_count, pts_en, pts_th
from rulebook.rules.measure import MEASURE_HELP, Measure
from rulebook.rules.params import ZeroCase, param, zero_case
from rulebook.rules.values import COUNT, Context, FactFormat, Score

ZERO, ONE = Decimal(0), Decimal(1)


def zero_score(case: ZeroCase, rule: Rule) -> Score:
    label, p = rule.label(case.fact), case.points
    return Score(
        p,
        f"{case.text.th} ({label.th} เป็น 0) → {pts_th(p)}",
        f"{case.text.en} ({label.en} is 0) → {pts_en(p)}",
    )


def zero_levels(case: ZeroCase | None) -> set[Decimal]:
    return {case.points} if case else set()


class Ratio(Rule):
    """min(numerator ÷ denominator, 1) × weight, e.g. "verified ÷ target × 30"."""

    kind = "ratio"
    committee_judges = False  # computed from imported numbers
    title = Label("สัดส่วน × น้ำหนัก", "ratio × weight")
    parameters = (
        Param("numerator", FACT, "ข้อมูลตัวตั้ง", "numerator fact"),
        Param("denominator", FACT, "ข้อมูลตัวหาร", "denominator fact"),
        Param("weight", DECIMAL, "น้ำหนัก (เท่าคะแนนเต็ม)", "weight (the full points)"),
        IF_ZERO,
    )

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.numerator, self.denominator = self.given["numerator"], self.given["denominator"]
        self.weight = self.given["weight"]
        with about("if_zero"):
            self.if_zero = zero_case(self.given.get("if_zero"), self.denominator)
            if self.if_zero and self.if_zero.fact != self.denominator:
                raise RuleError("if_zero ของ ratio ใช้กับตัวหารเท่านั้น", "a ratio's if_zero applies to its denominator only")

    def fact_names(self) -> tuple[str, ...]:
        return (self.numerator, self.denominator)

    def _parse(self, name: str, raw: str) -> object:
        return parse_count(name, self.label(name), raw)

    def fact_format(self, name: str) -> FactFormat:
        return COUNT

    def levels(self) -> None:
        return None

    def highest(self) -> Decimal:
        return Decimal(max({self.weight, *zero_levels(self.if_zero)}))

    def _cross_check(self, parsed: Mapping[str, object]) -> list[FactError]:
        if parsed.get(self.denominator) == 0 and not self.if_zero:
            den = self.label(self.denominator)
            return [
                FactError(
                    self.denominator, f"{den.th}เป็น 0 จึงคำนวณสัดส่วนไม่ได้", f"{den.en} is 0, so no ratio can be computed"
                )
            ]
        return []

    def column_points(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Decimal]:
        if self.numerator == self.denominator:
            return super().column_points(cells, ctx)
        return self._fill([None if p is None else p[2] for p in self._plain(cells)], cells, ctx)

    def column_scores(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Score]:
        if self.numerator == self.denominator:
            return super().column_scores(cells, ctx)
        explain = self._explain
        out = [
            None if p is None else Score.later(p[2], explain, Decimal(p[0]), Decimal(p[1]), p[2])
            for p in self._plain(cells)
        ]
        return self._fill(out, cells, ctx, Rule.column_scores)

    def _plain(self, cells: Sequence[Mapping[str, str] | None]) -> Iterator[tuple[int, int, Decimal] | None]:
        """(n, d, points) of each cell in the common case, in whole numbers, exactly as `_evaluate` rounds it:
        min(n, d) × weight ÷ d, half up to the satang. None for anything else (a zero, a typo, Thai digits),
        left to the plain rule."""
        scale = -min(self.weight.as_tuple().exponent, 0)
        weight_units, unit = int(self.weight.scaleb(scale)) * 100, 10**scale  # weight × 100 = units ÷ unit
        for n, d in plain_pairs(cells, self.numerator, self.denominator):
            if n is None or not d:
                yield None
            elif n >= d:
                yield n, d, self.weight
            else:
                q, r = divmod(n * weight_units, d * unit)
                yield n, d, hundredths(q + (2 * r >= d * unit))

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        if self.if_zero and parsed.get(self.denominator) == 0:  # nothing to collect: the rubric says what
            return zero_score(self.if_zero, self)
        for name in self.fact_names():
            if name not in parsed:
                raise missing(name, self.label(name))
        n, d = parsed[self.numerator], parsed[self.denominator]
        assert isinstance(n, Decimal) and isinstance(d, Decimal)
        if n >= d:  # reaching the target is full marks; going past it earns nothing more
            return Score.later(self.weight, self._explain, n, d, self.weight)
        points = (n * self.weight / d).quantize(CENT, rounding=ROUND_HALF_UP)
        return Score.later(points, self._explain, n, d, points)

    def _explain(self, n: Decimal, d: Decimal, points: Decimal) -> tuple[str, str]:
        num, den, w = self.label(self.numerator), self.label(self.denominator), fmt_points(self.weight)
        head = Label(f"{num.th} {fmt_num(n)} ÷ {den.th} {fmt_num(d)}", f"{num.en} {fmt_num(n)} ÷ {den.en} {fmt_num(d)}")
        if n >= d:
            return (
                f"{head.th} ถึงเป้าหมาย นับเป็น 1 × {w} → {pts_th(points)}",
                f"{head.en} reaches the target, counted as 1 × {w} → {pts_en(points)}",
            )
        return f"{head.th} × {w} → {pts_th(points)}", f"{head.en} × {w} → {pts_en(points)}"

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        target = rng.randrange(40, 400)
        reached = min(target, round(target * rng.uniform(0.55, 1.05)))  # about one in eight reach it
        return {self.numerator: str(reached), self.denominator: str(target)}


def descending(values: list[Decimal], what: str) -> None:
    if any(a < b for a, b in pairwise(values)):
        raise RuleError(f"{what} ต้องเรียงจากคะแนนมากไปน้อย", f"{what} must run from most points down")


def if_zero_case(rule: Rule, params: Mapping[str, Any], measures: list[Measure]) -> ZeroCase | None:
    """Bands and tables: a measure's zero denominator (or another named count at 0) scores fixed points."""
    dividers = [m.denominator for m in measures if m.denominator]
    case = zero_case(params.get("if_zero"), dividers[0] if len(dividers) == 1 else None)
    if case:
        for m in measures:
            m.zero_allowed = m.denominator == case.fact
    return case


class Bands(Rule):
    """First band (best first) whose threshold the measure meets, else `otherwise`: `min` when more is
    better, `max` on a `lower_is_better` measure (complaints handled within 7 / 15 / 30 days)."""

    kind = "bands"
    committee_judges = False
    title = Label("ช่วงคะแนนตามตัววัด", "bands of one measure")
    parameters = (
        Param("measure", MEASURE, "ตัววัด", "measure", help_th=MEASURE_HELP.th, help_en=MEASURE_HELP.en),
        Param(
            "bands", TABLE, "ช่วง (คะแนนมากก่อน)", "bands, most points first",
            columns=(
                Param("min", DECIMAL, "ตั้งแต่", "at least", required=False),
                Param("max", DECIMAL, "ไม่เกิน (ตัววัดที่น้อยดีกว่า)", "at most (lower is better)", required=False),
                Param("points", DECIMAL, "คะแนน", "points"),
            ),
            least=1, each=BAND,
        ),
        Param("otherwise", DECIMAL, "คะแนนเมื่อไม่เข้าช่วงใด", "points below every band"),
        IF_ZERO,
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        with about("measure"):
            self.measure = Measure(self.given["measure"], self)
        key = "max" if self.measure.lower else "min"
        self.bands = []
        for i, b in enumerate(self.given["bands"], 1):
            with about("bands", i):  # which of min and max a band needs is the measure's to say
                self.bands.append((param(b, key), b["points"]))
        self.otherwise = self.given["otherwise"]
        mins = [m for m, _ in self.bands]
        with about("bands"):
            if self.measure.lower and any(a >= b for a, b in pairwise(mins)):
                raise RuleError(
                    "bands ต้องเรียง max จากน้อยไปมากและไม่ซ้ำกัน",
                    "bands must list max from lowest to highest, without repeats",
                )
            if not self.measure.lower and any(a <= b for a, b in pairwise(mins)):
                raise RuleError(
                    "bands ต้องเรียง min จากมากไปน้อยและไม่ซ้ำกัน",
                    "bands must list min from highest to lowest, without repeats",
                )
            descending([p for _, p in self.bands] + [self.otherwise], "bands")
        with about("bands", 1):
            self.measure.check_reachable(mins[0], "bands 1")
        with about("if_zero"):
            self.if_zero = if_zero_case(self, self.given, [self.measure])
        if self.if_zero and self.if_zero.fact not in self.measure.facts:
            self.extra_facts: tuple[str, ...] = (self.if_zero.fact,)
        else:
            self.extra_facts = ()

    def fact_names(self) -> tuple[str, ...]:
        return (*self.measure.facts, *self.extra_facts)

    def _parse(self, name: str, raw: str) -> object:
        if name in self.extra_facts:
            return parse_count(name, self.label(name), raw)
        return self.measure.parse(name, raw)

    def fact_format(self, name: str) -> FactFormat:
        return COUNT if name in self.extra_facts else self.measure.format(name)

    def _cross_check(self, parsed: Mapping[str, object]) -> list[FactError]:
        return self.measure.cross_check(parsed)

    def levels(self) -> tuple[Decimal, ...]:
        return tuple(sorted({ZERO, self.otherwise, *(p for _, p in self.bands), *zero_levels(self.if_zero)}))

    def column_points(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Decimal]:
        pair = self._plain_pair()
        if pair is None:
            return super().column_points(cells, ctx)
        points = [*(p for _, p in self.bands), self.otherwise]  # by the band met; the last: none
        return self._fill([None if f is None else points[f[1]] for f in self._plain(cells, pair)], cells, ctx)

    def column_scores(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Score]:
        pair = self._plain_pair()
        if pair is None:
            return super().column_scores(cells, ctx)
        points = [*(p for _, p in self.bands), self.otherwise]
        places, explain = self.rounding.percent_places, self._explain
        out = [
            None if f is None else Score.later(points[f[1]], explain, Decimal(f[0]).scaleb(-places), f[1])
            for f in self._plain(cells, pair)
        ]
        return self._fill(out, cells, ctx, Rule.column_scores)

    def _plain_pair(self) -> tuple[str, str] | None:
        """The share's two facts where the common case applies: a plain share, with no if_zero but its own
        denominator's. None: the plain rule reads every cell."""
        pair = self.measure._pair
        if pair is None or self.extra_facts or (self.if_zero and self.if_zero.fact != self.measure.denominator):
            return None
        return pair

    def _plain(
        self, cells: Sequence[Mapping[str, str] | None], pair: tuple[str, str]
    ) -> Iterator[tuple[int, int] | None]:
        """(the percentage in units of its rounding, the band it meets: len(bands) for none) of each cell that is
        a share in whole numbers, exactly as `Measure.value` rounds it, against each band's limit in the same
        units. None for anything else, left to the plain rule."""
        places, exceed, lower = self.rounding.percent_places, self.measure.may_exceed, self.measure.lower
        up = self.rounding.mode != "truncate"
        limits = [
            int((m.scaleb(places)).to_integral_value(ROUND_FLOOR if lower else ROUND_CEILING)) for m, _ in self.bands
        ]
        hundred = 100 * 10**places
        for n, d in plain_pairs(cells, *pair):
            if n is None or not d or (n > d and not exceed):
                yield None
                continue
            q, r = divmod(n * hundred, d)
            if up and 2 * r >= d:
                q += 1
            for i, limit in enumerate(limits):
                if (q <= limit) if lower else (q >= limit):
                    yield q, i
                    break
            else:
                yield q, len(limits)

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        if self.if_zero and parsed.get(self.if_zero.fact) == 0:
            return zero_score(self.if_zero, self)
        value = self.measure.value(parsed, checked=True)  # `_score` ran `_cross_check` on them
        meets = self.measure.meets
        for i, (minimum, points) in enumerate(self.bands):
            if meets(value, minimum):
                return Score.later(points, self._explain, value, i)
        return Score.later(self.otherwise, self._explain, value, len(self.bands))

    def _explain(self, value: Decimal, i: int) -> tuple[str, str]:
        """Band `i` met (len(bands): none, `otherwise`), and the better band above it missed."""
        shown, said = self.measure.show(value), self._said
        if i == len(self.bands):
            low, points = said[-1][1], self.otherwise
            return f"{shown.th} {low.th} → {pts_th(points)}", f"{shown.en}, {low.en} → {pts_en(points)}"
        points = self.bands[i][1]
        met = said[i][0]
        above = said[i - 1][1] if i else Label("", "")
        return (
            f"{shown.th} {met.th}{' แต่' + above.th if i else ''} → {pts_th(points)}",
            f"{shown.en}, {met.en}{' but ' + above.en if i else ''} → {pts_en(points)}",
        )

    @cached_property
    def _said(self) -> list[tuple[Label, Label]]:
        """Each band's threshold as the text says it, met and missed (`Measure.compare`): the same for every
        entrant, so said once a rule rather than twice an explained cell (111,735 times a 10,000 villages)."""
        compare = self.measure.compare
        return [(compare(minimum, True), compare(minimum, False)) for minimum, _ in self.bands]

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        limits = [m for m, _ in self.bands]
        band = demo_pick(rng, len(limits) + 1)  # the last: below every band, `otherwise`
        meets = limits[band] if band < len(limits) else None
        misses = limits[band - 1] if band else None
        known: dict[str, Decimal] = {}
        self.measure.demo(rng, self.measure.demo_value(rng, meets, misses), known)
        return {name: demo_text(value) for name, value in known.items()}
