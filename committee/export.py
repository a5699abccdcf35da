"""The audit history as a file: CSV with a BOM (so Excel reads Thai) or XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from awards.exports import safe_cell

from .models import ScoreChange

HEADER = [
    "เมื่อ / when",
    "ปี / year",
    "จังหวัด / province",
    "ตัวชี้วัด / criterion",
    "ประเภท / kind",
    "คะแนนของ / score of",
    "คะแนนเดิม / old",
    "คะแนนใหม่ / new",
    "รายการเดิม / old items",
    "รายการใหม่ / new items",
    "เหตุผล/บันทึก / reason or note",
    "ช่องทาง / source",
    "โดย / by",
]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)


def history_rows(changes: Iterable[ScoreChange]) -> list[list[str]]:
    """Every cell through safe_cell: a note or a name such as =HYPERLINK(...) stays text in Excel."""
    return [[safe_cell(cell) for cell in row] for row in _raw_rows(changes)]


def _raw_rows(changes: Iterable[ScoreChange]) -> list[list[str]]:
    return [
        [
            timezone.localtime(ch.changed_at).isoformat(timespec="seconds"),
            str(ch.rubric.year),
            ch.province.code,
            ch.criterion.code,
            ch.get_kind_display(),
            ch.member.username if ch.member else "",
            _text(ch.old_points),
            _text(ch.new_points),
            _text(ch.old_items),
            _text(ch.new_items),
            ch.reason,
            ch.get_source_display(),
            ch.changed_by.username,
        ]
        for ch in changes
    ]


def history_response(changes, fmt: str) -> HttpResponse:
    """`changes` must already be scoped (`for_member`) and select the related rows it prints."""
    rows = history_rows(changes)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "history"
        for row in [HEADER, *rows]:
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="score-history-{stamp}.xlsx"'
        return response
    text = io.StringIO()
    csv.writer(text).writerows([HEADER, *rows])
    response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="score-history-{stamp}.csv"'
    return response
