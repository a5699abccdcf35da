"""How big a sheet the imports read, and the Thai-first refusals past each limit (core.sheets: tabular, xlsx).

A limit is checked before the memory it guards is taken: a sheet's declared size before any row is read,
a row's width as its cells arrive, the table's cell count before its rows become dicts.
"""

from __future__ import annotations

from core.errors import PortalError
from core.i18n import _, format_lazy

# A year's facts are 76 provinces x ~22 facts and a committee's scores a few thousand rows.
MAX_ROWS = 50_000
# The imports need 4 to 6 columns; a contest's fact template sent back has one per fact (seed 003's: 48).
MAX_COLUMNS = 120
# Rows x named columns of the table an import builds (50,000 rows of 20 columns).
MAX_CELLS = 1_000_000
# Worksheets in one XLSX: a fact template has one per period (twelve months at most) and its explanation.
MAX_SHEETS = 40
# An XLSX's parts once unzipped (the zip declares these sizes and zipfile reads no further):
# a full 50,000-row sheet is about 12 MB of XML.
MAX_UNZIPPED_BYTES = 40 * 1024 * 1024


class SheetError(PortalError):
    code = "sheet"


def check_rows(rows_with_header: int) -> None:
    if rows_with_header > MAX_ROWS + 1:
        raise SheetError(format_lazy(_("the file has more than {max_rows:,} data rows (split it)"), max_rows=MAX_ROWS))


def check_width(row: int, column: int) -> None:
    """`column`: the 1-based column of a cell, or a row's count of cells."""
    if column > MAX_COLUMNS:
        raise SheetError(
            format_lazy(
                _(
                    "row {row}: it has data up to column {column:,}, more than "
                    "{max_columns} columns (delete the columns not used)"
                ),
                row=row,
                column=column,
                max_columns=MAX_COLUMNS,
            )
        )


def check_cells(cells: int) -> None:
    if cells > MAX_CELLS:
        raise SheetError(
            format_lazy(
                _("the file has more than {max_cells:,} cells (split it, or delete the columns not used)"),
                max_cells=MAX_CELLS,
            )
        )


def check_sheets(sheets: int) -> None:
    if sheets > MAX_SHEETS:
        raise SheetError(
            format_lazy(
                _("the XLSX file has {sheets:,} worksheets, more than {max_sheets} (delete the ones not used)"),
                sheets=sheets,
                max_sheets=MAX_SHEETS,
            )
        )
