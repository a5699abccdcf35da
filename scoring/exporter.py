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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

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
    header: list[str]
    rows: Iterable[list[Any]]


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
    """The sheets of a year, in registration order; only those `user` may run (on `rubric`) when given."""
    found = [e for e in REGISTRY.values() if e.scope == YEAR]
    return [e for e in found if user is None or user.has_perm(e.permission, rubric)]


def _wall_clock(value):
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
    writer.writerow([_csv_cell(v) for v in table.header])
    writer.writerows([_csv_cell(v) for v in row] for row in table.rows)
    return out.getvalue().encode("utf-8-sig")  # the BOM: Excel reads the file as UTF-8, Thai intact


def to_xlsx(table: Table) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = table.title[:31]  # Excel's limit on sheet names
    ws.append([_xlsx_cell(v) for v in table.header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        ws.append([_xlsx_cell(v) for v in row])
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WRITERS = {"xlsx": to_xlsx, "csv": to_csv}


def export(source, identifier: str, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of exporter `identifier` over `source` in `fmt`; KeyError if unknown."""
    exporter = get(identifier, fmt)
    data = WRITERS[fmt](exporter.table(source))
    return data, CONTENT_TYPES[fmt], f"{exporter.filename(source)}.{fmt}"


def response(source, identifier: str, fmt: str) -> HttpResponse:
    """The file as a download. Callers check `get(identifier).permission` first."""
    data, ctype, filename = export(source, identifier, fmt)
    out = HttpResponse(data, content_type=ctype)
    out["Content-Disposition"] = f'attachment; filename="{filename}"'
    return out
