"""Reading a rule's parameters from a rubric file: required keys, exact decimals, the if_zero case.
Every mistake is a RuleError that names the parameter, Thai first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rulebook.rules.errors import Label, RuleError


def param(params: Mapping[str, Any], key: str) -> Any:
    if params.get(key) is None:
        raise RuleError(f"ขาดพารามิเตอร์ “{key}”", f"missing parameter “{key}”")
    return params[key]


def decimal_param(value: Any, what: str) -> Decimal:
    """Numbers in a rubric are strings so that 0.1 stays exactly 0.1."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RuleError(
            f'{what} ต้องเป็นตัวเลขในรูปข้อความ เช่น "5" แต่ได้รับ {value!r}',
            f'{what} must be a number written as a string, e.g. "5", got {value!r}',
        )
    try:
        result = Decimal(str(value).strip())
    except ArithmeticError:
        result = Decimal("NaN")
    if not result.is_finite():
        raise RuleError(f"{what} ไม่ใช่ตัวเลข: {value!r}", f"{what} is not a number: {value!r}")
    return result


@dataclass(frozen=True)
class ZeroCase:
    """What a rule scores when a count it divides by is 0, e.g. "ไม่มีหนี้ค้างชำระ → 5" (seed 003 mission 5):
    a rubric's choice per rule, never a global default (without it a zero denominator is refused)."""

    fact: str
    points: Decimal
    text: Label


def zero_case(raw: Any, default_fact: str | None) -> ZeroCase | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) - {"fact", "points", "th", "en"}:
        raise RuleError(
            "if_zero ต้องเป็นออบเจกต์ที่มี points, th, en (และ fact ถ้าไม่ใช่ตัวหาร)",
            "if_zero must be an object with points, th, en (and fact unless it is the denominator)",
        )
    fact = raw.get("fact") or default_fact
    if not fact or not raw.get("th") or not raw.get("en"):
        raise RuleError("if_zero ต้องมี fact, th และ en", "if_zero needs a fact, th and en")
    return ZeroCase(str(fact), decimal_param(param(raw, "points"), "if_zero points"), Label(raw["th"], raw["en"]))
