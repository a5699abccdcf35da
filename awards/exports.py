"""Spreadsheets of a year: standings with every criterion, facts, and the facts' change history.

XLSX keeps Thai as is; CSV is UTF-8 with a BOM so Excel opens it in Thai. Text that a spreadsheet
would run as a formula (= + - @ first) gets a leading apostrophe.
Committee scores: "judgments" (every member's score, the chair's finals and the overrides as they stand)
and "judgment-changes" (their whole audit trail, committee.models.ScoreChange).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from committee.models import ChairFinal, Judgment, Override, ScoreChange
from scoring import selectors as scoring
from scoring.dates import parse_moment
from scoring.models import Fact, FactChange, Rubric

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-5", "+3.5", "1,234") or a lone "-" (an empty list in a fact) is no formula.
PLAIN_NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+$|^-$")


def safe_cell(value):
    """Neutralises spreadsheet formulas in text (CSV/XLSX injection); other types pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]


def _local(value: datetime | None):
    # Excel has no time zones: write Bangkok wall-clock time without tzinfo.
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def _num(value) -> Decimal | None:
    return Decimal(value) if value not in (None, "") else None


def standings_sheet(rubric: Rubric) -> Sheet:
    spec = scoring.rubric_spec(rubric)
    dims = [d.code for d in spec.dimensions]
    crits = [c.code for c in spec.criteria()]
    headers = [
        "อันดับ / rank",
        "รหัสจังหวัด / province code",
        "จังหวัด / province",
        "province (en)",
        "คะแนนรวม / total",
        "ระดับ / level",
        *[f"ด้าน {d} / dimension {d}" for d in dims],
        *[f"ข้อ {c} / criterion {c}" for c in crits],
        "รางวัล / award",
        "award (en)",
        "คะแนนเสมอ / tied",
        "เสมอที่เส้นแบ่งรางวัล / tie at an award boundary",
        "คำนวณเมื่อ / computed at",
        *[f"คำอธิบาย {c} / explanation {c}" for c in crits],
    ]
    rows = []
    for r in scoring.standings_rows(rubric):
        rows.append(
            [
                r["rank"],
                r["province"],
                r["province_name_th"],
                r["province_name_en"],
                _num(r["total"]),
                r["level"],
                *[_num(r["dimensions"].get(d)) for d in dims],
                *[_num(r["criteria"].get(c)) for c in crits],
                r["award_name_th"] or "",
                r["award_name_en"] or "",
                "ใช่ / yes" if r["tied"] else "",
                "ใช่ / yes" if r["award_tie"] else "",
                _local(parse_moment(r["computed_at"])) if r["computed_at"] else None,
                *[r["explanations"].get(c, "") for c in crits],
            ]
        )
    return Sheet(f"standings {rubric.year}", headers, rows)


def facts_sheet(rubric: Rubric) -> Sheet:
    qs = (
        Fact.objects.filter(rubric=rubric)
        .select_related("province", "criterion", "updated_by")
        .order_by("province__code", "criterion__order", "name")
    )
    headers = [
        "province",
        "criterion",
        "fact",
        "value",
        "จังหวัด / province name",
        "ที่มา / source",
        "แก้ไขเมื่อ / updated at",
        "โดย / by",
    ]
    rows = [
        [
            f.province.code,
            f.criterion.code,
            f.name,
            f.value,
            f.province.name_th,
            f.source,
            _local(f.updated_at),
            f.updated_by.get_username() if f.updated_by else "",
        ]
        for f in qs
    ]
    return Sheet(f"facts {rubric.year}", headers, rows)


def fact_changes_sheet(rubric: Rubric) -> Sheet:
    qs = (
        FactChange.objects.filter(fact__rubric=rubric)
        .select_related("fact__province", "fact__criterion", "changed_by")
        .order_by("changed_at", "id")
    )
    headers = [
        "เมื่อ / when",
        "province",
        "จังหวัด / province name",
        "criterion",
        "fact",
        "ค่าเดิม / old value",
        "ค่าใหม่ / new value",
        "ที่มา / source",
        "โดย / by",
    ]
    rows = [
        [
            _local(c.changed_at),
            c.fact.province.code,
            c.fact.province.name_th,
            c.fact.criterion.code,
            c.fact.name,
            "" if c.old_value is None else c.old_value,
            c.new_value,
            c.source,
            c.changed_by.get_username() if c.changed_by else "",
        ]
        for c in qs
    ]
    return Sheet(f"fact history {rubric.year}", headers, rows)


def _items(value) -> str:
    return ",".join(map(str, value)) if value else ""


def _score_row(record, kind: str, who, items: str, note: str) -> list:
    p, version, updated = record.province, record.version, _local(record.updated_at)
    return [
        p.code,
        p.name_th,
        record.criterion.code,
        kind,
        who.get_username(),
        record.points,
        items,
        note,
        version,
        updated,
    ]


def judgments_sheet(rubric: Rubric) -> Sheet:
    """Every score standing now: members' own (one row each), then the chair's finals and the overrides."""
    headers = [
        "province",
        "จังหวัด / province name",
        "criterion",
        "ประเภท / kind",
        "กรรมการ / member",
        "คะแนน / points",
        "รายการที่ผ่าน / items",
        "บันทึก/เหตุผล / note or reason",
        "ฉบับที่ / version",
        "แก้ไขเมื่อ / updated at",
    ]
    rows = []
    judgments = Judgment.objects.filter(rubric=rubric).select_related("province", "criterion", "member")
    for j in judgments.order_by("province__code", "criterion__order", "member__username"):
        kind = "คะแนนกรรมการ / member's score"
        rows.append(_score_row(j, kind, j.member, _items(j.items), j.note))
    for model in (ChairFinal, Override):
        kind = str(model._meta.verbose_name)
        finals = model.objects.filter(rubric=rubric).exclude(points=None).select_related("province", "criterion", "by")
        for f in finals.order_by("province__code", "criterion__order"):
            rows.append(_score_row(f, kind, f.by, "", f.reason))
    return Sheet(f"judgments {rubric.year}", headers, rows)


def judgment_changes_sheet(rubric: Rubric) -> Sheet:
    qs = (
        ScoreChange.objects.filter(rubric=rubric)
        .select_related("province", "criterion", "member", "changed_by")
        .order_by("changed_at", "id")
    )
    headers = [
        "เมื่อ / when",
        "province",
        "จังหวัด / province name",
        "criterion",
        "ประเภท / kind",
        "คะแนนของ / score of",
        "คะแนนเดิม / old points",
        "คะแนนใหม่ / new points",
        "รายการเดิม / old items",
        "รายการใหม่ / new items",
        "เหตุผล/บันทึก / reason or note",
        "ช่องทาง / source",
        "โดย / by",
    ]
    rows = [
        [
            _local(c.changed_at),
            c.province.code,
            c.province.name_th,
            c.criterion.code,
            c.get_kind_display(),
            c.member.get_username() if c.member else "",
            c.old_points,
            c.new_points,
            _items(c.old_items),
            _items(c.new_items),
            c.reason,
            c.get_source_display(),
            c.changed_by.get_username(),
        ]
        for c in qs
    ]
    return Sheet(f"judgment history {rubric.year}", headers, rows)


SHEETS: dict[str, Callable[[Rubric], Sheet]] = {
    "standings": standings_sheet,
    "facts": facts_sheet,
    "fact-changes": fact_changes_sheet,
    "judgments": judgments_sheet,
    "judgment-changes": judgment_changes_sheet,
}


def to_xlsx(sheet: Sheet) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet.title[:31]  # Excel's limit on sheet names
    ws.append(sheet.headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        ws.append([safe_cell(v) for v in row])
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(sheet: Sheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow(
            ["" if v is None else safe_cell(v.isoformat(sep=" ") if isinstance(v, datetime) else v) for v in row]
        )
    return out.getvalue().encode("utf-8-sig")  # the BOM: Excel reads the file as UTF-8, Thai intact


def export(rubric: Rubric, name: str, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) for a sheet name of SHEETS and a format "xlsx" or "csv"."""
    if name not in SHEETS or fmt not in ("xlsx", "csv"):
        raise KeyError(f"{name}.{fmt}")
    sheet = SHEETS[name](rubric)
    data, ctype = (to_xlsx(sheet), XLSX_TYPE) if fmt == "xlsx" else (to_csv(sheet), CSV_TYPE)
    return data, ctype, f"cdd4-{rubric.year}-{name}.{fmt}"
