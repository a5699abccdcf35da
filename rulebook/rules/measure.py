"""A measure: a percentage of two facts, of a fact and a constant, or a fact read directly.

Values are rounded *before* any comparison as the rubric's `rounding` says; by default half-up to 2
decimals (docs/decisions.md, decision 1), so 97.005% compares as 97.01%. A numerator may be a difference of two
facts (`"minus"`: growth, debt reduced), which may be negative: it then simply meets no threshold.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import cached_property
from typing import Any, cast

from rulebook.rules.base import Rule, missing
from rulebook.rules.errors import FactError, Label, RuleError
from rulebook.rules.facts import CENT, fmt_num, fmt_points, parse_amount, parse_count, thai_num
from rulebook.rules.params import decimal_param
from rulebook.rules.values import AMOUNT, COUNT, NUMBER, FactFormat

HUNDRED = Decimal(100)
# What a measure's JSON holds, beside its box in the builder and in the docs' table.
MEASURE_HELP = Label(
    '{"numerator", "denominator" หรือ "denominator_value"} หรือ {"fact"}; may_exceed, lower_is_better, amount, minus',
    '{"numerator", "denominator" or "denominator_value"} or {"fact"}; may_exceed, lower_is_better, amount, minus',
)
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _unit(value: Any) -> Label:
    """ "%" (the default), {"th": " ช่องทาง", "en": " channels"}, or one text; Thai never reaches English."""
    if isinstance(value, Mapping):
        return Label(str(value.get("th", "")), str(value.get("en", "")))
    text = str(value)
    return Label(text, "" if _THAI.search(text) else text)


_KEYS = {
    "numerator", "denominator", "denominator_value", "fact", "max", "th", "en", "unit", "may_exceed",
    "minus", "amount", "lower_is_better", "numerators", "rank",
}  # fmt: skip


class Measure:
    def __init__(self, spec: Any, rule: Rule, name: str = "measure") -> None:
        if not isinstance(spec, Mapping):
            raise RuleError(f"{name} ต้องเป็นออบเจกต์", f"{name} must be an object")
        unknown = sorted(set(spec) - _KEYS)
        if unknown:
            raise RuleError(f"{name}: ไม่รู้จัก {', '.join(unknown)}", f"{name}: unknown key(s) {', '.join(unknown)}")
        self.rule = rule
        self.unit = _unit(spec.get("unit", "%"))
        self.percent = self.unit.th == "%"
        self.may_exceed = bool(spec.get("may_exceed", False))
        # Baht amounts (loans, revenue) have satang; counts of things never do.
        self.amount = spec.get("amount") is True
        # Fewer is better (days to handle a complaint): thresholds are maximums.
        self.lower = spec.get("lower_is_better") is True
        self.minus: str | None = spec.get("minus")
        self.zero_allowed = False  # the rule's if_zero scores a zero denominator instead
        self.numerator: str | None = spec.get("numerator")
        self.denominator: str | None = spec.get("denominator")
        self.constant: Decimal | None = None
        self.fact: str | None = spec.get("fact")
        self.max: Decimal | None = None
        # Several counts over one total, the `rank`-th largest share measured (seed 003 mission 3: "ทั้ง ๓
        # ช่องทาง มีผู้ประกอบการเข้าร่วมไม่น้อยกว่าร้อยละ ๕" is the third-best channel's share); a count left
        # blank is no channel, 0.
        self.numerators: tuple[str, ...] = tuple()  # not (): mypy would narrow it to the empty tuple
        self.facts: tuple[str, ...] = ()
        self.rank = 1
        if spec.get("numerators") is not None:
            self._several(spec, name)
            self.facts = (*self.numerators, str(self.denominator))
            default = Label(f"อันดับที่ {self.rank} ของ{rule.label(self.numerators[0]).th}", f"rank {self.rank} share")
        elif self.fact and not (self.numerator or self.denominator):
            if spec.get("max") is not None:
                self.max = decimal_param(spec["max"], f"{name} max")
            self.facts = (self.fact,)
            default = rule.label(self.fact)
        elif self.numerator and bool(self.denominator) != ("denominator_value" in spec):
            if self.denominator is None:
                self.constant = decimal_param(spec["denominator_value"], f"{name} denominator")
                if self.constant <= 0:
                    raise RuleError(f"{name}: ตัวหารต้องมากกว่า 0", f"{name}: denominator must be > 0")
            self.facts = tuple(dict.fromkeys(f for f in (self.numerator, self.minus, self.denominator) if f))
            num = rule.label(self.numerator)
            default = Label(f"ร้อยละของ{num.th}", f"share of {num.en}")
            if self.minus:
                less = rule.label(self.minus)
                default = Label(f"ร้อยละของ{num.th} − {less.th}", f"share of {num.en} − {less.en}")
        else:
            raise RuleError(
                f"{name} ต้องมี numerator กับ denominator หรือ denominator_value หรือ fact อย่างเดียว",
                f"{name} needs numerator with denominator or denominator_value, or fact alone",
            )
        if self.minus and not self.numerator:
            raise RuleError(f"{name}: minus ใช้กับ numerator เท่านั้น", f"{name}: minus goes with a numerator only")
        self.label = Label(spec.get("th", default.th), spec.get("en", default.en))

    def _several(self, spec: Mapping[str, Any], name: str) -> None:
        numerators, rank = spec["numerators"], spec.get("rank", 1)
        ok = isinstance(numerators, list) and numerators and all(isinstance(n, str) and n for n in numerators)
        if not ok or len(set(numerators)) != len(numerators) or not self.denominator:
            raise RuleError(
                f"{name}: numerators ต้องเป็นรายการชื่อข้อมูลไม่ซ้ำกัน และมี denominator",
                f"{name}: numerators must list distinct fact names, with a denominator",
            )
        if self.numerator or self.fact or self.minus or "denominator_value" in spec:
            raise RuleError(
                f"{name}: numerators ใช้แทน numerator, fact, minus และ denominator_value",
                f"{name}: numerators replaces numerator, fact, minus and denominator_value",
            )
        if not isinstance(rank, int) or isinstance(rank, bool) or not 1 <= rank <= len(numerators):
            most = len(numerators)
            raise RuleError(f"{name}: rank ต้องเป็นจำนวนเต็ม 1–{most}", f"{name}: rank must be a whole number 1–{most}")
        self.numerators, self.rank = tuple(numerators), rank

    @property
    def cap(self) -> Decimal | None:
        """The highest value this measure can take, to refuse unreachable thresholds."""
        if self.fact or self.lower:
            return self.max
        return None if self.may_exceed else HUNDRED

    def format(self, name: str) -> FactFormat:
        """As `parse` reads it: a value read directly takes decimals, an amount satang, a count neither."""
        return NUMBER if self.fact else AMOUNT if self.amount else COUNT

    def parse(self, name: str, raw: str) -> Decimal:
        if self.fact:  # a value read directly, e.g. a confidence percentage: decimals allowed
            return parse_amount(name, self.rule.label(name), raw, self.max)
        if self.amount:
            return parse_amount(name, self.rule.label(name), raw)
        return parse_count(name, self.rule.label(name), raw)  # a share of two counts

    def meets(self, value: Decimal, threshold: Decimal) -> bool:
        return value <= threshold if self.lower else value >= threshold

    def _numerator(self, parsed: Mapping[str, object]) -> Decimal | None:
        n = parsed.get(self.numerator or "")
        less = parsed.get(self.minus or "") if self.minus else Decimal(0)
        if not isinstance(n, Decimal) or not isinstance(less, Decimal):
            return None
        return n - less

    def cross_check(self, parsed: Mapping[str, object]) -> list[FactError]:
        if self.fact:
            return []
        if self.numerators:
            return [e for n in self.numerators for e in self._check_share(n, parsed.get(n), parsed)]
        return self._check_share(self.numerator or "", self._numerator(parsed), parsed)

    def _check_share(self, numerator: str, n: object, parsed: Mapping[str, object]) -> list[FactError]:
        d = self.constant if self.constant is not None else parsed.get(self.denominator or "")
        if not isinstance(d, Decimal) or (d == 0 and self.zero_allowed):
            return []
        if d != 0 and (not isinstance(n, Decimal) or n <= d or self.may_exceed):
            return []  # sound: no label looked up, no text made
        num = self.rule.label(numerator)
        den = self.rule.label(self.denominator) if self.denominator else Label("จำนวนทั้งหมด", "the total")
        if d == 0:
            return [
                FactError(
                    self.denominator or "",
                    f"{den.th}เป็น 0 จึงคำนวณร้อยละไม่ได้",
                    f"{den.en} is 0, so no percentage can be computed",
                )
            ]
        if isinstance(n, Decimal) and n > d and not self.may_exceed:
            return [
                FactError(
                    numerator,
                    f"{num.th} {fmt_num(n)} มากกว่า{den.th} {fmt_num(d)}",
                    f"{num.en} {fmt_num(n)} is more than {den.en} {fmt_num(d)}",
                )
            ]
        return []

    @cached_property
    def _pair(self) -> tuple[str, str] | None:
        """(numerator, denominator) of a plain share of two facts: the shape a fast path reads (`Bands`)."""
        if self.numerators or self.fact or self.minus or self.constant is not None:
            return None
        if not self.numerator or not self.denominator or self.numerator == self.denominator:
            return None
        return self.numerator, self.denominator

    def value(self, parsed: Mapping[str, object], *, checked: bool = False) -> Decimal:
        """`checked`: the rule has already run `cross_check` on these facts (Rule._parse_all) and found them sound."""
        if self.numerators:
            return self._ranked(parsed)
        for name in self.facts:
            if name not in parsed:
                raise missing(name, self.rule.label(name))
        if self.fact:
            value = parsed[self.fact]
            assert isinstance(value, Decimal)
            return self.rule.rounding.apply(value)
        errors = [] if checked else self.cross_check(parsed)
        if errors:
            raise errors[0]
        d = self.constant if self.constant is not None else parsed[self.denominator or ""]
        n = self._numerator(parsed)
        assert isinstance(n, Decimal) and isinstance(d, Decimal)
        return self.rule.rounding.apply(n * 100 / d)

    def _ranked(self, parsed: Mapping[str, object]) -> Decimal:
        d = parsed.get(self.denominator or "")
        if not isinstance(d, Decimal):
            raise missing(self.denominator or "", self.rule.label(self.denominator or ""))
        errors = self.cross_check(parsed)
        if errors:
            raise errors[0]
        counts = sorted((cast(Decimal, parsed.get(n, Decimal(0))) for n in self.numerators), reverse=True)
        n = counts[self.rank - 1]
        assert isinstance(n, Decimal)
        return self.rule.rounding.apply(n * 100 / d)

    def show(self, value: Decimal) -> Label:
        """The measured value: "ร้อยละ ๙๑.๖๗" / "91.67%", counts without decimals."""
        if self.percent:
            said = "" if self.label.th.startswith("ร้อยละ") else " ร้อยละ"  # "ร้อยละของ…" already says it
            fell = Label(" (ติดลบ)", " (negative)") if value < 0 else Label("", "")  # a difference below zero
            return Label(
                f"{self.label.th}{said} {thai_num(value)}{fell.th}", f"{self.label.en} {fmt_num(value)}%{fell.en}"
            )
        return Label(
            f"{self.label.th} {thai_num(value)}{self.unit.th}", f"{self.label.en} {fmt_num(value)}{self.unit.en}"
        )

    def compare(self, minimum: Decimal, met: bool) -> Label:
        """A threshold the manual's way: min 90.01 is "more than 90" (decision 1), min 70 "at least 70";
        on a lower-is-better measure a threshold is a maximum: "at most 7 days"."""
        if self.lower:
            th, en = ("ไม่เกิน", "at most") if met else ("เกิน", "more than")
            if self.percent:
                return Label(f"{th}ร้อยละ {thai_num(minimum)}", f"{en} {fmt_num(minimum)}%")
            return Label(f"{th} {thai_num(minimum)}{self.unit.th}", f"{en} {fmt_num(minimum)}{self.unit.en}")
        strict = minimum.as_tuple().exponent == -2 and (minimum * 100) % 100 == 1
        base = minimum - CENT if strict else minimum
        if strict:
            th, en = ("มากกว่า", "more than") if met else ("ไม่เกิน", "not more than")
        else:
            th, en = ("ตั้งแต่", "at least") if met else ("น้อยกว่า", "less than")
        if self.percent:
            return Label(f"{th}ร้อยละ {thai_num(base)}", f"{en} {fmt_num(base)}%")
        return Label(f"{th} {thai_num(base)}{self.unit.th}", f"{en} {fmt_num(base)}{self.unit.en}")

    def threshold(self, minimum: Decimal) -> str:
        return f"{fmt_points(minimum)}{self.unit.en or self.unit.th}"

    def check_reachable(self, minimum: Decimal, where: str) -> None:
        cap = self.cap
        if cap is not None and minimum > cap:
            hint = "" if self.fact else " (ใส่ may_exceed ถ้าเกินเป้าหมายได้)"
            hint_en = "" if self.fact else " (set may_exceed if it can exceed its target)"
            raise RuleError(
                f"{where}: ต้องการ{self.label.th} ≥ {self.threshold(minimum)} แต่ค่าสูงสุดคือ {self.threshold(cap)}{hint}",
                f"{where}: needs {self.label.en} ≥ {self.threshold(minimum)} but it cannot exceed "
                f"{self.threshold(cap)}{hint_en}",
            )

    # -- demo data (`bootstrap --demo`) -------------------------------------------------
    def demo_value(self, rng: random.Random, meets: Decimal | None, misses: Decimal | None) -> Decimal:
        """A measured value that meets the threshold `meets` and misses the stricter `misses` (either may be
        None), so a demo entrant lands in the band the demo chose for it."""
        top = self.cap if self.cap is not None else None
        if self.lower:  # thresholds are maximums: meeting is being at or below
            low = misses if misses is not None else (meets / 2 if meets is not None else Decimal(0))
            high = meets if meets is not None else misses * Decimal("1.5") + 1  # type: ignore[operator]
        else:
            if meets is not None:
                low = meets
            elif misses is not None:
                low = misses / 2 if misses > 0 else misses - 10
            else:
                low = (top or HUNDRED) / 2
            high = misses if misses is not None else (top if top is not None else low * Decimal("1.2") + 1)
            if self.fact and not self.percent and misses is not None:  # `demo` rounds a count up: stay below
                high = misses - 1
                low = min(low, high)
        return Decimal(str(rng.uniform(float(low), float(high)))).quantize(CENT)

    def demo(self, rng: random.Random, value: Decimal, known: dict[str, Decimal]) -> None:
        """Adds to `known` the raw numbers that measure about `value`; numbers already there (a count two
        measures share) are kept, so the facts of one rule agree with each other."""
        step = CENT if self.amount or (self.fact and self.percent) else Decimal(1)
        towards = ROUND_FLOOR if self.lower else ROUND_CEILING  # rounding must not leave the band

        def whole(x: Decimal) -> Decimal:
            return x.quantize(step, rounding=towards)

        if self.fact:
            capped = value if self.max is None else min(value, self.max)
            known.setdefault(self.fact, max(Decimal(0), whole(capped)))
            return
        if self.numerators:  # the ranked count at `value`, the better ones above it, the worse below
            total = known.setdefault(self.denominator or "", whole(Decimal(rng.randrange(40, 400))))
            share = min(whole(value * total / HUNDRED), total)
            for i, name in enumerate(self.numerators[: self.rank]):  # the worse ones: another measure's, or blank
                drawn = share if i == self.rank - 1 else Decimal(rng.randint(int(share), int(total)))
                known.setdefault(name, max(Decimal(0), drawn))
            return
        if self.constant is not None:
            total = self.constant
        else:
            size = rng.randrange(50_000, 2_000_000) if self.amount else rng.randrange(40, 400)
            total = known.setdefault(self.denominator or "", whole(Decimal(size)))
        share = whole(value * total / HUNDRED)
        if not self.may_exceed:
            share = min(share, total)
        assert self.numerator is not None
        if not self.minus:
            known.setdefault(self.numerator, max(Decimal(0), share))
        elif self.numerator in known:  # debt at the start less debt now (seed 003 mission 6)
            known.setdefault(self.minus, max(Decimal(0), known[self.numerator] - share))
        else:  # revenue over a baseline (mission 7): the baseline may be the denominator already drawn
            base = known.setdefault(self.minus, total)
            known[self.numerator] = max(Decimal(0), base + share)
