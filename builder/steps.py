"""What a table's row needs to be reached from data, as boxes: a ladder step's `data` ("new downloads
reach 2,000 / 4,000 / 6,000 by the province's size") was JSON text typed into the row. Its declared type is
`REACH` (rulebook/rules/declare.py); here it becomes six boxes of the same row: the fact, one least value or one
per province size, and a tick for a count of whole things. What the kind makes of them is still the kind's to
judge (rulebook/rules/ladder.py). `reach_rows` gives None for a value the boxes cannot say exactly, which then
stays JSON text beside the rows, unchanged."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rulebook.rules import RuleError
from rulebook.rules.declare import DECIMAL, FACT, FLAG, REACH, TABLE, Param

SIZES = (("small", "เล็ก"), ("medium", "กลาง"), ("large", "ใหญ่"))
PARTS = (
    Param("fact", FACT, "วัดจากข้อมูล (ว่าง: ติ๊กเอง)", "measured from the fact (blank: ticked)", required=False),
    Param("min", DECIMAL, "ต้องถึงอย่างน้อย", "at least", required=False),
    *(
        Param(f"min_{size}", DECIMAL, f"หรือ จังหวัดขนาด{th} อย่างน้อย", f"or, {size} province: at least", required=False)
        for size, th in SIZES
    ),
    Param("count", FLAG, "นับเป็นจำนวนเต็ม (เช่น ครั้ง คน)", "a count of whole things", required=False),
)
NAMES = {p.name for p in PARTS}
PARTS_ORDER = tuple(p.name for p in PARTS)


def has_reach(p: Param) -> bool:
    return p.type == TABLE and any(c.type == REACH for c in p.columns)


def reach_param(p: Param) -> Param:
    """The table with each `REACH` column replaced by its boxes."""
    columns = tuple(c for c in p.columns if c.type != REACH)
    assert not NAMES & {c.name for c in columns}, p.name
    return Param(
        p.name, TABLE, p.th, p.en, required=p.required, columns=(*columns, *PARTS),
        help_th=p.help_th or "ขั้นที่วัดจากข้อมูล: ใส่ชื่อข้อมูลและค่าที่ต้องถึง ค่าเดียว หรือตามขนาดจังหวัดครบสามขนาด",
        help_en=p.help_en or "a step measured from data: its fact and the value to reach, one or one per size",
        least=p.least, each=p.each,
    )  # fmt: skip


def _column(p: Param) -> str:
    return next(c.name for c in p.columns if c.type == REACH)


def _number(value: Any) -> bool:
    """A number as a rubric writes it, a text ("2000"): what a box gives back (a JSON number would come back text)."""
    return isinstance(value, str) and value.strip() == value != ""


def _fits(reach: Any) -> bool:
    if not isinstance(reach, Mapping) or not set(reach) <= {"fact", "min", "min_by_size", "count"}:
        return False
    by_size = reach.get("min_by_size")
    return (
        isinstance(reach.get("fact"), str)
        and reach["fact"].strip() == reach["fact"] != ""
        and reach.get("count", True) is True  # absent or true: an explicit false would come back absent
        and ("min" in reach) != ("min_by_size" in reach)
        and ("min" not in reach or _number(reach["min"]))
        and (
            by_size is None
            or (
                isinstance(by_size, Mapping)
                and set(by_size) == {size for size, _ in SIZES}
                and all(_number(v) for v in by_size.values())
            )
        )
    )


def reach_rows(value: Any, p: Param) -> list[dict[str, Any]] | None:
    """The table's rows with each reach as its boxes; None when the boxes cannot say one exactly."""
    if not isinstance(value, list) or not all(isinstance(row, Mapping) for row in value):
        return None
    name, out = _column(p), []
    for row in value:
        reach = row.get(name)
        if (reach is not None and not _fits(reach)) or NAMES & set(row):
            return None
        boxes = {k: v for k, v in row.items() if k != name}
        if reach is not None:
            boxes |= {"fact": reach["fact"], "min": reach.get("min"), "count": reach.get("count") or None}
            boxes |= {f"min_{size}": v for size, v in (reach.get("min_by_size") or {}).items()}
        out.append({k: v for k, v in boxes.items() if v is not None})
    return out


def reach_from_rows(rows: list[dict[str, Any]] | None, p: Param) -> list[dict[str, Any]] | None:
    """The rows read back: a row's boxes as its reach, in the order a rubric writes it; refused, Thai first and
    beside the table, when a row's boxes do not make one."""
    if rows is None:
        return None
    name, out = _column(p), []
    for i, row in enumerate(rows, 1):
        row = dict(row)
        boxes = {n: row.pop(n) for n in PARTS_ORDER if n in row}
        if boxes:
            row[name] = _reach(boxes, i, p)
        out.append(row)
    return out


def _reach(boxes: Mapping[str, Any], i: int, p: Param) -> dict[str, Any]:
    sizes = {size: boxes[f"min_{size}"] for size, _ in SIZES if f"min_{size}" in boxes}
    if "fact" not in boxes:
        raise RuleError(
            f"{p.th} แถวที่ {i}: ใส่ชื่อข้อมูลที่วัด หรือเว้นช่องค่าที่ต้องถึงว่างไว้ถ้าติ๊กเอง",
            f"{p.en} row {i}: name the fact measured, or leave the values blank for a ticked step",
            field=p.name,
        )
    if ("min" in boxes) == bool(sizes) or (sizes and len(sizes) != len(SIZES)):
        raise RuleError(
            f"{p.th} แถวที่ {i}: ใส่ค่าที่ต้องถึงค่าเดียว หรือตามขนาดจังหวัดให้ครบทั้งเล็ก กลาง และใหญ่ อย่างใดอย่างหนึ่ง",
            f"{p.en} row {i}: one value to reach, or one for each province size (small, medium and large), not both",
            field=p.name,
        )
    reach: dict[str, Any] = {"fact": boxes["fact"]}
    if boxes.get("count"):
        reach["count"] = True
    if sizes:
        reach["min_by_size"] = sizes
    else:
        reach["min"] = boxes["min"]
    return reach
