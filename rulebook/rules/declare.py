"""What a rule kind's parameters are, said once on its class (`Rule.parameters`) as plain data: the
rubric loader checks a rule's parameters against it before the kind reads them, the contest builder
makes its form from it and docs/rubric-format.md's parameter table is written from it
(`manage.py rubric_params_doc`). A new kind declares its parameters and needs no template or view."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rulebook.dates import DateInputError, parse_date
from rulebook.rules.errors import RuleError
from rulebook.rules.params import decimal_param

# The types a parameter (or a table's column) may have. `object` is a nested structure the kind reads
# itself: the builder edits it as JSON text.
DECIMAL, INT, TEXT, FACT, DAY, FLAG = "decimal", "int", "text", "fact", "date", "flag"
TABLE = "table"  # a list of rows, each with `columns` (bands, ladder steps, levels, late steps)
ITEMS = "items"  # {code: row} with `columns` (a checklist's items)
POINTS_BY = "points_by"  # {key: points} (grades {"A": "5"}, items_count's points per count)
GROUP = "group"  # one object with `columns` (if_zero)
OBJECT = "object"
CONDITIONS = "conditions"  # a list of {fact, and of/min, by or by_fact} (a milestone level's): rows in the builder
# Read by the kind itself, as an `object`, but said here so that the builder gives them rows of boxes
# (builder/measures.py): {name: measure} (rulebook/rules/measure.py), and score rows, best first, each
# [{"min": {measure: value}, "max": {measure: value}, "points": …}] over those measures.
MEASURES, SCORE_ROWS = "measures", "score_rows"
MEASURE = "measure"  # one measure (a bands rule's): the same boxes as one of MEASURES
# A table row's data to reach (a ladder step's): {"fact": …, "min": … or "min_by_size": {small, medium, large},
# "count": true}, read by the kind; boxes of the row in the builder (builder/steps.py).
REACH = "reach"
TYPES: tuple[str, ...] = (DECIMAL, INT, TEXT, FACT, DAY, FLAG, TABLE, ITEMS, POINTS_BY, GROUP, OBJECT, CONDITIONS)
TYPES += (MEASURES, SCORE_ROWS, MEASURE, REACH)

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
    MEASURES: ("ตัววัดตามชื่อ", "measures by name"),
    SCORE_ROWS: ("แถวคะแนนตามตัววัด", "score rows over the measures"),
    MEASURE: ("ตัววัด", "a measure"),
    REACH: ("ข้อมูลที่ต้องถึง", "data to reach"),
}


@dataclass(frozen=True)
class Param:
    """One parameter of a kind (or one column of a table parameter), said once: the loader's check
    (`check`), the builder's box (builder/rule_forms.py) and the docs' table row (`markdown`) all read it.
    `required`: refused when absent; `default`: its value then (as written in a rubric, e.g. "0");
    `minimum`/`maximum`: a number's bounds; `least`: a table's or a list's fewest rows, `each` what one row is
    called (th, en) for that refusal; `key_th`/`key_en` name an ITEMS or POINTS_BY key; `help_th`/`help_en` a
    hint beside the box and in the docs."""

    name: str
    type: str
    th: str
    en: str
    required: bool = True
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    columns: tuple[Param, ...] = ()
    key_th: str = ""
    key_en: str = ""
    help_th: str = ""
    help_en: str = ""
    default: Any = None
    least: int = 0
    each: tuple[str, str] = ("", "")

    def __post_init__(self) -> None:
        assert self.type in TYPES, self.type
        assert bool(self.columns) == (self.type in (TABLE, ITEMS, GROUP)), self.name
        assert self.default is None or not self.required, self.name  # a default is what an absent one means
        assert not self.least or all(self.each), self.name

    def limits(self, thai: bool = False) -> str:
        """The bounds as the docs' table says them: "≥ 0", "≤ 366", "0 … 366", "≥ 1 row" (in Thai with `thai`:
        "อย่างน้อย 1 แถว", "ค่าเริ่มต้น 0")."""
        parts = []
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"{self.minimum} … {self.maximum}")
        elif self.minimum is not None:
            parts.append(f"≥ {self.minimum}")
        elif self.maximum is not None:
            parts.append(f"≤ {self.maximum}")
        if self.least:
            parts.append(f"อย่างน้อย {self.least} {self.each[0]}" if thai else f"≥ {self.least} {self.each[1]}")
        if self.default is not None:
            parts.append(f"ค่าเริ่มต้น {self.default}" if thai else f"default {self.default}")
        return "; ".join(parts)


def check(parameters: tuple[Param, ...], params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters read as the declaration says (a number a Decimal, a date a date, a table a list of read
    rows, an absent optional one its default), or a RuleError naming the parameter (`field`) and its row
    (`row`, 1-based), Thai first: a required one missing, a number that is not one or out of its bounds, a
    table with too few rows or a row missing a column. The kind checks the rest (order, reachability, one
    parameter against another) on what this returns."""
    out: dict[str, Any] = {}
    for p in parameters:
        value = params.get(p.name)
        if value is None:
            if p.required:
                raise RuleError(f"ขาดพารามิเตอร์ “{p.name}”", f"missing parameter “{p.name}”", field=p.name)
            if p.default is not None:
                out[p.name] = _read(p, p.default, p.name, _At(p.name))
            continue
        out[p.name] = _read(p, value, p.name, _At(p.name))
    return out


@dataclass(frozen=True)
class _At:
    """The parameter a refusal is about, and its table row (1-based)."""

    field: str
    row: int | None = None

    def error(self, th: str, en: str) -> RuleError:
        return RuleError(th, en, field=self.field, row=self.row)


def _read(p: Param, value: Any, what: str, at: _At) -> Any:
    if p.type == DECIMAL:
        return _number(p, _decimal(value, what, at), what, at)
    if p.type == INT:
        if not isinstance(value, int) or isinstance(value, bool) or (p.minimum is not None and value < p.minimum):
            if p.minimum is None or p.minimum != 0:
                raise at.error(f"{what} ต้องเป็นจำนวนเต็ม{_least(p)}", f"{what} must be a whole number{_least(p, 'en')}")
            raise at.error(f"{what} ต้องเป็นจำนวนเต็มไม่ติดลบ", f"{what} must be a non-negative integer")
        _number(p, Decimal(value), what, at)
        return value
    if p.type == DAY:
        try:
            return parse_date(str(value))
        except DateInputError as error:
            raise at.error(f"{what}: {error.th}", f"{what}: {error.en}") from None
    if p.type == FLAG:
        if not isinstance(value, bool):
            raise at.error(f"{what} ต้องเป็น true/false", f"{what} must be true/false")
        return value
    if p.type in (TEXT, FACT):
        return str(value)
    if p.type == TABLE:
        if not isinstance(value, list) or len(value) < p.least:
            raise _too_few(p, at) if p.least else at.error(f"{p.name} ต้องเป็นรายการ", f"{p.name} must be a list")
        return [_row(p.columns, row, f"{p.name} {i}", _At(at.field, i)) for i, row in enumerate(value, 1)]
    if p.type == ITEMS:
        if not isinstance(value, Mapping) or len(value) < p.least:
            raise _too_few(p, at)
        return {
            str(code): _row(p.columns, row, f"{p.name} {code}", _At(at.field, i))
            for i, (code, row) in enumerate(value.items(), 1)
        }
    if p.type == POINTS_BY:
        if not isinstance(value, Mapping) or len(value) < p.least:
            raise _too_few(p, at)
        return {
            key: _decimal(points, f"{p.name} {key}", _At(at.field, i))
            for i, (key, points) in enumerate(value.items(), 1)
        }
    if p.type == CONDITIONS and not isinstance(value, list):
        raise at.error(f"{what} ต้องเป็นรายการ", f"{what} must be a list")
    # A GROUP (if_zero) is checked whole by the kind, whose message says every key it needs at once; an
    # OBJECT and a list of CONDITIONS are the kind's to read.
    return value


def _least(p: Param, lang: str = "th") -> str:
    if p.minimum is None:
        return ""
    return f" ไม่น้อยกว่า {p.minimum}" if lang == "th" else f" of at least {p.minimum}"


def _too_few(p: Param, at: _At) -> RuleError:
    th, en = p.each
    return at.error(f"{p.name} ต้องมีอย่างน้อย {p.least} {th}", f"{p.name} must list at least {_count(p.least, en)}")


def _count(n: int, noun: str) -> str:
    return f"one {noun}" if n == 1 else f"{n} {noun}s"


def _row(columns: tuple[Param, ...], row: Any, where: str, at: _At) -> dict[str, Any]:
    if not isinstance(row, Mapping):
        raise at.error(f"{where} ต้องเป็นออบเจกต์", f"{where} must be an object")
    out = dict(row)
    for column in columns:
        value = row.get(column.name)
        if value is None or (column.name in ("th", "en") and not value):
            if column.required and column.name in ("th", "en"):  # the kinds' own words for a nameless row
                raise at.error(f"{where} ต้องมีชื่อภาษาไทย (th) และอังกฤษ (en)", f"{where} needs th and en")
            if column.required:
                raise at.error(f"ขาดพารามิเตอร์ “{column.name}”", f"missing parameter “{column.name}”")
            if column.default is not None:
                out[column.name] = _read(column, column.default, f"{where} {column.name}", at)
            continue
        what = f"{where}: {column.name}" if column.type in (INT, FLAG) else f"{where} {column.name}"
        out[column.name] = _read(column, value, what, at)
    return out


def _decimal(value: Any, what: str, at: _At) -> Decimal:
    try:
        return decimal_param(value, what)
    except RuleError as error:
        raise at.error(error.th, error.en) from None


def _number(p: Param, number: Decimal, what: str, at: _At) -> Decimal:
    if p.minimum is not None and number < p.minimum:
        raise at.error(f"{what} ต้องไม่น้อยกว่า {p.minimum}", f"{what} must be at least {p.minimum}")
    if p.maximum is not None and number > p.maximum:
        raise at.error(f"{what} ต้องไม่เกิน {p.maximum}", f"{what} must be at most {p.maximum}")
    return number


def names(parameters: tuple[Param, ...]) -> frozenset[str]:
    return frozenset(p.name for p in parameters)


def markdown(kinds: Mapping[str, Any]) -> str:
    """docs/rubric-format.md's parameter table, one row per parameter, written from the declarations."""
    lines = [
        "| kind | ชนิด / kind name | parameter | type | ชื่อ (th) | name (en) | required | limits | columns "
        "| คำแนะนำ / help |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, cls in kinds.items():
        title = cls.title
        if not cls.parameters:
            lines.append(f"| `{kind}` | {title.th} / {title.en} | — | | | | | | | |")
        for p in cls.parameters:
            columns = ", ".join(_column(c) for c in p.columns)
            lines.append(
                f"| `{kind}` | {title.th} / {title.en} | `{p.name}` | {p.type} | {p.th} | {p.en} | "
                f"{'yes' if p.required else 'no'} | {p.limits()} | {columns} | {_help(p)} |"
            )
    return "\n".join(lines) + "\n"


def _column(c: Param) -> str:
    said = ", ".join(x for x in (c.type, c.limits()) if x)
    return f"`{c.name}`{'' if c.required else '?'} ({said})"


def _help(p: Param) -> str:
    """The parameter's hint and its columns', Thai / English; `|` escaped for the table."""
    parts = [f"{p.help_th} / {p.help_en}"] if p.help_th else []
    parts += [f"`{c.name}`: {c.help_th} / {c.help_en}" for c in p.columns if c.help_th]
    return "; ".join(parts).replace("|", "\\|")


# What one row of a table is called, for "at least one …" (Param.each).
ITEM, LEVEL, GRADE, STEP, BAND = ("ข้อ", "item"), ("ระดับ", "level"), ("ระดับ", "grade"), ("ขั้น", "step"), ("ช่วง", "band")

# Columns several kinds share: an item's or level's names, and the if_zero case (rulebook/rules/params.py).
ITEM_NAMES = (Param("th", TEXT, "ชื่อภาษาไทย", "Thai name"), Param("en", TEXT, "ชื่อภาษาอังกฤษ", "English name"))
NAMES_IF_ANY = tuple(Param(p.name, p.type, p.th, p.en, required=False) for p in ITEM_NAMES)  # a row named or not
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
