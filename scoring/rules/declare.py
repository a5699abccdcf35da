"""What a rule kind's parameters are, said once on its class (`Rule.parameters`) as plain data: the
rubric loader checks a rule's parameters against it before the kind reads them, the contest builder
makes its form from it (issue #28) and docs/rubric-format.md's parameter table is written from it
(`manage.py rubric_params_doc`). A new kind declares its parameters and needs no template or view."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from scoring.rules.base import RuleError
from scoring.rules.params import decimal_param

# The types a parameter (or a table's column) may have. `object` is a nested structure the kind reads
# itself (a measure, a table's rows, a milestone's conditions): the builder edits it as JSON text.
DECIMAL, INT, TEXT, FACT, DAY, FLAG = "decimal", "int", "text", "fact", "date", "flag"
TABLE = "table"  # a list of rows, each with `columns` (bands, ladder steps, levels, late steps)
ITEMS = "items"  # {code: row} with `columns` (a checklist's items)
POINTS_BY = "points_by"  # {key: points} (grades {"A": "5"}, items_count's points per count)
GROUP = "group"  # one object with `columns` (if_zero)
OBJECT = "object"
CONDITIONS = "conditions"  # a list of {fact, and of/min, by or by_fact} (a milestone level's): rows in the builder
TYPES = (DECIMAL, INT, TEXT, FACT, DAY, FLAG, TABLE, ITEMS, POINTS_BY, GROUP, OBJECT, CONDITIONS)

TYPE_NAMES = {
    DECIMAL: ("ตัวเลข", "number"),
    INT: ("จำนวนเต็ม", "whole number"),
    TEXT: ("ข้อความ", "text"),
    FACT: ("ชื่อข้อมูล", "fact name"),
    DAY: ("วันที่", "date"),
    FLAG: ("ใช่/ไม่ใช่", "yes/no"),
    TABLE: ("ตาราง", "table of rows"),
    ITEMS: ("รายการตามรหัส", "items by code"),
    POINTS_BY: ("คะแนนตามค่า", "points by value"),
    GROUP: ("กลุ่มค่า", "group of values"),
    OBJECT: ("โครงสร้าง JSON", "JSON structure"),
    CONDITIONS: ("เงื่อนไข", "conditions"),
}


@dataclass(frozen=True)
class Param:
    """One parameter of a kind (or one column of a table parameter). `minimum` is checked for numbers;
    `required` is what the loader refuses when absent; `key_th`/`key_en` name an ITEMS or POINTS_BY key."""

    name: str
    type: str
    th: str
    en: str
    required: bool = True
    minimum: Decimal | None = None
    columns: tuple[Param, ...] = ()
    key_th: str = ""
    key_en: str = ""

    def __post_init__(self) -> None:
        assert self.type in TYPES, self.type
        assert bool(self.columns) == (self.type in (TABLE, ITEMS, GROUP)), self.name

    def limits(self) -> str:
        return "" if self.minimum is None else f"≥ {self.minimum}"


def check(parameters: tuple[Param, ...], params: Mapping[str, Any]) -> None:
    """Refuse, naming the parameter, what the declaration already says is wrong: a required parameter
    missing, a number that is not one, a table row missing a column. The kind checks the rest (order,
    reachability) when it reads them. The messages are the ones the kinds have always given."""
    for p in parameters:
        value = params.get(p.name)
        if value is None:
            if p.required:
                raise RuleError(f"ขาดพารามิเตอร์ “{p.name}”", f"missing parameter “{p.name}”", field=p.name)
            continue
        _check_value(p, value, p.name, p.name)


def _check_value(p: Param, value: Any, where: str, field: str) -> None:
    if p.type == DECIMAL:
        number = _decimal(value, where, field)
        if p.minimum is not None and number < p.minimum:
            raise RuleError(f"{where} ต้องไม่น้อยกว่า {p.minimum}", f"{where} must be at least {p.minimum}", field=field)
    elif p.type == INT:
        if not isinstance(value, int) or isinstance(value, bool) or (p.minimum is not None and value < p.minimum):
            raise RuleError(f"{where} ต้องเป็นจำนวนเต็มไม่ติดลบ", f"{where} must be a non-negative integer", field=field)
    elif p.type == TABLE and isinstance(value, list):
        for i, row in enumerate(value, 1):
            if isinstance(row, Mapping):
                _check_row(p.columns, row, f"{p.name} {i}", field)
    elif p.type == ITEMS and isinstance(value, Mapping):
        for code, row in value.items():
            if isinstance(row, Mapping):
                _check_row(p.columns, row, f"{p.name} {code}", field)
    elif p.type == POINTS_BY and isinstance(value, Mapping):
        for key, points in value.items():
            _decimal(points, f"{p.name} {key}", field)
    # A GROUP (if_zero) is checked whole by the kind, whose message says every key it needs at once.


def _check_row(columns: tuple[Param, ...], row: Mapping[str, Any], where: str, field: str) -> None:
    for column in columns:
        value = row.get(column.name)
        if value is None or (column.name in ("th", "en") and not value):
            if column.required and column.name in ("th", "en"):  # the kinds' own words for a nameless row
                raise RuleError(f"{where} ต้องมีชื่อภาษาไทย (th) และอังกฤษ (en)", f"{where} needs th and en", field=field)
            if column.required:
                raise RuleError(f"ขาดพารามิเตอร์ “{column.name}”", f"missing parameter “{column.name}”", field=field)
            continue
        what = f"{where} {column.name}"
        if column.type == INT:
            what = f"{where}: {column.name}"
        _check_value(column, value, what, field)


def _decimal(value: Any, what: str, field: str) -> Decimal:
    try:
        return decimal_param(value, what)
    except RuleError as error:
        raise RuleError(error.th, error.en, field=field) from None


def names(parameters: tuple[Param, ...]) -> frozenset[str]:
    return frozenset(p.name for p in parameters)


def markdown(kinds: Mapping[str, Any]) -> str:
    """docs/rubric-format.md's parameter table, one row per parameter, written from the declarations."""
    lines = [
        "| kind | ชนิด / kind name | parameter | type | ชื่อ (th) | name (en) | required | limits | columns |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, cls in kinds.items():
        title = cls.title
        if not cls.parameters:
            lines.append(f"| `{kind}` | {title.th} / {title.en} | — | | | | | | |")
        for p in cls.parameters:
            columns = ", ".join(f"`{c.name}`{'' if c.required else '?'} ({c.type})" for c in p.columns)
            lines.append(
                f"| `{kind}` | {title.th} / {title.en} | `{p.name}` | {p.type} | {p.th} | {p.en} | "
                f"{'yes' if p.required else 'no'} | {p.limits()} | {columns} |"
            )
    return "\n".join(lines) + "\n"


# Columns several kinds share: an item's or level's names, and the if_zero case (scoring/rules/params.py).
ITEM_NAMES = (Param("th", TEXT, "ชื่อภาษาไทย", "Thai name"), Param("en", TEXT, "ชื่อภาษาอังกฤษ", "English name"))
IF_ZERO = Param(
    "if_zero",
    GROUP,
    "คะแนนเมื่อตัวหารเป็น 0",
    "points when the divisor is 0",
    required=False,
    columns=(
        Param("fact", FACT, "ข้อมูลที่เป็น 0 (ว่าง: ตัวหาร)", "the fact at 0 (blank: the divisor)", required=False),
        Param("points", DECIMAL, "คะแนน", "points"),
        *ITEM_NAMES,
    ),
)


DOC_START = "<!-- parameters: generated by `manage.py rubric_params_doc` from Rule.parameters; do not edit -->"
DOC_END = "<!-- parameters: end -->"


def with_table(doc: str, kinds: Mapping[str, Any]) -> str:
    """`doc` with the text between the markers replaced by the table the declarations give now."""
    head, start, rest = doc.partition(DOC_START)
    _, end, tail = rest.partition(DOC_END)
    if not start or not end:
        raise ValueError("the parameter table's markers are missing")
    return f"{head}{DOC_START}\n{markdown(kinds)}{DOC_END}{tail}"
