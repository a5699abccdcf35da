"""Every shipped contest's fact template round-trips: download it, fill it from the demo's facts as
an organiser would in Excel, send it back, and the standings are those the same facts give through the plain
facts import. The real units and the seeds' contests (`bootstrap`) are the worker's one load, shared
(tests/demo_world.py `units_world`)."""

import json
from pathlib import Path

import pytest
from django.db import transaction

from contests.models import Contest
from core.sheets.limits import SheetError
from rubrics.selectors import rubric_spec
from scoring import demo
from scoring.contest_results import contest_rows
from scoring.facts.imports import facts_import, facts_import_file
from scoring.facts.template import sheet_title
from scoring.models import Fact, FactSource
from scoring.recompute import standings_recompute
from tests.demo_world import units_world  # noqa: F401  (bootstrap with the real units, once per worker)

from .fact_sheets import fill, sheet_rows, template_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units_world")]

RUBRICS = sorted(Path("rubrics/rubric_files").glob("*.json"))
STAGES = json.loads(Path("contests/data/stages.json").read_text(encoding="utf-8"))["stages"]


def slug_of(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    return (data.get("contest") or {}).get("slug") or f"cdd4-{data['year']}"


# Every contest bootstrap makes: the shipped files, and the stages whose contest is a copy of one (seed 002's
# regional contest, made by stages_load).
SLUGS = sorted({*map(slug_of, RUBRICS), *(s["contest"] for s in STAGES if s.get("copy_rubric"))})


def standings(contest: Contest) -> list[tuple]:
    for rubric in contest.rubrics.all():
        standings_recompute(rubric_id=rubric.pk, full=True)
    return [(r["entrant"], r["rank"], r["total"], r["criteria"], r["award"], r["tied"]) for r in contest_rows(contest)]


def template_facts(rubric) -> list[dict[str, str]]:
    """The demo's facts the template holds: an office's data (not a judgment, not an upload's time)."""
    columns = {c.name for c in rubric_spec(rubric).fact_columns}
    return [row for row in demo.demo_rows(rubric) if row["fact"] in columns]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_template_round_trips_to_the_same_standings(slug):
    contest = Contest.objects.get(slug=slug)
    rubrics = list(contest.rubrics.order_by("period_order"))
    facts = {rubric.pk: template_facts(rubric) for rubric in rubrics}
    if not any(facts.values()):
        # Every criterion judged by the panel: nothing to fill, and it says so. Seed 002's stages ask their
        # entrants questions, but nobody has been picked yet: an empty sheet, said so.
        asks = any(rubric_spec(r).fact_columns for r in rubrics)
        said = "ไม่มีค่าใดในแบบฟอร์ม" if asks else "การประกวดนี้ไม่มีข้อมูลที่ต้องกรอก"
        before = standings(contest)
        with pytest.raises(SheetError, match=said):
            facts_import_file(rubric=rubrics[0], data=template_bytes(contest), filename="t.xlsx")
        assert standings(contest) == before
        return
    with transaction.atomic():  # the facts through the plain import, then undone
        for rubric in rubrics:
            facts_import(rubric=rubric, rows=facts[rubric.pk], source=FactSource.IMPORT)
        expected = standings(contest)
        transaction.set_rollback(True)
    assert not Fact.objects.filter(rubric__contest=contest).exists()

    cells = {
        sheet_title(rubric): {(row["province"], row["fact"]): row["value"] for row in facts[rubric.pk]}
        for rubric in rubrics
    }
    report = facts_import_file(rubric=rubrics[0], data=fill(template_bytes(contest), cells), filename="t.xlsx")
    assert report.created == sum(len(rows) for rows in facts.values())  # a shared fact: one cell, every criterion
    assert standings(contest) == expected
    # Downloaded again it holds what was sent, and sending that back changes nothing.
    again = template_bytes(contest)
    assert facts_import_file(rubric=rubrics[0], data=again, filename="t.xlsx").created == 0


def test_every_contest_bootstrap_makes_is_here():
    assert SLUGS == sorted(Contest.objects.values_list("slug", flat=True))
    assert "model-subdistrict-region-2565" in SLUGS


def test_the_national_template_lists_the_76_offices_by_iso_code():
    contest = Contest.objects.get(slug="cdd4-2566")
    rows = sheet_rows(template_bytes(contest), "ข้อมูล facts")
    assert rows[2][:2] == ["รหัสจังหวัด", "จังหวัด"]
    assert len(rows) == 5 + 76 and all(row[0].startswith("TH-") for row in rows[5:])
    assert "TH-10" not in {row[0] for row in rows[5:]}  # Bangkok has no provincial office
