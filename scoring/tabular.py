"""Reads `province,criterion,fact,value` sheets (CSV or XLSX) into row dicts.

Hostile input is refused with a Thai-first SheetError: too many rows (read stops at the limit), NUL
bytes, UTF-16 text, cells longer than the csv module allows, duplicated headers, and XLSX formulas
without a computed value (the import never evaluates a formula; it takes the value Excel saved),
XLSX parts carrying an XML DOCTYPE or entities (entity expansion, external references), a header
without the columns a caller needs, and a file with no data rows.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_xml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from core.errors import PortalError

# A year's facts are 76 provinces x ~22 facts and a committee's scores a few thousand rows.
MAX_ROWS = 50_000


class SheetError(PortalError):
    code = "sheet"


def read_rows(data: bytes, filename: str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows as dicts keyed by the lower-cased header. With `required`, the header must name those
    columns and at least one data row must follow (a header-only or one-line file is refused)."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(data)
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(data)
    else:
        raise SheetError(f"รองรับเฉพาะไฟล์ .csv หรือ .xlsx ({filename}) / only .csv or .xlsx files ({filename})")
    if required:
        _check_table(rows, required)
    return rows


def _check_table(rows: list[dict[str, str]], required: tuple[str, ...]) -> None:
    columns = ", ".join(required)
    header = rows.header if isinstance(rows, Table) else []
    missing = [c for c in required if c not in header]
    if missing:
        first = ", ".join(h for h in header if h) or "-"
        raise SheetError(
            f"แถวแรกต้องเป็นหัวตาราง {columns} แต่พบ “{first}” (ขาด {', '.join(missing)})"
            f" / the first row must be the header {columns}, found “{first}” (missing {', '.join(missing)})"
        )
    if not any(any(str(v).strip() for v in row.values()) for row in rows):
        raise SheetError(
            f"ไม่มีข้อมูลในไฟล์ มีแต่หัวตาราง (ต้องมีอย่างน้อย 1 แถวใต้หัวตาราง {columns})"
            f" / the file has a header but no data rows (put at least one row under {columns})"
        )


class Table(list):
    """The data rows, remembering the header they were read with."""

    header: list[str] = []


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
    try:  # read-only worksheets parse as they are read: a broken part fails here, not in _open
        out = list(islice(rows, MAX_ROWS + 2))
    except Exception as exc:
        raise SheetError(f"อ่านไฟล์ XLSX ไม่ได้ / cannot read the XLSX file: {exc}") from exc
    _check_count(len(out))
    return out


def _refuse_dtd(data: bytes) -> None:
    """Every XML part is checked with defusedxml up to its root element, where a DOCTYPE must be:
    openpyxl would otherwise parse some parts lazily and let a DOCTYPE through or fail half-way."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = [i for i in archive.infolist() if i.filename.endswith((".xml", ".rels"))]
        for info in parts:
            with archive.open(info) as stream:
                for _ in safe_xml.iterparse(stream, events=("start",), forbid_dtd=True):
                    break  # the prolog is behind us: nothing more to check in this part
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise SheetError(
            "ไฟล์ XLSX มีการประกาศ DOCTYPE/ENTITY ของ XML ซึ่งไม่ปลอดภัย ระบบไม่เปิดไฟล์นี้"
            " (บันทึกใหม่จาก Excel หรือส่งเป็น CSV UTF-8)"
            " / the XLSX file carries an XML DOCTYPE/ENTITY declaration, which is unsafe; it was not opened"
            " (save it again from Excel or send CSV UTF-8)"
        ) from exc
    except (zipfile.BadZipFile, ParseError, OSError, EOFError, RuntimeError) as exc:
        raise SheetError(f"ไฟล์ XLSX เสียหาย เปิดไม่ได้ / the XLSX file is damaged: {exc}") from exc


def _xlsx_rows(data: bytes) -> list[dict[str, str]]:
    _refuse_dtd(data)
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
    if not rows or not any(str(v).strip() for row in rows for v in row):
        raise SheetError("ไฟล์ว่าง ไม่มีข้อมูล / the file is empty")
    header = [str(h).strip().lower().lstrip("\ufeff") for h in rows[0]]
    for h in header:
        if h and header.count(h) > 1:
            raise SheetError(f"หัวตารางซ้ำ: {h} / duplicated column header: {h}")
    out = Table()
    out.header = header
    # Blank lines are kept (and skipped by the import) so that row numbers match the sheet.
    for row in rows[1:]:
        out.append({h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h})
    return out
