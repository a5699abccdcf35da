"""A milestone level's conditions as the builder's rows (a `conditions` column, rulebook/rules/declare.py): each
condition a row of four boxes, the fact, the test, a value and the fact it is a share of, instead of JSON
text. `parts` turns a rubric's condition into its row and `condition` back, unchanged
(tests/builder/test_rule_conditions.py); the milestones kind still judges what the condition says."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.i18n import _, either, pgettext_lazy
from rulebook.dates import DateInputError, be_date, parse_date
from rulebook.rules import RuleError

PARTS = ("fact", "test", "value", "of")  # the boxes of one condition's row
LABELS = (
    pgettext_lazy("builder.conditions", "fact"),
    pgettext_lazy("builder.conditions", "test"),
    pgettext_lazy("builder.conditions", "value"),
    pgettext_lazy("builder.conditions", "of (a percentage)"),
)
HEADING = _("This level's conditions (all must hold)")
ADD = _("add a condition")  # the button under them (static/scoring/builder.js)

# The tests a condition can make, as the milestones kind reads them (rulebook/rules/milestones.py).
REPORTED, DEADLINE, DAY, BY_FACT, COUNT, SHARE = "reported", "deadline", "date", "by_fact", "min", "share"
TESTS = (
    (REPORTED, "รายงานวันที่แล้ว", "a date reported"),
    (DEADLINE, "ไม่เกินวันครบกำหนดของรอบ", "on or before the period's deadline"),
    (DAY, "ไม่เกินวันที่ (ค่า)", "on or before the date (value)"),
    (BY_FACT, "ไม่เกินวันที่ในข้อมูล (ค่า)", "on or before the date in the fact (value)"),
    (COUNT, "จำนวนอย่างน้อย (ค่า)", "a count of at least (value)"),
    (SHARE, "ร้อยละอย่างน้อย (ค่า) ของ", "a percentage of at least (value) of"),
)
NEEDS_VALUE = frozenset({DAY, BY_FACT, COUNT, SHARE})


def choices() -> list[tuple[str, str]]:
    return [("", "—"), *((code, either(th, en)) for code, th, en in TESTS)]


def where(name: str, i: int, j: int) -> str:
    """How a refusal names the condition: "levels 2 when 1" (the rubric's words, as the kind's refusals)."""
    return f"{name} {i} when {j}"


def parts(condition: Mapping[str, Any]) -> dict[str, str]:
    """A rubric's condition as its row's boxes."""
    fact = str(condition.get("fact", ""))
    if condition.get("min") is not None:
        test = SHARE if condition.get("of") else COUNT
        return {"fact": fact, "test": test, "value": str(condition["min"]), "of": str(condition.get("of") or "")}
    if condition.get("by_fact"):
        return {"fact": fact, "test": BY_FACT, "value": str(condition["by_fact"]), "of": ""}
    by = condition.get("by")
    if by == DEADLINE:
        return {"fact": fact, "test": DEADLINE, "value": "", "of": ""}
    if by is not None:
        return {"fact": fact, "test": DAY, "value": be_date(str(by)), "of": ""}
    return {"fact": fact, "test": REPORTED, "value": "", "of": ""}


def condition(row: Mapping[str, str], where: str, field: str) -> dict[str, str] | None:
    """A row's boxes as the rubric's condition; None for a row left blank. Refuses, Thai first, a row that
    says too little (no fact, no test, no value the test needs) or too much (a value or an "of" it ignores)."""
    fact, test, value, of = (str(row.get(p) or "").strip() for p in PARTS)
    if not (fact or test or value or of):
        return None

    def refuse(th: str, en: str) -> RuleError:
        return RuleError(f"{where}: {th}", f"{where}: {en}", field=field)

    if not fact:
        raise refuse("ต้องระบุชื่อข้อมูล", "name the fact")
    if test not in {code for code, _, _ in TESTS}:
        raise refuse("ต้องเลือกการตรวจ", "choose a test")
    if test in NEEDS_VALUE and not value:
        raise refuse("การตรวจนี้ต้องมีค่า", "this test needs a value")
    if test not in NEEDS_VALUE and value:
        raise refuse("การตรวจนี้ไม่ใช้ค่า ให้ลบค่าออก", "this test takes no value: clear it")
    if (test == SHARE) != bool(of):
        if test == SHARE:
            raise refuse("ร้อยละต้องระบุว่าเป็นร้อยละของข้อมูลใด", "a percentage needs the fact it is of")
        raise refuse("“ของ” ใช้กับร้อยละเท่านั้น", "“of” is for a percentage only")
    if test == SHARE:
        return {"fact": fact, "of": of, "min": value}
    if test == COUNT:
        return {"fact": fact, "min": value}
    if test == BY_FACT:
        return {"fact": fact, "by_fact": value}
    if test == DEADLINE:
        return {"fact": fact, "by": DEADLINE}
    if test == DAY:
        try:
            return {"fact": fact, "by": parse_date(value).isoformat()}
        except DateInputError as error:
            raise refuse(error.th, error.en) from None
    return {"fact": fact}
