"""Reads `province,criterion,fact,value` sheets (CSV or XLSX) into row dicts.

Hostile input is refused with a Thai-first SheetError: too many rows, columns or cells (core.sheets.limits;
reading stops at the limit), NUL bytes, UTF-16 text, cells longer than the csv module allows, duplicated
headers, a header without the columns a caller needs, a file with no data rows, and what core.sheets.xlsx
refuses in an XLSX. Every check is linear in the file's size.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from core.i18n import _, format_lazy
from core.sheets.limits import MAX_ROWS, SheetError, check_cells, check_rows, check_width
from core.sheets.xlsx import xlsx_rows

__all__ = ["MAX_ROWS", "SheetError", "Table", "cell_text", "read_rows"]


def read_rows(data: bytes, filename: str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows as dicts keyed by the lower-cased header. With `required`, the header must name those
    columns and at least one data row must follow (a header-only or one-line file is refused)."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        rows = _to_dicts([["" if v is None else cell_text(v) for v in row] for row in xlsx_rows(data)])
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(data)
    else:
        raise SheetError(format_lazy(_("only .csv or .xlsx files ({filename})"), filename=filename))
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
            format_lazy(
                _("the first row must be the header {columns}, found “{first}” (missing {join})"),
                columns=columns,
                first=first,
                join=", ".join(missing),
            )
        )
    if not any(any(str(v).strip() for v in row.values()) for row in rows):
        raise SheetError(
            format_lazy(
                _("the file has a header but no data rows (put at least one row under {columns})"), columns=columns
            )
        )


class Table(list):
    """The data rows, remembering the header they were read with."""

    header: list[str] = []


def _not_utf8() -> SheetError:
    return SheetError(_("CSV must be UTF-8 (Excel: 'CSV UTF-8')"))


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    if data.count(b"\x00") > len(data) // 4:  # UTF-16/32 text that happens to decode as UTF-8
        raise _not_utf8()
    try:
        text = data.decode("utf-8-sig")  # Excel writes a BOM
    except UnicodeDecodeError as exc:
        raise _not_utf8() from exc
    if "\x00" in text:
        raise SheetError(_("the file contains NUL characters (damaged or not a CSV)"))
    reader = csv.reader(io.StringIO(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            check_rows(len(rows))
            check_width(len(rows), len(row))
    except csv.Error as exc:
        n = len(rows) + 1
        if "field larger than field limit" in str(exc):
            limit = csv.field_size_limit()
            raise SheetError(
                format_lazy(_("row {n}: a cell is longer than {limit:,} characters"), n=n, limit=limit)
            ) from exc
        raise SheetError(format_lazy(_("row {n}: cannot read the CSV ({exc})"), n=n, exc=exc)) from exc
    return _to_dicts(rows)


def cell_text(value) -> str:
    """A cell as the import reads it: a date as 2023-04-18, a whole number without ".0"."""
    if hasattr(value, "date") and hasattr(value, "hour"):  # a datetime cell holding a date
        return value.date().isoformat() if (value.hour, value.minute, value.second) == (0, 0, 0) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _to_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    if not rows or not any(str(v).strip() for row in rows for v in row):
        raise SheetError(_("the file is empty"))
    header = [str(h).strip().lower().lstrip("\ufeff") for h in rows[0]]
    repeated = [h for h, n in Counter(h for h in header if h).items() if n > 1]
    if repeated:
        h = next(h for h in header if h in repeated)  # the first one the sheet shows
        raise SheetError(format_lazy(_("duplicated column header: {h}"), h=h))
    named = [(i, h) for i, h in enumerate(header) if h]
    check_cells((len(rows) - 1) * len(named))  # before the dicts take the memory
    out = Table()
    out.header = header
    # Blank lines are kept (and skipped by the import) so that row numbers match the sheet.
    for row in rows[1:]:
        out.append({h: (row[i] if i < len(row) else "") for i, h in named})
    return out
