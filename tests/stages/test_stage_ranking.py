"""Seed 002's regional stage runs in each of the 18 inspection regions: its entrants are ranked
within their region, each region from rank 1 with its own award lines, and every page, export and API row
of it names the region. The district stage below still ranks all its picks together."""

import json
from decimal import Decimal

import pytest

from committee.services import judgment_record
from contests.actor import actor_of
from contests.models import Unit
from contests.region_ranking import RankWithin
from core.sheets import exporter
from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod
from scoring import snapshots
from scoring.models import Standing
from scoring.recompute import standings_recompute
from scoring.standings import standings_rows
from stages.data import stages_load
from stages.models import Stage
from stages.services import stage_select, stage_withdraw
from tests.factories import PASSWORD, UserFactory
from tests.stages.stage_support import chain_fixtures, load_chain, organiser

pytestmark = pytest.mark.django_db

REGION_6, REGION_15 = "เขตตรวจราชการที่ 6", "เขตตรวจราชการที่ 15"  # Phuket's, Chiang Mai's (the exports' digits)
ON_PAGE_6, ON_PAGE_15 = "เขตตรวจราชการที่ ๖", "เขตตรวจราชการที่ ๑๕"  # a Thai page's


def pick(office, contest, *units):
    stage_select(actor=actor_of(organiser(office)), contest=contest, units=list(units))


def judge(rubric: ContestPeriod, marks: dict[Unit, int]) -> None:
    """Two committee members give each entrant `points` on criterion 1.1 (of 20); the rest stay 0."""
    members = [UserFactory(role=Role.COMMITTEE) for _ in range(2)]
    for unit, points in marks.items():
        for member in members:
            judgment_record(
                member=member, rubric=rubric, unit=unit, criterion_code="1.1", points=points, expected_version=0
            )
    standings_recompute(rubric_id=rubric.pk)


def ranked_chain():
    """The chain with the regional stage's prize, three picks judged and ranked within their regions."""
    chain = load_chain()
    first = ContestPeriod.objects.get(contest__slug="model-subdistrict-region-2565")
    chain.rubric_names = first.name_th, first.name_en
    # As the guide names no prize at the regional level, the stage gets one here: the best of each region.
    data = json.loads(open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": chain.region_stage.slug}
    data["name_th"], data["name_en"] = chain.rubric_names
    data["awards"] = [{**data["awards"][0], "code": "regional_best", "count": 1}]
    services.rubric_load(data=data, reason="รางวัลระดับภาค")  # an open contest's change says why
    pick(chain.mae_rim, chain.district_stage, chain.rim_nua)
    pick(chain.hang_dong, chain.district_stage, chain.nong_kwai)
    pick(chain.kathu, chain.district_stage, chain.patong)
    pick(chain.mae_rim.parent, chain.region_stage, chain.rim_nua, chain.nong_kwai)
    pick(chain.kathu.parent, chain.region_stage, chain.patong)
    chain.rubric = ContestPeriod.objects.get(contest=chain.region_stage)
    judge(chain.rubric, {chain.rim_nua: 12, chain.nong_kwai: 18, chain.patong: 6})
    return chain


built, chain = chain_fixtures(ranked_chain)


def placed(rubric: ContestPeriod) -> dict[str, tuple]:
    rows = Standing.objects.filter(rubric=rubric).select_related("unit")
    return {r.unit.name_en: (r.rank, r.total, r.award) for r in rows}


def test_the_regional_stage_is_ranked_within_each_region(chain):
    assert Stage.objects.get(contest=chain.region_stage).rank_within == RankWithin.REGION
    assert placed(chain.rubric) == {
        "Patong": (1, Decimal("6.00"), "regional_best"),  # the lowest total, yet first in Phuket's region
        "Nong Khwai": (1, Decimal("18.00"), "regional_best"),
        "Rim Nuea": (2, Decimal("12.00"), ""),  # second to Nong Khwai in Chiang Mai's region
    }


def test_the_district_stage_still_ranks_all_its_picks_together(chain):
    below = ContestPeriod.objects.get(contest=chain.district_stage)
    assert Stage.objects.get(contest=chain.district_stage).rank_within == RankWithin.ALL
    judge(below, {chain.rim_nua: 12, chain.nong_kwai: 18, chain.patong: 6})
    assert {name: rank for name, (rank, _, _) in placed(below).items()} == {
        "Nong Khwai": 1,
        "Rim Nuea": 2,
        "Patong": 3,
    }
    assert all("region" not in row for row in standings_rows(below))


def test_standings_rows_name_the_region_and_come_region_by_region(chain):
    rows = standings_rows(chain.rubric)
    assert [(r["region"], r["region_name_th"], r["name_en"], r["rank"], r["award"]) for r in rows] == [
        (6, REGION_6, "Patong", 1, "regional_best"),
        (15, REGION_15, "Nong Khwai", 1, "regional_best"),
        (15, REGION_15, "Rim Nuea", 2, None),
    ]


def test_the_api_and_the_export_carry_the_region(chain, api, central_user):
    api.force_authenticate(central_user)
    body = api.get(f"/api/v1/years/{chain.rubric.key}/standings/").json()
    assert [(r["region"], r["region_name_en"], r["rank"]) for r in body] == [
        (6, "Inspection region 6", 1),
        (15, "Inspection region 15", 1),
        (15, "Inspection region 15", 2),
    ]
    content, _, _ = exporter.export(chain.rubric, "standings", "csv")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("เขตตรวจราชการ")
    assert [line.split(",")[:3] for line in lines[1:]] == [
        [REGION_6, "Inspection region 6", "1"],
        [REGION_15, "Inspection region 15", "1"],
        [REGION_15, "Inspection region 15", "2"],
    ]


def test_the_dashboard_shows_each_region_under_its_heading(client, chain, central_user):
    client.login(username=central_user.username, password=PASSWORD)
    body = client.get(f"/standings/{chain.rubric.key}/").content.decode()
    assert body.count('class="region-head"') == 2
    codes = [chain.patong.code, chain.nong_kwai.code, chain.rim_nua.code]
    at = [body.index(ON_PAGE_6), *(body.index(f'data-province="{c}"') for c in codes)]
    at.insert(2, body.index(ON_PAGE_15))
    assert at == sorted(at)  # region 6, Patong, region 15, Nong Khwai, Rim Nuea


def test_the_published_results_are_grouped_by_region(client, chain, central_user):
    snapshot = snapshots.standings_freeze(user=central_user, rubric=chain.rubric)
    snapshot.refresh_from_db()  # the preview shows the stored time
    snapshots.publication_publish(
        user=central_user, rubric=chain.rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    body = client.get(f"/standings/{chain.rubric.key}/results/").content.decode()
    assert body.count('class="region-head"') == 2
    assert body.index(ON_PAGE_6) < body.index("ป่าตอง") < body.index(ON_PAGE_15) < body.index("หนองควาย")
    assert body.index("หนองควาย") < body.index("ริมเหนือ")


def test_the_stage_page_ranks_each_pick_within_its_region_for_those_who_run_it(client, chain, central_user):
    url = f"/standings/stages/{chain.region_stage.slug}/"
    client.login(username=central_user.username, password=PASSWORD)
    body = client.get(url).content.decode()
    assert "ประกวดและจัดอันดับแยกในแต่ละเขตตรวจราชการ" in body
    assert body.index(ON_PAGE_6) < body.index(ON_PAGE_15)
    assert body.index("อันดับในเขต ๑</strong> · ๑๘ · หนองควาย") < body.index("อันดับในเขต ๒</strong>")
    client.logout()
    client.login(username=organiser(chain.mae_rim.parent).username, password=PASSWORD)
    body = client.get(url).content.decode()
    assert "หนองควาย" in body and "อันดับในเขต" not in body  # the province picks; the standing is not its


def test_a_withdrawn_pick_leaves_the_standings(chain):
    below = ContestPeriod.objects.get(contest=chain.district_stage)
    assert Standing.objects.filter(rubric=below).count() == 3
    stage_withdraw(actor=actor_of(organiser(chain.mae_rim.parent)), contest=chain.region_stage, unit=chain.rim_nua)
    assert set(Standing.objects.filter(rubric=chain.rubric).values_list("unit__name_en", flat=True)) == {
        "Nong Khwai",
        "Patong",
    }


def test_loading_the_rubric_again_keeps_the_picks_as_entrants(chain):
    # bootstrap reloads every rubric file on each start; seed 002's names no entrants, its picks are them.
    services.rubric_load(
        data=json.loads(open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8").read())
    )
    below = ContestPeriod.objects.get(contest=chain.district_stage)
    assert set(chain.district_stage.entrants.values_list("name_en", flat=True)) == {"Rim Nuea", "Nong Khwai", "Patong"}
    assert Standing.objects.filter(rubric=below).count() == 3


def test_loading_the_stages_again_makes_the_picks_the_entrants(chain):
    chain.district_stage.entrants.clear()  # as a reload of the rubric file did before it kept them
    stages_load()
    assert set(chain.district_stage.entrants.values_list("name_en", flat=True)) == {"Rim Nuea", "Nong Khwai", "Patong"}
    assert Standing.objects.filter(rubric__contest=chain.district_stage).count() == 3
