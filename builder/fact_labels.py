"""A rule's fact names and units as rows of boxes in the builder: they were JSON text under "labels",
a word the page never said. One row per fact; Thai is enough (a blank English unit is the Thai one)."""

from __future__ import annotations

from typing import Any

from rulebook.rules import RuleError
from rulebook.rules.declare import ITEMS, Param

LABELS = Param(
    "labels",
    ITEMS,
    "ชื่อข้อมูลและหน่วย",
    "fact names and units",
    required=False,
    columns=(
        Param("th", "text", "ชื่อที่ผู้เข้าประกวดเห็น", "name shown"),
        Param("en", "text", "ชื่อภาษาอังกฤษ (ไม่บังคับ)", "name in English (optional)", required=False),
        Param("unit_th", "text", "หน่วย (ถ้ามี)", "unit (if any)", required=False),
        Param("unit_en", "text", "หน่วยภาษาอังกฤษ (ไม่บังคับ)", "unit in English (optional)", required=False),
    ),
    key_th="ข้อมูล (ชื่อที่ใช้ในเกณฑ์)",
    key_en="fact (as the rule names it)",
    help_th="ข้อมูลละหนึ่งแถว เช่น ข้อมูล households ชื่อ ครัวเรือนที่ลงทะเบียน หน่วย ครัวเรือน",
    help_en="one row per fact, e.g. fact households, name registered households, unit households",
)


def labels_data(labels: dict[str, Any]) -> dict[str, Any]:
    """A rubric's `labels` as the rows' form data."""
    data: dict[str, Any] = {"labels-rows": len(labels)}
    for i, (fact, entry) in enumerate(labels.items()):
        unit = entry.get("unit") or {}
        cells = (("key", fact), ("th", entry.get("th")), ("en", entry.get("en")))
        for column, text in (*cells, ("unit_th", unit.get("th")), ("unit_en", unit.get("en"))):
            if text is not None:
                data[f"labels-{i}-{column}"] = text
    return data


def labels_from_rows(rows: Any) -> dict[str, Any] | None:
    """The rows as the rubric's `labels`: {fact: {"th", "en", "unit": {"th", "en"}}}; an English name or unit
    left blank is the Thai one."""
    if not rows:
        return None
    if "" in rows:
        raise RuleError(
            "ชื่อข้อมูลและหน่วย: ทุกแถวต้องมีชื่อข้อมูลที่เกณฑ์ใช้ (ช่องแรก)",
            "fact names and units: each row needs the fact the rule names (its first box)",
            field="labels",
        )
    out = {}
    for fact, row in rows.items():
        entry = {k: row[k] for k in ("th", "en") if row.get(k)}
        if row.get("unit_th") or row.get("unit_en"):
            th = row.get("unit_th") or row.get("unit_en")
            entry["unit"] = {"th": th, "en": row.get("unit_en") or th}
        out[fact] = entry
    return out
