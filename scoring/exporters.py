"""Scoring's files: a year's standings with every criterion, its facts and their change history, the
fill-in sheet of facts central staff import, and each contest's fact template. Written by `core.sheets.exporter`
(formula-safe, BOM)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Contest
from core.sheets.exporter import Exporter, Table, register
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.dates import parse_moment
from scoring import selectors
from scoring.facts.imports import HEADER
from scoring.facts.template import template_tables
from scoring.models import Fact, FactChange
from scoring.standings import standings_rows

YEAR_SHEETS = "awards.export_sheets"  # the year's spreadsheets: central staff


def _num(value) -> Decimal | None:
    return Decimal(value) if value not in (None, "") else None


@register
class Standings(Exporter):
    identifier = "standings"
    name_th, name_en = "อันดับและคะแนนทุกตัวชี้วัด", "standings"
    permission = YEAR_SHEETS

    def table(self, rubric: ContestPeriod) -> Table:
        spec = rubric_spec(rubric)
        dims = [d.code for d in spec.dimensions]
        crits = [c.code for c in spec.criteria()]
        standings = standings_rows(rubric)
        # Ranked within each inspection region (a stage's rank_within): the region leads each row.
        regional = bool(standings) and "region" in standings[0]
        header = [
            *(["เขตตรวจราชการ / inspection region", "inspection region (en)"] if regional else []),
            "อันดับ / rank",
            "รหัสจังหวัด / province code",
            "จังหวัด / province",
            "province (en)",
            "คะแนนรวม / total",
            "ระดับ / level",
            *[format_lazy(_("dimension {d}"), d=d) for d in dims],
            *[format_lazy(_("criterion {c}"), c=c) for c in crits],
            "รางวัล / award",
            "award (en)",
            "คะแนนเสมอ / tied",
            "เสมอที่เส้นแบ่งรางวัล / tie at an award boundary",
            "คำนวณเมื่อ / computed at",
            *[format_lazy(_("explanation {c}"), c=c) for c in crits],
        ]
        rows = [
            [
                *([r["region_name_th"], r["region_name_en"]] if regional else []),
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
                _("yes") if r["tied"] else "",
                _("yes") if r["award_tie"] else "",
                parse_moment(r["computed_at"]) if r["computed_at"] else None,
                *[r["explanations"].get(c, "") for c in crits],
            ]
            for r in standings
        ]
        return Table(f"standings {rubric.year}", header, rows)


@register
class Facts(Exporter):
    identifier = "facts"
    name_th, name_en = "ข้อมูล", "facts"
    permission = YEAR_SHEETS

    def table(self, rubric: ContestPeriod) -> Table:
        qs = (
            Fact.objects.filter(rubric=rubric)
            .select_related("unit", "criterion", "updated_by")
            .order_by("unit__code", "criterion__order", "name")
        )
        header = [
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
                f.unit.code,
                f.criterion.code,
                f.name,
                f.value,
                f.unit.name_th,
                f.source,
                f.updated_at,
                f.updated_by.get_username() if f.updated_by else "",
            ]
            for f in qs
        ]
        return Table(f"facts {rubric.year}", header, rows)


@register
class FactChanges(Exporter):
    identifier = "fact-changes"
    name_th, name_en = "ประวัติการแก้ไขข้อมูล", "fact history"
    permission = YEAR_SHEETS

    def table(self, rubric: ContestPeriod) -> Table:
        qs = (
            FactChange.objects.filter(fact__rubric=rubric)
            .select_related("fact__unit", "fact__criterion", "changed_by")
            .order_by("changed_at", "id")
        )
        header = [
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
                c.changed_at,
                c.fact.unit.code,
                c.fact.unit.name_th,
                c.fact.criterion.code,
                c.fact.name,
                "" if c.old_value is None else c.old_value,
                c.new_value,
                c.source,
                c.changed_by.get_username() if c.changed_by else "",
            ]
            for c in qs
        ]
        return Table(f"fact history {rubric.year}", header, rows)


@register
class FactTemplate(Exporter):
    """Every province × every fact of the year, prefilled with stored values; strings stay strings."""

    identifier = "fact-template"
    name_th, name_en = "แบบฟอร์มนำเข้าข้อมูล", "fact import template"
    permission = "scoring.import_facts"
    scope = "fact-import"

    def table(self, rubric: ContestPeriod) -> Table:
        return Table("facts", list(HEADER), [list(row) for row in selectors.fact_template_rows(rubric)])

    def filename(self, rubric: ContestPeriod) -> str:
        return f"facts-{rubric.key}"  # "facts-2566"; a contest by its key


@register
class ContestFactTemplate(Exporter):
    """A contest's own fact template: one row per entrant, one column per fact with its Thai name
    and unit, a sheet per period and one explaining each fact (scoring.facts.template)."""

    identifier = "contest-fact-template"
    name_th, name_en = "แบบฟอร์มกรอกข้อมูลของการประกวด", "the contest's fact template"
    formats = ("xlsx",)
    permission = "scoring.import_facts"  # whoever runs the contest
    scope = "contest"

    def tables(self, contest: Contest) -> list[Table]:
        return template_tables(contest)

    def table(self, contest: Contest) -> Table:
        return self.tables(contest)[0]

    def filename(self, contest: Contest) -> str:
        return f"{contest.slug}-fact-template"


@register
class StagePicks(Exporter):
    """A stage's picks as its page shows them to the one who asks: region, office, each file on time or
    late, what the answers do not meet, the budget per pick; the totals last. The page's own scope: a picking office
    its own picks and those below, whoever runs the contest all of them."""

    identifier = "stage-picks"
    name_th, name_en = "รายชื่อผู้ได้รับคัดเลือก", "the stage's picks"
    permission = "stages.view"
    scope = "stage"

    def table(self, page) -> Table:
        requirements = list(page.stage.files.all())
        per_pick = page.stage.budget_per_pick
        header = [
            "เขตตรวจราชการ / inspection region",
            "จังหวัด / province",
            "รหัส / code",
            "ผู้ได้รับคัดเลือก / pick",
            "pick (en)",
            "อำเภอ / district",
            "เลือกโดย / picked by",
            "เลือกเมื่อ / picked at",
            *[f"{r.name_th} / {r.name_en}" for r in requirements],
            "ไม่ผ่านเงื่อนไข / requirements not met",
            "งบประมาณ (บาท) / budget (baht)",
        ]
        rows = []
        for group in page.groups:
            region = group.region.name_th if group.region is not None else ""
            for placed in group.entries:
                entry, unit = placed.entry, placed.entry.unit
                rows.append(
                    [
                        region,
                        unit.parent.parent.name_th if unit.parent and unit.parent.parent else "",
                        unit.code,
                        unit.name_th,
                        unit.name_en,
                        unit.parent.name_th if unit.parent else "",
                        entry.chooser.name_th,
                        entry.chosen_at,
                        *[f.text() for f in placed.files],
                        "; ".join(open_requirements(placed.asked)),
                        per_pick,
                    ]
                )
        if per_pick is not None:  # the document's arithmetic done: picks × the amount per pick
            rows.append(
                [
                    pgettext_lazy("scoring.exporters", "total"),
                    *[""] * (len(header) - 3),
                    format_lazy(_("{count} picks"), count=len(rows)),
                    page.budget_total,
                ]
            )
        return Table("picks", header, rows)

    def filename(self, page) -> str:
        return f"{page.contest.slug}-picks"


def open_requirements(asked) -> list[str]:
    """The sheet's one column of what is still open: the answers that fail, then the questions not answered."""
    return [*(r.th for r in asked.unmet), *(f"{q.th}: ยังไม่ได้ตอบ" for q in asked.waiting)]
