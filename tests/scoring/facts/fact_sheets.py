"""Reading and filling a contest's fact template in tests, the way an organiser does in Excel (openpyxl)."""

from __future__ import annotations

import io
from collections.abc import Mapping

from openpyxl import load_workbook

from core.sheets import exporter
from scoring.facts.template import KEY_ENTRANT


def template_bytes(contest) -> bytes:
    return exporter.export(contest, "contest-fact-template", "xlsx")[0]


def key_row(ws) -> int:
    """The 1-based row whose first cell is the `entrant` key."""
    return next(r for r in range(1, 11) if ws.cell(r, 1).value == KEY_ENTRANT)


def fill(data: bytes, values: Mapping[str, Mapping[tuple[str, str], object]]) -> bytes:
    """values: sheet name → {(entrant code, fact key): value}; the cells an organiser types in."""
    book = load_workbook(io.BytesIO(data))
    for title, cells in values.items():
        ws = book[title]
        k = key_row(ws)
        columns = {ws.cell(k, c).value: c for c in range(1, ws.max_column + 1)}
        rows = {str(ws.cell(r, 1).value): r for r in range(k + 1, ws.max_row + 1)}
        for (entrant, key), value in cells.items():
            ws.cell(rows[entrant], columns[key]).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_rows(data: bytes, title: str) -> list[list]:
    return [list(row) for row in load_workbook(io.BytesIO(data))[title].iter_rows(values_only=True)]
