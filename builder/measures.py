"""A rule's measures and its score rows as rows of boxes: the `table` kind's "any 3 channels, each
at least 5 %" (seed 003's missions) was JSON text an office had to type. A measure is a row of boxes (its name,
what it counts, its unit, three ticks); a score row is its points and a line of boxes per threshold (the
measure, at least or at most, the value), as a milestone level's conditions are (builder/conditions.py).

A bands rule's one measure is the same boxes as a group (`MEASURE`). Which parameters these are is the kind's
declaration (`MEASURES`, `SCORE_ROWS`, `MEASURE` in rulebook/rules/declare.py);
what they mean is still the kind's to judge (rulebook/rules/measure.py). `*_rows` give None for a value the
boxes cannot say exactly, which then stays JSON text beside the rows, unchanged."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.i18n import _, either, pgettext_lazy
from rulebook.rules import RuleError
from rulebook.rules.declare import CONDITIONS, DECIMAL, FACT, FLAG, GROUP, INT, ITEMS, TABLE, TEXT, Param

COLUMNS = (
    Param("th", TEXT, "ชื่อที่แสดง (ว่าง: ตั้งจากข้อมูล)", "name shown (blank: from the facts)", required=False),
    Param("en", TEXT, "ชื่อภาษาอังกฤษ (ไม่บังคับ)", "name in English (optional)", required=False),
    Param("fact", FACT, "ใช้ค่าของข้อมูลนี้ตรง ๆ", "the value of this fact as it is", required=False),
    Param("numerator", FACT, "ร้อยละของข้อมูล (ตัวตั้ง)", "a percentage of the fact (numerator)", required=False),
    Param("minus", FACT, "ลบด้วยข้อมูล (ถ้ามี)", "less the fact (if any)", required=False),
    Param("denominator", FACT, "เทียบกับข้อมูล (ตัวหาร)", "over the fact (denominator)", required=False),
    Param("denominator_value", DECIMAL, "หรือเทียบกับจำนวนคงที่", "or over a fixed number", required=False),
    Param(
        "numerators", TEXT, "หรือหลายข้อมูล คั่นด้วยจุลภาค", "or several facts, commas between", required=False,
        help_th="เช่น ช่องทาง ๕ ช่องทาง วัดช่องทางอันดับที่กำหนด", help_en="e.g. five channels, the ranked one measured",
    ),
    Param("rank", INT, "อันดับที่วัด (เช่น 3: ครบ 3 ช่องทาง)", "the rank measured (3: any three)", required=False),
    Param("max", DECIMAL, "ค่าสูงสุดที่เป็นไปได้", "highest possible value", required=False),
    Param("unit_th", TEXT, "หน่วย (ว่าง: ร้อยละ)", "unit (blank: percent)", required=False),
    Param("unit_en", TEXT, "หน่วยภาษาอังกฤษ (ไม่บังคับ)", "unit in English (optional)", required=False),
    Param("may_exceed", FLAG, "เกินร้อยละ 100 ได้", "may exceed 100 %", required=False),
    Param("amount", FLAG, "เป็นเงินบาท (มีสตางค์)", "baht, with satang", required=False),
    Param("lower_is_better", FLAG, "ยิ่งน้อยยิ่งดี (เกณฑ์คือไม่เกิน)", "lower is better (thresholds are maxima)", required=False),
)  # fmt: skip
TEXTS = ("th", "en", "fact", "numerator", "minus", "denominator", "denominator_value", "max")
FLAGS = ("may_exceed", "amount", "lower_is_better")


def measures_param(p: Param) -> Param:
    """The declared measures as the builder's table: a row per measure, keyed by its short name."""
    return Param(
        p.name, ITEMS, p.th, p.en, required=p.required, columns=COLUMNS,
        key_th="ชื่อย่อตัววัด (แถวคะแนนอ้างชื่อนี้)", key_en="short name (the score rows name it)",
        help_th="ตัววัดละหนึ่งแถว: ใช้ค่าข้อมูลตรง ๆ หรือร้อยละของข้อมูลหนึ่งเทียบอีกข้อมูล",
        help_en="one row per measure: a fact's value as it is, or one fact as a percentage of another",
    )  # fmt: skip


def _unit_fits(unit: Any) -> bool:
    """A unit follows the number after one space (" ครั้ง"); the box holds the word, the space is put back."""

    def word(text: Any) -> bool:
        return isinstance(text, str) and text[:1] == " " and text[1:] == text[1:].strip() != ""

    if isinstance(unit, Mapping):
        return set(unit) == {"th", "en"} and word(unit["th"]) and word(unit["en"])
    return unit is None or word(unit)


def _measure_fits(m: Any) -> bool:
    if not isinstance(m, Mapping) or set(m) - {*TEXTS, *FLAGS, "numerators", "rank", "unit"}:
        return False
    if not all(isinstance(m[k], str) and m[k].strip() == m[k] != "" for k in TEXTS if k in m):
        return False
    if any(m[k] is not True for k in FLAGS if k in m) or not _unit_fits(m.get("unit")):
        return False
    rank = m.get("rank")
    if rank is not None and (isinstance(rank, bool) or not isinstance(rank, int)):
        return False
    names = m.get("numerators")
    return names is None or (
        isinstance(names, list) and names != [] and all(isinstance(n, str) and n and n.strip(", ") == n for n in names)
    )


def _row(m: Mapping[str, Any]) -> dict[str, Any]:
    row = {k: m[k] for k in (*TEXTS, *FLAGS, "rank") if k in m}
    if "numerators" in m:
        row["numerators"] = ", ".join(m["numerators"])
    unit = m.get("unit")
    if isinstance(unit, Mapping):
        row["unit_th"], row["unit_en"] = unit["th"].strip(), unit["en"].strip()
    elif unit is not None:
        row["unit_th"] = unit.strip()
    return row


def _measure(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as the kind reads a measure: a unit with its space, several facts a list; Thai alone is enough (a
    blank English unit is the Thai one)."""
    m = {k: row[k] for k in (*TEXTS, *FLAGS, "rank") if row.get(k) is not None}
    if row.get("numerators"):
        m["numerators"] = [n.strip() for n in str(row["numerators"]).split(",") if n.strip()]
    th, en = (str(row.get(k) or "").strip() for k in ("unit_th", "unit_en"))
    if th in ("", "%") and not en:
        pass  # a percentage: the kind's default unit
    elif en and en != th:
        m["unit"] = {"th": f" {th or en}", "en": f" {en}"}
    else:
        m["unit"] = f" {th}"
    return m


def measures_rows(value: Any) -> dict[str, dict[str, Any]] | None:
    """The measures as the table's rows, {name: {column: value}}; None when the boxes cannot say them."""
    if not isinstance(value, Mapping) or not value or not all(_measure_fits(m) for m in value.values()):
        return None
    if not all(isinstance(k, str) and k.strip() == k != "" for k in value):
        return None
    return {name: _row(m) for name, m in value.items()}


def measures_from_rows(rows: Mapping[str, Mapping[str, Any]] | None, field: str) -> dict[str, Any] | None:
    if not rows:
        return None
    if "" in rows:
        raise RuleError(
            "ตัววัด: ทุกแถวต้องมีชื่อย่อตัววัด (ช่องแรก) ที่แถวคะแนนอ้างถึง",
            "measures: each row needs the short name the score rows use (its first box)",
            field=field,
        )
    return {name: _measure(row) for name, row in rows.items()}


# -- one measure (a bands rule's): the boxes of one measure, a group -------------------------------
def measure_param(p: Param) -> Param:
    return Param(
        p.name, GROUP, p.th, p.en, required=p.required, columns=COLUMNS,
        help_th="ใช้ค่าข้อมูลตรง ๆ หรือร้อยละของข้อมูลหนึ่งเทียบอีกข้อมูล",
        help_en="a fact's value as it is, or one fact as a percentage of another",
    )  # fmt: skip


def measure_rows(value: Any) -> dict[str, Any] | None:
    """The measure as its group's boxes; None when the boxes cannot say it."""
    return _row(value) if isinstance(value, Mapping) and value and _measure_fits(value) else None


def measure_from_rows(boxes: Mapping[str, Any] | None, field: str) -> dict[str, Any] | None:
    return _measure(boxes) if boxes else None


# -- score rows ------------------------------------------------------------------------------------
PARTS = ("measure", "test", "value")  # the boxes of one threshold's line
LABELS = (
    pgettext_lazy("builder.measures", "measure (short name)"),
    pgettext_lazy("builder.measures", "must be"),
    pgettext_lazy("builder.measures", "value"),
)
HEADING = _("this row's thresholds (all must be met)")
THRESHOLDS = ("เกณฑ์ของแถวนี้ (ต้องถึงทุกข้อ)", "this row's thresholds (all must be met)")  # the column, as the kind declares
ADD = _("add a threshold")  # the button under them (static/scoring/builder.js)
AT_LEAST, AT_MOST = "min", "max"
TESTS = ((AT_LEAST, "อย่างน้อย (ตั้งแต่)", "at least"), (AT_MOST, "ไม่เกิน (ตัววัดที่ยิ่งน้อยยิ่งดี)", "at most (lower is better)"))


def choices() -> list[tuple[str, str]]:
    return [("", "—"), *((code, either(th, en)) for code, th, en in TESTS)]


def score_rows_param(p: Param) -> Param:
    """The declared score rows as the builder's table: points, and the thresholds under them."""
    return Param(
        p.name, TABLE, p.th, p.en, required=p.required,
        columns=(Param("points", DECIMAL, "คะแนน", "points"), Param("when", CONDITIONS, *THRESHOLDS)),
        help_th="แถวละหนึ่งระดับคะแนน คะแนนมากก่อน ได้คะแนนของแถวแรกที่ถึงเกณฑ์ทุกข้อ",
        help_en="one row per score, most points first: the first row whose thresholds are all met scores",
    )  # fmt: skip


def score_rows_rows(value: Any) -> list[dict[str, Any]] | None:
    """The score rows as the table's rows, each its points and thresholds; None when the boxes cannot say them."""
    if not isinstance(value, list) or not value:
        return None
    rows = []
    for row in value:
        if not isinstance(row, Mapping) or set(row) - {"points", AT_LEAST, AT_MOST} or "points" not in row:
            return None
        limits = [row.get(k) for k in (AT_LEAST, AT_MOST) if k in row]
        if not isinstance(row["points"], str) or not all(_limits_fit(x) for x in limits):
            return None
        when = [{"measure": m, "test": k, "value": v} for k in (AT_LEAST, AT_MOST) for m, v in row.get(k, {}).items()]
        rows.append({"points": row["points"], "when": when})
    return rows


def _limits_fit(limits: Any) -> bool:
    return isinstance(limits, Mapping) and bool(limits) and all(isinstance(v, str) for v in limits.values())


def score_rows_from_rows(rows: list[dict[str, Any]] | None, field: str) -> list[dict[str, Any]] | None:
    if not rows:
        return None
    out = []
    for i, row in enumerate(rows, 1):
        found: dict[str, Any] = {}
        for line in row.get("when", []):
            limits = found.setdefault(line["test"], {})
            if line["measure"] in limits:  # a second value would silently replace the first
                raise RuleError(
                    f"แถวคะแนนที่ {i}: ตัววัด {line['measure']} มีเกณฑ์ซ้ำสองข้อ",
                    f"score row {i}: measure {line['measure']} has two thresholds",
                    field=field,
                )
            limits[line["measure"]] = line["value"]
        found.update({k: v for k, v in row.items() if k != "when"})
        out.append(found)
    return out


def parts(line: Mapping[str, str]) -> dict[str, str]:
    return {k: str(line.get(k, "")) for k in PARTS}


def where(name: str, i: int, j: int) -> tuple[str, str]:
    return f"แถวคะแนนที่ {i} เกณฑ์ที่ {j}", f"score row {i}, threshold {j}"


def condition(row: Mapping[str, Any], at: tuple[str, str], field: str) -> dict[str, str] | None:
    """A threshold's line as {measure, test, value}; None for a line left blank. Refuses, Thai first, a line
    that misses its measure, its test or its value."""
    measure, test, value = (str(row.get(p) or "").strip() for p in PARTS)
    if not (measure or test or value):
        return None
    missing = (
        ("ต้องระบุตัววัด (ชื่อย่อในตารางตัววัด)", "name the measure (its short name)")
        if not measure
        else ("ต้องเลือก “อย่างน้อย” หรือ “ไม่เกิน”", "choose “at least” or “at most”")
        if test not in (AT_LEAST, AT_MOST)
        else ("ต้องใส่ค่าที่ต้องถึง", "give the value to reach")
        if not value
        else None
    )
    if missing:
        raise RuleError(f"{at[0]}: {missing[0]}", f"{at[1]}: {missing[1]}", field=field)
    return {"measure": measure, "test": test, "value": value}
