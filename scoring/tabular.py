"""Reads `province,criterion,fact,value` sheets (CSV or XLSX) into row dicts.

Hostile input is refused with a Thai-first SheetError: too many rows (read stops at the limit), NUL
bytes, UTF-16 text, cells longer than the csv module allows, duplicated headers, and XLSX formulas
without a computed value (the import never evaluates a formula; it takes the value Excel saved).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

# A year's facts are 76 provinces x ~22 facts and a committee's scores a few thousand rows.
MAX_ROWS = 50_000


class SheetError(ValueError):
    pass


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(data)
    if suffix in (".csv", ".txt"):
        return _csv_rows(data)
    raise SheetError(f"รองรับเฉพาะไฟล์ .csv หรือ .xlsx ({filename}) / only .csv or .xlsx files ({filename})")


def _not_utf8() -> SheetError:
    return SheetError(
        "ไฟล์ CSV ต้องเข้ารหัส UTF-8 (บันทึกจาก Excel แบบ 'CSV UTF-8') / CSV must be UTF-8 (Excel: 'CSV UTF-8')"
    )


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    if data.count(b"\x00") > len(data) // 4:  # UTF-16/32 text that happens to decode as UTF-8
        raise _not_utf8()
    try:
        text = data.decode("utf-8-sig")  # Excel writes a BOM
    except UnicodeDecodeError as exc:
        raise _not_utf8() from exc
    if "\x00" in text:
        raise SheetError(
            "ไฟล์มีอักขระ NUL (ไฟล์อาจเสียหาย หรือไม่ใช่ CSV) / the file contains NUL characters (damaged or not a CSV)"
        )
    reader = csv.reader(io.StringIO(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            _check_count(len(rows))
    except csv.Error as exc:
        n = len(rows) + 1
        if "field larger than field limit" in str(exc):
            limit = csv.field_size_limit()
            raise SheetError(
                f"แถวที่ {n}: ช่องยาวเกิน {limit:,} ตัวอักษร / row {n}: a cell is longer than {limit:,} characters"
            ) from exc
        raise SheetError(f"แถวที่ {n}: อ่านไฟล์ CSV ไม่ได้ ({exc}) / row {n}: cannot read the CSV ({exc})") from exc
    return _to_dicts(rows)


def _check_count(rows_with_header: int) -> None:
    if rows_with_header > MAX_ROWS + 1:
        raise SheetError(
            f"ไฟล์มีข้อมูลเกิน {MAX_ROWS:,} แถว (แบ่งเป็นหลายไฟล์) / the file has more than {MAX_ROWS:,} data rows (split it)"
        )


def _open(data: bytes, data_only: bool):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise SheetError(f"เปิดไฟล์ XLSX ไม่ได้ / cannot read the XLSX file: {exc}") from exc


def _bounded(rows: Iterable) -> list:
    out = list(islice(rows, MAX_ROWS + 2))
    _check_count(len(out))
    return out


def _xlsx_rows(data: bytes) -> list[dict[str, str]]:
    # Formulas show as "=..." unless read with data_only, which gives Excel's saved result instead:
    # read both only when the sheet has a formula, and refuse one that has no saved result.
    cells = _bounded(_open(data, data_only=False).iter_rows())
    formulas = {(r, c) for r, row in enumerate(cells) for c, cell in enumerate(row) if cell.data_type == "f"}
    values = [[cell.value for cell in row] for row in cells]
    if formulas:
        saved = _bounded(_open(data, data_only=True).iter_rows(values_only=True))
        for r, c in sorted(formulas):
            value = saved[r][c] if r < len(saved) and c < len(saved[r]) else None
            if value is None:
                where = f"{get_column_letter(c + 1)}{r + 1}"
                raise SheetError(
                    f"แถวที่ {r + 1}: ช่อง {where} เป็นสูตรที่ยังไม่มีผลลัพธ์ (เปิดและบันทึกใน Excel หรือวางแบบค่า)"
                    f" / row {r + 1}: cell {where} is a formula with no saved result (save it in Excel or paste values)"
                )
            values[r][c] = value
    return _to_dicts([["" if v is None else _cell(v) for v in row] for row in values])


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
    for h in header:
        if h and header.count(h) > 1:
            raise SheetError(f"หัวตารางซ้ำ: {h} / duplicated column header: {h}")
    out = []
    # Blank lines are kept (and skipped by the import) so that row numbers match the sheet.
    for row in rows[1:]:
        out.append({h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h})
    return out
