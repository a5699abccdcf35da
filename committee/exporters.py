"""The committee's files: the scores standing now ("judgments"), their whole audit trail
("judgment-changes") per year, and the admin's filtered score history. Written by `core.sheets.exporter`."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.labels import bilingual
from core.sheets.exporter import Exporter, Table, register
from rubrics.models import ContestPeriod
from scoring.exporters import YEAR_SHEETS

from .models import ChairFinal, ChangeKind, Judgment, Override, ScoreChange, Source


def _items(value) -> str:
    return ",".join(map(str, value)) if value else ""


def _score_row(record, kind: str, who, items: str, note: str) -> list:
    p = record.unit
    return [p.code, p.name_th, record.criterion.code, kind, who.get_username(), record.points, items, note]


@register
class Judgments(Exporter):
    """Every score standing now: members' own (one row each), then the chair's finals and the overrides."""

    identifier = "judgments"
    name_th, name_en = "คะแนนของกรรมการ คะแนนสรุปของประธาน และการปรับคะแนน", "judgments"
    permission = YEAR_SHEETS

    def table(self, rubric: ContestPeriod) -> Table:
        header = [
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
        judgments = Judgment.objects.filter(rubric=rubric).select_related("unit", "criterion", "member")
        for j in judgments.order_by("unit__code", "criterion__order", "member__username"):
            kind = bilingual(_("member's score"))
            rows.append([*_score_row(j, kind, j.member, _items(j.items), j.note), j.version, j.updated_at])
        for model in (ChairFinal, Override):
            kind = bilingual(model._meta.verbose_name)
            finals = model.objects.filter(rubric=rubric).exclude(points=None)
            finals = finals.select_related("unit", "criterion", "by").order_by("unit__code", "criterion__order")
            for f in finals:
                rows.append([*_score_row(f, kind, f.by, "", f.reason), f.version, f.updated_at])
        return Table(f"judgments {rubric.year}", header, rows)


@register
class JudgmentChanges(Exporter):
    identifier = "judgment-changes"
    name_th, name_en = "ประวัติการให้คะแนน", "score change history"
    permission = YEAR_SHEETS

    def table(self, rubric: ContestPeriod) -> Table:
        qs = (
            ScoreChange.objects.filter(rubric=rubric)
            .select_related("unit", "criterion", "member", "changed_by")
            .order_by("changed_at", "id")
        )
        header = [
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
                c.changed_at,
                c.unit.code,
                c.unit.name_th,
                c.criterion.code,
                bilingual(ChangeKind(c.kind).label),
                c.member.get_username() if c.member else "",
                c.old_points,
                c.new_points,
                _items(c.old_items),
                _items(c.new_items),
                c.reason,
                bilingual(Source(c.source).label),
                c.changed_by.get_username(),
            ]
            for c in qs
        ]
        return Table(f"judgment history {rubric.year}", header, rows)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)


@register
class ScoreHistory(Exporter):
    """The admin's score history as the page lists it: `source` is its filtered, scoped ScoreChange queryset.
    Every cell is text, as the page shows it."""

    identifier = "score-history"
    name_th, name_en = "ประวัติการให้คะแนน (ตามตัวกรอง)", "score history (as filtered)"
    permission = "committee.export_history"
    scope = "admin-history"

    def table(self, changes) -> Table:
        header = [
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
        rows = (
            [
                timezone.localtime(ch.changed_at).isoformat(timespec="seconds"),
                str(ch.rubric.year),
                ch.unit.code,
                ch.criterion.code,
                bilingual(ChangeKind(ch.kind).label),
                ch.member.username if ch.member else "",
                _text(ch.old_points),
                _text(ch.new_points),
                _text(ch.old_items),
                _text(ch.new_items),
                ch.reason,
                bilingual(Source(ch.source).label),
                ch.changed_by.username,
            ]
            for ch in changes
        )
        return Table("history", header, rows)

    def filename(self, changes) -> str:
        return f"score-history-{timezone.localtime().strftime('%Y%m%d-%H%M')}"
