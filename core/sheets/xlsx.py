"""An XLSX's sheets as lists of cell values, read in bounded memory (core.sheets.tabular's XLSX half; the fact
template's sheets, one per period, in scoring.facts.template).

openpyxl's read-only `iter_rows` pads each row to the sheet's last column and builds all of a row's cells
at once: one cell in column XFD on each row of a 32 KB file took 2.4 GB. Here the sheet's XML is walked
element by element and each element is dropped once read, so only the open elements and the cell being
read are in memory. Refused, each before the memory it would take: parts that unzip past
MAX_UNZIPPED_BYTES or carry a DOCTYPE; a declared dimension past the limits; then, as they arrive, a value
past MAX_COLUMNS, a row past MAX_ROWS, more than MAX_CELLS values, and a formula without a saved result
(the import never evaluates a formula; it takes the value Excel saved). openpyxl still opens the package
and converts each cell (shared strings, dates, numbers) with its own parse_cell.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as safe_xml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import CELL_TAG, DATA_TAG, FORMULA_TAG, ROW_TAG, WorkSheetParser

from core.i18n import format_lazy, gettext_lazy
from core.sheets.limits import MAX_UNZIPPED_BYTES, SheetError, check_cells, check_rows, check_sheets, check_width

# No real sheet nests deeper than ~10 elements, nor holds more than a few dozen inside one cell (rich text).
MAX_DEPTH = 64
MAX_CELL_PARTS = 1000


def xlsx_rows(data: bytes) -> list[list]:
    """Each row's values from column A, None where a cell is empty; blank rows kept, so row numbers match."""
    return xlsx_sheets(data, first_only=True)[0][1]


def xlsx_sheets(data: bytes, *, first_only: bool = False) -> list[tuple[str, list[list]]]:
    """Every worksheet as (its name, its rows as xlsx_rows reads them); the limits hold for the whole book."""
    _check_parts(data)
    sheets = _open(data).worksheets
    if not sheets:
        raise _damaged("no worksheet")
    check_sheets(len(sheets))
    out, values = [], 0
    for sheet in sheets[:1] if first_only else sheets:
        _check_dimension(sheet)
        try:
            rows = list(_rows(sheet, values))
        except SheetError:
            raise
        except Exception as exc:  # openpyxl and the XML parser raise many kinds for a broken part
            raise SheetError(f"อ่านไฟล์ XLSX ไม่ได้ / cannot read the XLSX file: {exc}") from exc
        values += sum(v is not None for row in rows for v in row)
        out.append((sheet.title, rows))
    return out


def _damaged(why: str) -> SheetError:
    return SheetError(f"ไฟล์ XLSX เสียหาย เปิดไม่ได้ / the XLSX file is damaged: {why}")


def _check_parts(data: bytes) -> None:
    """Every XML part: its unzipped size, and a DOCTYPE (checked with defusedxml up to the root element,
    where a DOCTYPE must be; openpyxl would otherwise parse some parts lazily and let one through)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            mb = MAX_UNZIPPED_BYTES // (1024 * 1024)
            raise SheetError(
                format_lazy(
                    gettext_lazy("the XLSX file unzips to more than {mb} MB (split it, or send CSV UTF-8)"), mb=mb
                )
            )
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            with archive.open(info) as stream:
                for _ in safe_xml.iterparse(stream, events=("start",), forbid_dtd=True):
                    break  # the prolog is behind us: nothing more to check in this part
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise SheetError(
            gettext_lazy(
                "the XLSX file carries an XML DOCTYPE/ENTITY declaration, which is "
                "unsafe; it was not opened (save it again from Excel or send CSV UTF-8)"
            )
        ) from exc
    except (zipfile.BadZipFile, ParseError, OSError, EOFError, RuntimeError) as exc:
        raise _damaged(str(exc)) from exc


def _open(data: bytes):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise SheetError(f"เปิดไฟล์ XLSX ไม่ได้ / cannot read the XLSX file: {exc}") from exc


def _check_dimension(sheet) -> None:
    """The size the sheet declares (its <dimension>, read by openpyxl on opening): refused before any row
    is read. A sheet may declare less than it holds; _rows checks what arrives."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    check_width(1, columns)
    check_rows(rows)
    check_cells(rows * columns)


def _rows(sheet, values: int = 0) -> Iterator[list]:
    """`values`: how many the sheets before this one held (MAX_CELLS is for the whole book)."""
    book = sheet.parent
    cells = WorkSheetParser(
        None,
        sheet._shared_strings,
        data_only=True,  # the value Excel saved, also for a formula cell
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    stack: list = []  # the open elements, the root first
    cell, parts = None, 0  # the <c> being read and how many elements it holds so far
    row: list = []
    done = 0  # the last row yielded; `values`: values read
    with sheet._get_source() as source:
        for event, element in safe_xml.iterparse(source, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                stack.append(element)
                if len(stack) > MAX_DEPTH:
                    raise _damaged(f"elements nested more than {MAX_DEPTH} deep")
                if cell is not None:
                    parts += 1
                    if parts > MAX_CELL_PARTS:
                        raise _damaged(f"a cell holds more than {MAX_CELL_PARTS} elements")
                elif element.tag == CELL_TAG:
                    cell, parts = element, 0
                elif element.tag == ROW_TAG:
                    _start_row(cells, element.get("r"))
                    row = []
                continue
            stack.pop()
            if cell is not None and element is not cell:
                continue  # inside a cell: parse_cell reads it when the cell ends
            if element is cell:
                cell = None
                values += _take(cells, element, row)
                check_cells(values)
            elif element.tag == ROW_TAG and row:
                check_rows(cells.row_counter)
                yield from ([] for _ in range(done + 1, cells.row_counter))
                yield row
                done = cells.row_counter
            elif element.tag == DATA_TAG:
                return  # nothing after the rows is read
            if stack:
                stack[-1].remove(element)  # its only child left: the earlier ones went the same way


def _start_row(cells: WorkSheetParser, number: str | None) -> None:
    try:
        at = int(float(number)) if number is not None else cells.row_counter + 1
    except ValueError as exc:
        raise _damaged(f"row number {number!r}") from exc
    if at <= cells.row_counter:
        raise _damaged(f"row {at} comes after row {cells.row_counter}")
    cells.row_counter, cells.col_counter = at, 0


def _take(cells: WorkSheetParser, element, row: list) -> int:
    """Puts one cell's value in its row; 1 if it had one. An empty cell anywhere (Excel writes formatted
    empty cells) costs nothing; a value past MAX_COLUMNS is refused."""
    found = cells.parse_cell(element)
    value, column, number = found["value"], found["column"], cells.row_counter
    if value is None:
        if element.find(FORMULA_TAG) is not None:
            where = f"{get_column_letter(min(column, 16384))}{number}"
            raise SheetError(
                format_lazy(
                    gettext_lazy(
                        "row {number}: cell {where} is a formula with no saved result (save it "
                        "in Excel or paste values)"
                    ),
                    number=number,
                    where=where,
                )
            )
        return 0
    check_width(number, column)
    row.extend([None] * (column - len(row)))
    row[column - 1] = value
    return 1
