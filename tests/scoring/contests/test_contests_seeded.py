"""The seeds' contests loaded by `bootstrap` with the real units, in place for this module.

The load is the worker's one, shared with the other modules that read the units (tests/demo_world.py
`units_world`); the database as it was before the module is back at the module's end."""

import io
import json
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from contests.models import Contest, Level, Unit
from people.models import Role
from rubrics.models import ContestPeriod
from scoring.contest_results import contest_rows
from scoring.models import Fact, Standing
from scoring.recompute import standings_recompute
from scoring.standings import standings_rows
from scoring.tasks import periods_begun
from stages.models import Stage
from stages.rules import stage_pool
from tests.demo_world import units_world  # noqa: F401  (bootstrap with the real units, once per worker)
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units_world")]


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def standings(slug: str) -> list[dict]:
    return json.loads(run("standings", "--contest", slug, "--format", "json"))


def test_bootstrap_loads_the_seven_contests():
    assert sorted(Contest.objects.values_list("slug", flat=True)) == [
        "cdd4-2566",
        "chonburi-itmodel-2564",
        "chonburi-web-2564",
        "model-subdistrict-2565",
        "model-subdistrict-region-2565",  # seed 002's inspection-region stage (contests/data/stages.json)
        "nongkhai-missions-2565",
        "ubon-milestones-2568",
    ]
    # Three contests in B.E. 2565 keep their own rubrics: loading one no longer replaces the others.
    assert ContestPeriod.objects.filter(year=2565).values_list("contest__slug", flat=True).distinct().count() == 3


def test_chonburi_ranks_its_11_district_offices():
    rows = standings("chonburi-web-2564")
    assert sorted(r["entrant"] for r in rows) == [f"20{n:02d}" for n in range(1, 12)]
    assert {r["name"] for r in rows} >= {"เมืองชลบุรี", "บางละมุง", "สัตหีบ"}
    assert set(rows[0]) >= {"entrant", "name", "rank", "total", "dimensions", "criteria", "award", "tied"}


def test_chonburi_it_role_model_takes_a_nominee_per_district_office():
    contest = Contest.objects.get(slug="chonburi-itmodel-2564")
    assert (contest.nominates, contest.organiser.code, contest.entrant_level) == (True, "TH-20", "district")
    rubric = contest.rubrics.get()
    assert rubric.year_settings.award_min_total == 3
    assert [(t.code, t.count) for t in rubric.award_tiers.all()] == [("it_role_model", 11)]
    rows = standings("chonburi-itmodel-2564")
    assert sorted(r["entrant"] for r in rows) == [f"20{n:02d}" for n in range(1, 12)]
    # Nobody is judged yet: no award, and no office has named its nominee.
    assert {(r["total"], r["award"]) for r in rows} == {("0", None)}
    assert {json.dumps(r["nominee"]) for r in rows} == {"null"}
    assert "nominee" not in standings("chonburi-web-2564")[0]


def test_nongkhai_ranks_its_9_districts_with_a_level_per_mission():
    rows = standings("nongkhai-missions-2565")
    assert sorted(r["entrant"] for r in rows) == [
        "4301",
        "4302",
        "4305",
        "4307",
        "4308",
        "4314",
        "4315",
        "4316",
        "4317",
    ]
    assert sorted(rows[0]["dimension_levels"]) == [str(n) for n in range(1, 9)]


def test_ubon_ranks_its_25_districts_per_month():
    rows = standings("ubon-milestones-2568")
    assert len(rows) == 25
    assert all(r["entrant"].startswith("34") and len(r["entrant"]) == 4 for r in rows)
    assert [p["period"] for p in rows[0]["periods"]] == [
        "2568-04",
        "2568-05",
        "2568-06",
        "2568-07",
        "2568-08",
        "2568-09",
    ]
    # Nobody has reported yet: April and May reach no milestone (0), June is not judged yet (0), and July to
    # September are the letter's "ระดับ C … ไม่ได้รายงาน" (3 each): the mean is 9 / 6 = 1.5.
    assert {r["total"] for r in rows} == {"1.5"}
    assert all(r["tied"] and r["rank"] == 1 for r in rows)


def test_model_subdistrict_picks_from_every_subdistrict_and_ranks_only_the_picks():
    # Seed 002 is picked in stages: the district offices pick from every non-Bangkok subdistrict in the units
    # file (contests/data/UNITS-SOURCE.md), and until one has picked, nobody enters nor is ranked.
    stage = Stage.objects.get(contest__slug="model-subdistrict-2565")
    mueang = Unit.objects.get(code="2001")
    assert Unit.objects.filter(level=Level.SUBDISTRICT, is_cdd_office=True).count() == 7282
    assert stage_pool(stage, mueang).count() == 18  # Mueang Chon Buri's subdistricts
    assert standings("model-subdistrict-2565") == []
    assert standings("model-subdistrict-region-2565") == []


def test_import_facts_by_entrant_code_and_name(tmp_path):
    rubric = ContestPeriod.objects.get(contest__slug="nongkhai-missions-2565")
    sheet = tmp_path / "facts.csv"
    sheet.write_text("entrant,criterion,fact,value\n2001,1.1.1,verified,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="แถวที่ 2: '2001' ไม่ใช่ผู้เข้าประกวดนี้"):
        run("import_facts", str(sheet), "--contest", "nongkhai-missions-2565")
    assert Fact.objects.filter(rubric=rubric).count() == 0
    # Mission 1.1.1: 30 × 90 / 100 verified TPMAP targets = 27 points; named by code, then by Thai name.
    sheet.write_text(
        "entrant,criterion,fact,value\n4301,1.1.1,verified,90\nเมืองหนองคาย,1.1.1,tpmap_target,100\n", encoding="utf-8"
    )
    assert "สร้าง/create 2" in run("import_facts", str(sheet), "--contest", "nongkhai-missions-2565")
    mueang = next(r for r in standings("nongkhai-missions-2565") if r["entrant"] == "4301")
    assert mueang["criteria"]["1.1.1"] == "27.00"
    assert mueang["rank"] == 1


def test_import_facts_needs_the_period_of_a_monthly_contest(tmp_path):
    sheet = tmp_path / "facts.csv"
    sheet.write_text("entrant,criterion,fact,value\n3401,4.1.1,data_uses,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="period"):
        run("import_facts", str(sheet), "--contest", "ubon-milestones-2568")
    sheet.write_text("entrant,criterion,fact,value,period\n3401,4.1.1,data_uses,2,2568-13\n", encoding="utf-8")
    with pytest.raises(CommandError, match="ไม่พบรอบ 2568-13"):
        run("import_facts", str(sheet), "--contest", "ubon-milestones-2568")
    # Mueang Ubon's July report of 2 uses reached the province on 18 Jul, before the 20th: A (5); the other
    # months as nobody's: 0, 0, 0 and C, C: mean (5 + 3 + 3) / 6 = 1.83.
    sheet.write_text(
        "entrant,criterion,fact,value,period\n3401,4.1.1,data_uses,2,2568-07\n3401,4.1.1,use_report_on,18/07/2568,2568-07\n",
        encoding="utf-8",
    )
    assert "รอบ/period 2568-07:  สร้าง/create 2" in run("import_facts", str(sheet), "--contest", "ubon-milestones-2568")
    rows = standings("ubon-milestones-2568")
    assert (rows[0]["entrant"], rows[0]["total"], rows[0]["rank"], rows[0]["tied"]) == ("3401", "1.83", 1, False)
    assert [p["total"] for p in rows[0]["periods"]] == ["0", "0", "0", "5", "3", "3"]
    assert rows[1]["rank"] == 2


def test_other_commands_take_a_contest(tmp_path):
    by = UserFactory(role=Role.CENTRAL).username
    out = run("rubric_deadline", "ubon-milestones-2568.2568-05", "4.1.1", "21/05/2568", "--reason", "หนังสือจังหวัด",
              "--by", by)  # fmt: skip
    assert "4.1.1" in out
    assert ContestPeriod.objects.get(
        contest__slug="ubon-milestones-2568", period="2568-05"
    ).criteria.get().deadline.isoformat() == ("2025-05-21")
    path = tmp_path / "standings.csv"
    run("export_results", "--contest", "chonburi-web-2564", "--out", str(path))
    text = path.read_text(encoding="utf-8-sig")
    assert "เมืองชลบุรี" in text and "2011" in text


def test_a_period_page_shows_every_period_and_the_combined_ranking(client, django_user_model):
    from contests.models import Unit
    from people.models import Membership, Role

    user = django_user_model.objects.create(username="ubon-organiser")
    Membership.objects.create(user=user, role=Role.ORGANISER, unit=Unit.objects.get(code="TH-34"))
    client.force_login(user)
    page = client.get("/standings/ubon-milestones-2568.2568-05/").content.decode()
    months = re.findall(r'href="/standings/ubon-milestones-2568\.(2568-\d\d)/"', page)
    assert months == ["2568-04", "2568-06", "2568-07", "2568-08", "2568-09"]  # the other five months
    assert 'aria-current="page">พฤษภาคม' in page
    assert page.count('<tr data-province="34') >= 25 * 2  # this month's ranking and the combined one


def test_spreadsheets_of_two_contests_of_one_year_have_their_own_names():
    from core.sheets import exporter

    names = {
        exporter.export(ContestPeriod.objects.get(contest__slug=slug), "standings", "csv")[2]
        for slug in ("nongkhai-missions-2565", "model-subdistrict-2565")
    }
    assert names == {"nongkhai-missions-2565-standings.csv", "model-subdistrict-2565-standings.csv"}
    assert exporter.export(ContestPeriod.objects.get(contest__slug="cdd4-2566"), "standings", "csv")[2] == (
        "cdd4-2566-standings.csv"
    )


def test_ubon_scores_no_month_not_yet_begun_and_averages_the_months_begun(
    clock, django_capture_on_commit_callbacks, client
):
    """On 15 June 2025 July to September have not begun: not the letter's C for "not reported" (3 each) but
    "ยังไม่ถึง", 0 and left out of the mean, which is then over April to June alone."""

    clock(2025, 6, 15, 9, 0)
    contest = Contest.objects.get(slug="ubon-milestones-2568")
    with transaction.atomic():
        for rubric in contest.rubrics.all():
            standings_recompute(rubric_id=rubric.pk, full=True)
        july = Standing.objects.filter(rubric__period="2568-07").select_related("rubric")
        assert {r.total for r in july} == {0}
        rows = contest_rows(contest)
        assert {r["total"] for r in rows} == {"0"}  # (0 + 0 + 0) / 3, not (0 + 0 + 0 + 3 + 3 + 3) / 6
        assert [p["begun"] for p in rows[0]["periods"]] == [True, True, True, False, False, False]
        # On 15 May 2025 June has not begun either, though its rule asks questions rather than grading months.
        assert [p["begun"] for p in contest_rows(contest, today=date(2025, 5, 15))[0]["periods"]] == [
            True, True, False, False, False, False
        ]  # fmt: skip
        said = standings_rows(july[0].rubric)[0]["explanations"]["4.1.1"]
        assert said == "ยังไม่ถึง: เดือนนี้เริ่ม ๑ ก.ค. ๒๕๖๘ ยังไม่ให้คะแนน"
        client.force_login(UserFactory(role=Role.ORGANISER, role__unit=Unit.objects.get(code="TH-34")))
        page = client.get("/standings/ubon-milestones-2568.2568-05/").content.decode()
        combined = page[page.index('id="combined"') : page.index("</table>", page.index('id="combined"'))]
        assert combined.count('<span class="muted not-begun">ยังไม่ถึง</span>') == 25 * 3
        # On 1 July the daily job rescores July: now the letter's C for a month not reported.
        clock(2025, 7, 1, 0, 10)
        with django_capture_on_commit_callbacks(execute=True):
            begun = periods_begun()
        assert begun == [july[0].rubric_id]
        assert {r.total for r in july.all()} == {3}
        transaction.set_rollback(True)
