"""The stages in the admin: read-only, Thai first, dates in B.E.; central staff see every stage
and pick, an organiser its own stage and those below with the picks under its office; a pick is made only on
the stage's page through the service, so nobody adds, changes or deletes one here."""

import pytest
from django.urls import reverse

from contests.actor import actor_of
from people.models import Role
from stages.data import register_import
from stages.models import PastModel, RegisterSource, Stage, StageEntry
from stages.services import stage_select
from tests.factories import SubdistrictFactory, UserFactory
from tests.stages.stage_support import chain_fixtures, load_chain, organiser

pytestmark = pytest.mark.django_db

STAGES, PICKS = reverse("admin:stages_stage_changelist"), reverse("admin:stages_stageentry_changelist")
# The session, its user and membership; the scope (the staged contests and their stages) read for the rows,
# the filter's choices and the detail of each; two counts; the page's rows with their unit, province, picking
# office, stage and recorder in one; the navigation's latest year: however many picks.
QUERIES = 15  # +1: the bell's unread count (notices)
REGISTER, SOURCES = reverse("admin:stages_pastmodel_changelist"), reverse("admin:stages_registersource_changelist")


def picked_chain():
    """The chain with a pick by each district office, and Chiang Mai's pick of Rim Nuea for the region."""
    chain = load_chain()
    for district, unit in (
        (chain.mae_rim, chain.rim_nua),
        (chain.hang_dong, chain.nong_kwai),
        (chain.kathu, chain.patong),
    ):
        stage_select(actor=actor_of(organiser(district)), contest=chain.district_stage, units=[unit])
    stage_select(actor=actor_of(organiser(chain.mae_rim.parent)), contest=chain.region_stage, units=[chain.rim_nua])
    return chain


built, chain = chain_fixtures(picked_chain)


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def listed(client, user, url) -> str:
    response = get(client, user, url)
    assert response.status_code == 200
    return response.content.decode()


def test_central_staff_see_both_stages_with_their_deadlines_in_be(client, chain, central_user):
    response = get(client, central_user, STAGES)
    stages = response.context["cl"].queryset
    assert sorted(s.contest.slug for s in stages) == ["model-subdistrict-2565", "model-subdistrict-region-2565"]
    body = response.content.decode()
    assert "๑๕ ธ.ค. ๒๕๖๔" in body  # "ภายใน วันที่ 15 ธันวาคม", read as 2564 (docs/contests.md)
    assert "แยกตามเขตตรวจราชการ" in body and "within each inspection region" not in body  # Thai alone
    detail = listed(client, central_user, reverse("admin:stages_stage_change", args=[chain.region_stage.stage.pk]))
    assert "ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด" in detail and "๓๑ พ.ค. ๒๕๖๕" in detail
    assert "แก้ในไฟล์นั้น" in detail and 'name="quota"' not in detail  # read-only: set by stages.json


def test_a_district_organiser_sees_only_its_stage_and_its_own_pick(client, chain):
    user = organiser(chain.mae_rim)
    assert [s.contest.slug for s in get(client, user, STAGES).context["cl"].queryset] == ["model-subdistrict-2565"]
    picks = get(client, user, PICKS).context["cl"].queryset
    assert [(p.stage.contest.slug, p.unit.name_en) for p in picks] == [("model-subdistrict-2565", "Rim Nuea")]
    region_page = reverse("admin:stages_stage_change", args=[chain.region_stage.stage.pk])
    assert get(client, user, region_page).status_code == 302  # "doesn't exist": to the admin's index


def test_a_province_sees_its_stage_and_the_stage_below_with_its_districts_picks(client, chain):
    user = organiser(chain.mae_rim.parent)
    stages = get(client, user, STAGES).context["cl"].queryset
    assert sorted(s.contest.slug for s in stages) == ["model-subdistrict-2565", "model-subdistrict-region-2565"]
    picks = get(client, user, PICKS).context["cl"].queryset
    assert sorted((p.stage.contest.slug, p.unit.name_en) for p in picks) == [
        ("model-subdistrict-2565", "Nong Khwai"),
        ("model-subdistrict-2565", "Rim Nuea"),
        ("model-subdistrict-region-2565", "Rim Nuea"),
    ]
    body = listed(client, user, PICKS)
    assert "๑ ธ.ค. ๒๕๖๔ ๑๐:๐๐ น." in body and "เขตตรวจราชการที่ ๑๕" in body


def test_another_province_never_sees_chiang_mais_picks(client, chain):
    phuket = organiser(chain.kathu.parent)
    picks = get(client, phuket, PICKS).context["cl"].queryset
    assert [p.unit.name_en for p in picks] == ["Patong"]
    rim_nua = StageEntry.objects.get(stage__contest=chain.district_stage, unit=chain.rim_nua)
    assert get(client, phuket, reverse("admin:stages_stageentry_change", args=[rim_nua.pk])).status_code == 302
    assert get(client, phuket, reverse("admin:stages_stageentry_history", args=[rim_nua.pk])).status_code == 302


@pytest.mark.parametrize("who", ["committee", "provincial", "chair"])
def test_no_one_else_opens_the_stages(client, chain, who, chiang_mai):
    user = UserFactory(role=Role(who), role__unit=chiang_mai if who == "provincial" else None)
    for url in (STAGES, PICKS, REGISTER, SOURCES):
        assert get(client, user, url).status_code in (302, 403), url


def test_nobody_adds_changes_or_deletes_a_pick_here(client, chain, central_user):
    entry = StageEntry.objects.get(stage__contest=chain.region_stage)
    stage = Stage.objects.get(contest=chain.region_stage)
    client.force_login(central_user)
    for url in (
        reverse("admin:stages_stageentry_add"),
        reverse("admin:stages_stageentry_delete", args=[entry.pk]),
        reverse("admin:stages_stage_add"),
        reverse("admin:stages_stage_delete", args=[stage.pk]),
    ):
        assert client.get(url).status_code == 403, url
    change = reverse("admin:stages_stageentry_change", args=[entry.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="unit"' not in page.content.decode()
    assert client.post(change, {"unit": chain.nong_kwai.pk}).status_code == 403
    assert client.post(PICKS, {"action": "delete_selected", "_selected_action": [entry.pk]}).status_code == 200
    assert StageEntry.objects.filter(pk=entry.pk, unit=chain.rim_nua).exists()
    assert ">เลือก/ถอนที่หน้านี้</a>" in client.get(STAGES).content.decode()


def test_the_register_central_staff_all_an_organiser_its_units(client, chain, central_user):
    other = SubdistrictFactory(parent=chain.kathu)
    csv = f"code,year,level\n{chain.rim_tai.code},2563,district\n{other.code},2562,province\n".encode()
    register_import(
        program="model-subdistrict", data=csv, filename="r.csv", source_name="ทะเบียนทดสอบ", user=central_user
    )
    assert PastModel.objects.count() == 2 and RegisterSource.objects.count() == 1
    assert get(client, central_user, REGISTER).context["cl"].result_count == 2
    assert "ทะเบียนทดสอบ" in listed(client, central_user, SOURCES)
    district = organiser(chain.mae_rim)
    assert [r.unit.name_en for r in get(client, district, REGISTER).context["cl"].queryset] == ["Rim Tai"]
    assert get(client, district, SOURCES).status_code == 403


def test_the_picks_list_costs_the_same_queries_however_many_picks(
    client, chain, central_user, django_assert_num_queries
):
    client.force_login(central_user)
    client.get(PICKS)  # warm: the session and the user
    with django_assert_num_queries(QUERIES):
        client.get(PICKS)
    at = StageEntry.objects.first().chosen_at
    for unit in (chain.rim_tai, chain.rim_klang):  # rows alone, as the list reads them (no quota here)
        StageEntry.objects.create(stage=chain.district_stage.stage, unit=unit, chooser=chain.mae_rim, chosen_at=at)
        chain.district_stage.entrants.add(unit)
    with django_assert_num_queries(QUERIES):
        assert client.get(PICKS).context["cl"].result_count == 6
