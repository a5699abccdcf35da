"""The one exporter registry: every CSV/XLSX the product writes is an `Exporter` written by `write`.

The idea is pretalx's BaseExporter: an exporter only says what it is (identifier, Thai/English name,
formats, who may run it) and yields a header and rows; this module writes the file. So every cell of
every file passes `safe_cell` here, by construction, and no app keeps a writer of its own. CSV is UTF-8
with a BOM (Excel then reads Thai); XLSX keeps types, Bangkok wall-clock time and a bold header.

Each app registers its exporters in `<app>/exporters.py`, imported by its AppConfig.ready(); the
registry lives in scoring because every app that exports builds on scoring, never the reverse
(docs/architecture.md).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import acts
from core.http import content_disposition
from core.i18n import Text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
CONTENT_TYPES = {"xlsx": XLSX_TYPE, "csv": CSV_TYPE}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-5", "+3.5", "1,234") or a lone "-" (an empty list in a fact) is no formula.
PLAIN_NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+$|^-$")
YEAR = "year"  # the scope of the sheets of one rubric year, listed by the admin, API, page and command


def safe_cell(value):
    """Neutralises spreadsheet formulas in text (CSV/XLSX injection); other types pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


@dataclass
class Table:
    title: str
    header: Sequence[Text]  # lazy texts read in the language of the request that exports
    rows: Iterable[list[Any]]
    # What a sheet people fill in and send back needs (the fact template); a plain export uses none.
    preamble: list[str] = field(default_factory=list)  # lines above the header, in column A
    more_header: list[list[Any]] = field(default_factory=list)  # header lines under the first, in grey
    frozen_columns: int = 0  # columns that stay in view left of the data
    widths: dict[int, int] = field(default_factory=dict)  # 0-based column → width in characters
    text_columns: frozenset[int] = frozenset()  # columns kept as typed: "18/04/2566" stays text, not a date
    choices: dict[int, list[str]] = field(default_factory=dict)  # a drop-down offered (other values allowed)
    notes: dict[tuple[int, int], Text] = field(default_factory=dict)  # (index in rows, column) → a cell comment


class Exporter:
    """One file the product writes. Subclasses set the class attributes and implement `table`."""

    identifier: ClassVar[str]
    name_th: ClassVar[str]
    name_en: ClassVar[str]
    formats: ClassVar[tuple[str, ...]] = ("xlsx", "csv")
    permission: ClassVar[str]  # a rules permission: who may run it
    scope: ClassVar[str] = YEAR  # YEAR: `table` takes a Rubric; otherwise what its one caller passes

    @property
    def label(self) -> str:
        return f"{self.name_th} / {self.name_en}"

    def table(self, source) -> Table:
        raise NotImplementedError

    def tables(self, source) -> list[Table]:
        """The sheets of the XLSX file: one, unless the exporter writes a workbook of several."""
        return [self.table(source)]

    def filename(self, source) -> str:
        """The file name without its extension: "cdd4-2566-…" for the national contest, the contest's key for
        another (two contests may share a year), as the award PDFs are named."""
        return f"{f'cdd4-{source.year}' if source.contest.is_national else source.key}-{self.identifier}"


REGISTRY: dict[str, Exporter] = {}


def register(cls: type[Exporter]) -> type[Exporter]:
    if cls.identifier in REGISTRY:
        raise ValueError(f"exporter {cls.identifier} registered twice")
    REGISTRY[cls.identifier] = cls()
    return cls


def get(identifier: str, fmt: str | None = None) -> Exporter:
    """The exporter; KeyError if there is none or it does not write `fmt`."""
    exporter = REGISTRY[identifier]
    if fmt is not None and fmt not in exporter.formats:
        raise KeyError(f"{identifier}.{fmt}")
    return exporter


def year_sheets(user=None, rubric=None) -> list[Exporter]:
    """The sheets of a year, in registration order; only those `user` may run (on `rubric`) when given, each act
    asked once however many sheets it guards."""
    found = [e for e in REGISTRY.values() if e.scope == YEAR]
    if user is None:
        return found
    may = {name: acts.allowed(user, name, rubric) for name in dict.fromkeys(e.permission for e in found)}
    return [e for e in found if may[e.permission]]


def _wall_clock(value):
    if isinstance(value, Promise):
        return str(value)  # a translated word, in the language the sheet is written in
    # Excel has no time zones: Bangkok wall-clock time without tzinfo, in both formats.
    if isinstance(value, datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _csv_cell(value):
    if value is None:
        return ""
    value = _wall_clock(value)
    return safe_cell(value.isoformat(sep=" ") if isinstance(value, datetime) else value)


def _xlsx_cell(value):
    return safe_cell(_wall_clock(value))


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([_csv_cell(line)] for line in table.preamble)
    writer.writerow([_csv_cell(v) for v in table.header])
    writer.writerows([_csv_cell(v) for v in row] for row in [*table.more_header, *table.rows])
    return out.getvalue().encode("utf-8-sig")  # the BOM: Excel reads the file as UTF-8, Thai intact


MUTED = Font(color="666666")


def _sheet(ws, table: Table) -> None:
    ws.title = str(table.title)[:31]  # Excel's limit on sheet names
    for line in table.preamble:
        ws.append([_xlsx_cell(line)])
    top = ws.max_row + 1 if table.preamble else 1  # the header's row
    ws.append([_xlsx_cell(v) for v in table.header])
    for cells in table.more_header:
        ws.append([_xlsx_cell(v) for v in cells])
    first = ws.max_row + 1  # the first data row
    for row in table.rows:
        ws.append([_xlsx_cell(v) for v in row])
    for (at, column), text in table.notes.items():
        ws.cell(first + at, column + 1).comment = Comment(text, "CDD 4.0", width=320, height=120)
    for r, row in enumerate(ws.iter_rows(min_row=top, max_row=first - 1)):
        for cell in row:
            cell.font = Font(bold=True) if r == 0 else MUTED
            if table.widths:  # a sheet laid out to be read: long names wrap in their columns
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(first, table.frozen_columns + 1).coordinate
    for column, width in table.widths.items():
        ws.column_dimensions[get_column_letter(column + 1)].width = width
    last = max(ws.max_row, first)
    for column in table.text_columns:
        for (cell,) in ws.iter_rows(min_row=first, max_row=last, min_col=column + 1, max_col=column + 1):
            cell.number_format = "@"
    for column, values in table.choices.items():
        offer = DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True)
        offer.showErrorMessage = False  # a drop-down to help, not a lock: "yes" and "1" are read too
        letter = get_column_letter(column + 1)
        offer.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(offer)


def to_xlsx_book(tables: list[Table]) -> bytes:
    book = Workbook()
    for n, table in enumerate(tables):
        _sheet(book.active if n == 0 else book.create_sheet(), table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_xlsx(table: Table) -> bytes:
    return to_xlsx_book([table])


WRITERS = {"xlsx": to_xlsx, "csv": to_csv}


def export(source, identifier: str, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of exporter `identifier` over `source` in `fmt`; KeyError if unknown."""
    exporter = get(identifier, fmt)
    data = to_xlsx_book(exporter.tables(source)) if fmt == "xlsx" else WRITERS[fmt](exporter.table(source))
    return data, CONTENT_TYPES[fmt], f"{exporter.filename(source)}.{fmt}"


def response(source, identifier: str, fmt: str) -> HttpResponse:
    """The file as a download. Callers check `get(identifier).permission` first."""
    data, ctype, filename = export(source, identifier, fmt)
    out = HttpResponse(data, content_type=ctype)
    out["Content-Disposition"] = content_disposition(filename)
    return out
