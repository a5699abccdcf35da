"""Reads rubric JSON fields for rulebook.spec, recording every problem instead of stopping."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from core.names import has_control, name_refusal
from rulebook.dates import DateInputError, parse_date
from rulebook.rules.errors import Label, Problem, RuleError, Where
from rulebook.rules.params import decimal_param

CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")  # a dimension's, criterion's: parts of page addresses
CENT = Decimal("0.01")


class Reader:
    """Reads fields, recording problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []

    def fail(self, where: Where, th: str, en: str, field: str | None = None) -> None:
        """A problem at `where` (narrowed to its key `field`, when the problem is one key's)."""
        self.errors.append(Problem(where.at(field) if field else where, th, en))

    def text(
        self, obj: Mapping[str, Any], key: str, where: Where, required: bool = True, most: int | None = None
    ) -> str:
        """`most`: the column's length, which PostgreSQL enforces (a longer text would fail the save)."""
        value = obj.get(key)
        if isinstance(value, str) and most is not None and len(value) > most:
            self.fail(where, f"“{key}” ยาวเกิน {most} ตัวอักษร", f"“{key}” is longer than {most} characters", key)
            return ""
        if isinstance(value, str) and (value.strip() or not required):
            return value
        if value is None and not required:
            return ""
        self.fail(where, f"ต้องระบุ “{key}” เป็นข้อความ", f"“{key}” must be non-empty text", key)
        return ""

    def name(
        self, obj: Mapping[str, Any], key: str, where: Where, required: bool = True, most: int | None = None
    ) -> str:
        """`text`, for a name that reaches a header (a mail's subject, a file's name): no control character
        (core.names)."""
        value = self.text(obj, key, where, required, most)
        if has_control(value):
            self.fail(where, *name_refusal(key), key)
            return ""
        return value

    def number(self, obj: Mapping[str, Any], key: str, where: Where) -> Decimal | None:
        try:
            return decimal_param(obj.get(key), key)
        except RuleError as error:
            self.fail(where, error.th, error.en, key)
            return None

    def day(
        self,
        obj: Mapping[str, Any],
        key: str,
        where: Where,
        required: bool = True,
        window: tuple[date, date] | None = None,
    ) -> date | None:
        value = obj.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            self.fail(
                where,
                f"“{key}” ต้องเป็นวันที่แบบ 2023-07-31 แต่ได้รับ {value!r}",
                f"“{key}” must be a date like 2023-07-31, got {value!r}",
                key,
            )
            return None
        try:
            return parse_date(value, window=window)
        except DateInputError as error:
            self.fail(where, f"“{key}”: {error.th}", f"“{key}”: {error.en}", key)
            return None

    def items(self, obj: Mapping[str, Any], key: str, where: Where) -> list[Mapping[str, Any]]:
        value = obj.get(key)
        if isinstance(value, list) and all(isinstance(v, Mapping) for v in value):
            return value
        self.fail(where, f"“{key}” ต้องเป็นรายการของออบเจกต์", f"“{key}” must be a list of objects", key)
        return []

    def unique(self, codes: list[str], where: Where, what: Label) -> None:
        seen = sorted(c for c, n in Counter(codes).items() if n > 1)
        if seen:
            listed = ", ".join(seen[:20]) + (f", … ({len(seen):,})" if len(seen) > 20 else "")
            self.fail(where, f"รหัส{what.th}ซ้ำ: {listed}", f"repeated {what.en} code(s): {listed}")

    def code(self, value: Any, where: Where, most: int) -> None:
        text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
        if not CODE.fullmatch(text) or len(text) > most:
            self.fail(
                where,
                f"รหัสต้องเป็นอักษร A–Z ตัวเลข . _ หรือ - ยาวไม่เกิน {most} ตัว",
                f"the code must be letters A–Z, digits, . _ or -, at most {most} characters",
                "code",
            )

    def fits(self, value: Decimal | None, where: Where, key: str, most: Decimal) -> None:
        """A number its database column holds (PostgreSQL refuses more): 2 decimal places, at most `most`."""
        if value is not None and (abs(value) > most or value != value.quantize(CENT)):
            self.fail(
                where,
                f"“{key}” ต้องมีทศนิยมไม่เกิน ๒ ตำแหน่งและไม่เกิน {most:,}",
                f"“{key}” must have at most 2 decimal places and be at most {most:,}",
                key,
            )
