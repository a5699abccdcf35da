"""Reads `province,criterion,fact,value` sheets (CSV or XLSX) into row dicts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook


class SheetError(ValueError):
    pass


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(data)
    if suffix in (".csv", ".txt"):
        return _csv_rows(data)
    raise SheetError(f"รองรับเฉพาะไฟล์ .csv หรือ .xlsx ({filename}) / only .csv or .xlsx files ({filename})")


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")  # Excel writes a BOM
    except UnicodeDecodeError as exc:
        raise SheetError(
            "ไฟล์ CSV ต้องเข้ารหัส UTF-8 (บันทึกจาก Excel แบบ 'CSV UTF-8') / CSV must be UTF-8 (Excel: 'CSV UTF-8')"
        ) from exc
    reader = csv.reader(io.StringIO(text))
    return _to_dicts(list(reader))


def _xlsx_rows(data: bytes) -> list[dict[str, str]]:
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise SheetError(f"เปิดไฟล์ XLSX ไม่ได้ / cannot read the XLSX file: {exc}") from exc
    rows = [["" if v is None else _cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return _to_dicts(rows)


def _cell(value) -> str:
    if hasattr(value, "date") and hasattr(value, "hour"):  # a datetime cell holding a date
        return value.date().isoformat() if (value.hour, value.minute, value.second) == (0, 0, 0) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _to_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    if not rows:
        raise SheetError("ไฟล์ว่าง / the file is empty")
    header = [str(h).strip().lower() for h in rows[0]]
    out = []
    # Blank lines are kept (and skipped by the import) so that row numbers match the sheet.
    for row in rows[1:]:
        out.append({h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h})
    return out
