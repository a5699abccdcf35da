"""A rule form's boxes read as the rubric writes them (builder/rule_forms.py): a count of rows, a cell's text as
its declared type (a tick True, a whole number an int), and JSON text, refused Thai first when it is not JSON or
nests deeper than any rubric may."""

from __future__ import annotations

import json
from typing import Any

from core.numbers import whole
from rulebook.rubric_json import MAX_DEPTH, _depth
from rulebook.rules import RuleError
from rulebook.rules.declare import FLAG, INT, OBJECT, Param


def row_count(raw: Any) -> int:
    number = whole(str(raw).strip() if raw is not None else "")
    return 0 if number is None else min(number, 200)


def cell_value(p: Param, raw: Any, field: str) -> Any:
    if p.type == FLAG:
        return True if raw else None
    if raw is None or raw == "":
        return None
    if p.type == OBJECT:
        return json_value(raw, field)
    if p.type == INT:
        try:
            return int(str(raw).strip())
        except ValueError:
            raise RuleError(
                f"{p.name} ต้องเป็นจำนวนเต็ม: {raw!r}", f"{p.name} must be a whole number: {raw!r}", field=field
            ) from None
    return str(raw)


def json_value(raw: Any, field: str) -> Any:
    if not raw or not str(raw).strip():
        return None
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError) as error:  # RecursionError: nested past what Python parses
        raise RuleError(
            f"{field} ไม่ใช่ JSON ที่ถูกต้อง: {error}", f"{field} is not valid JSON: {error}", field=field
        ) from None
    if _depth(value) > MAX_DEPTH:
        raise RuleError(
            f"{field} ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น", f"{field} is nested more than {MAX_DEPTH} levels deep", field=field
        )
    return value
