"""Which unit: a conflict covers every unit under the conflicted one, and a panel's member never
judges their own office's units, on every path (matrix, score screen, API, services, lists); and a conflict
can be declared on any unit in the admin.

The Department's regional stage (model-subdistrict-region-2565) is entered by subdistricts: Rim Nuea and
Nong Khwai of Chiang Mai, Patong of Phuket (tests/stages/stage_support.py)."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from committee import panels, services
from committee.errors import Conflicted
from committee.models import Judgment
from contests.actor import actor_of
from contests.models import Unit
from people.models import Conflict, Role
from rubrics import services as scoring_services
from rubrics.models import ContestPeriod
from stages.services import stage_select
from tests.factories import SubdistrictFactory, UserFactory
from tests.stages.stage_support import chain_fixtures, load_chain, organiser

pytestmark = pytest.mark.django_db

REGION = "model-subdistrict-region-2565"


def picked_chain():
    """The chain and each office's picks for its stage, on the picks' day (due by 15 December 2564)."""
    chain = load_chain()
    for office, contest, units in [
        (chain.mae_rim, chain.district_stage, [chain.rim_nua]),
        (chain.hang_dong, chain.district_stage, [chain.nong_kwai]),
        (chain.kathu, chain.district_stage, [chain.patong]),
        (chain.mae_rim.parent, chain.region_stage, [chain.rim_nua, chain.nong_kwai]),
        (chain.kathu.parent, chain.region_stage, [chain.patong]),
    ]:
        stage_select(actor=actor_of(organiser(office)), contest=contest, units=units)
    chain.rubric = ContestPeriod.objects.get(contest=chain.region_stage)
    return chain


built, chain = chain_fixtures(picked_chain)  # once for the module; each test on the picks' day


def member_with_conflict(central_user, unit: Unit | None):
    member = UserFactory(role=Role.COMMITTEE)
    if unit is not None:
        services.conflict_set(by=central_user, member=member, unit=unit, conflicted=True, reason="บ้านเกิด")
    return member


def matrix_units(user, rubric) -> set[str]:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("admin:committee_matrix"), {"year": rubric.key})
    assert response.status_code == 200
    return {unit.name_en for unit, _ in response.context["rows"]}


def api_post(user, unit: Unit):
    api = APIClient()
    api.force_authenticate(user)
    body = {"province": unit.code, "criterion": "1.1", "points": "10", "expected_version": 0}
    return api.post(reverse("api-judgments", args=[REGION]), body, format="json")


CHIANG_MAI_UNITS = {"Rim Nuea", "Nong Khwai"}


@pytest.mark.parametrize(
    ("conflict", "seen"),
    [
        ("TH-50", {"Patong"}),  # the finding: a conflict on the province covers its subdistricts
        ("mae_rim", {"Nong Khwai", "Patong"}),  # on a district: its subdistricts only
        ("rim_nua", {"Nong Khwai", "Patong"}),  # at the level the contest is entered
        ("TH-83", CHIANG_MAI_UNITS),  # control: another province
        (None, CHIANG_MAI_UNITS | {"Patong"}),  # control: no conflict
    ],
)
def test_a_conflict_hides_every_unit_under_it_from_the_matrix(chain, central_user, conflict, seen):
    unit = getattr(chain, conflict) if conflict and not conflict.startswith("TH-") else None
    unit = unit or (Unit.objects.get(code=conflict) if conflict else None)
    member = member_with_conflict(central_user, unit)
    assert matrix_units(member, chain.rubric) == seen
    assert matrix_units(central_user, chain.rubric) == CHIANG_MAI_UNITS | {"Patong"}  # the organiser: all


def test_a_member_conflicted_on_the_province_cannot_open_or_score_its_subdistricts(chain, central_user, chiang_mai):
    member = member_with_conflict(central_user, chiang_mai)
    client = Client()
    client.force_login(member)
    url = reverse("admin:committee_score", args=[chain.rubric.key, chain.rim_nua.code, "1.1"])
    posted = client.post(url, {"action": "judge", "points": "10", "expected_version": "0"})
    assert (client.get(url).status_code, posted.status_code) == (404, 404)
    assert api_post(member, chain.nong_kwai).status_code == 404
    with pytest.raises(Conflicted):
        services.judgment_record(
            member=member, rubric=chain.rubric, unit=chain.rim_nua, criterion_code="1.1", points="10",
            expected_version=0,
        )  # fmt: skip
    assert not Judgment.objects.filter(member=member).exists()
    # The control: Phuket's subdistrict, on every path.
    patong = reverse("admin:committee_score", args=[chain.rubric.key, chain.patong.code, "1.1"])
    assert client.get(patong).status_code == 200
    response = api_post(member, chain.patong)
    assert (response.status_code, response.json()["version"]) == (200, 1)
    judged = Judgment.objects.filter(member=member).values_list("unit__name_en", "points")
    assert list(judged) == [("Patong", Decimal("10"))]


@pytest.fixture
def cm_subdistricts(chain, chiang_mai):
    """Chiang Mai's own contest among its three subdistricts, judged by a panel of district offices."""
    data = json.loads(open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8").read())
    entrants = [chain.rim_nua, chain.rim_tai, chain.nong_kwai]
    data["contest"] = {
        **data["contest"], "slug": "cm-subdistrict-2565", "organiser": "50", "entrants": [u.code for u in entrants],
    }  # fmt: skip
    rubric = scoring_services.rubric_load(data=data)
    run = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = {
        "mae_rim": chain.mae_rim, "hang_dong": chain.hang_dong, "province": chiang_mai,
        "subdistrict": chain.rim_tai, "outside": SubdistrictFactory(parent=chain.hang_dong),
    }  # fmt: skip
    users = {name: UserFactory(role=Role.OFFICE_STAFF, role__unit=unit) for name, unit in staff.items()}
    for name, user in users.items():
        panels.panelist_appoint(by=run, contest=rubric.contest, user=user, is_chair=name == "mae_rim")
    return rubric, run, users


@pytest.mark.parametrize(
    ("who", "seen"),
    [
        ("mae_rim", {"Nong Khwai"}),  # the finding: a district office judged its own district's subdistricts
        ("subdistrict", {"Rim Nuea", "Nong Khwai"}),  # an entrant's own staff: as before
        ("hang_dong", {"Rim Nuea", "Rim Tai"}),  # control: the other district
        ("outside", {"Rim Nuea", "Rim Tai", "Nong Khwai"}),  # control: a unit that enters nothing
        ("province", {"Rim Nuea", "Rim Tai", "Nong Khwai"}),  # the organising office's own staff
    ],
)
def test_a_panelist_never_sees_or_scores_the_units_under_their_office(chain, cm_subdistricts, who, seen):
    rubric, run, users = cm_subdistricts
    user = users[who]
    assert matrix_units(user, rubric) == seen
    assert matrix_units(run, rubric) == {"Rim Nuea", "Rim Tai", "Nong Khwai"}  # the organiser: all
    client = Client()
    client.force_login(user)
    for unit in (chain.rim_nua, chain.rim_tai, chain.nong_kwai):
        url = reverse("admin:committee_score", args=[rubric.key, unit.code, "1.1"])
        assert client.get(url).status_code == (200 if unit.name_en in seen else 404), unit.name_en
        if unit.name_en not in seen:
            with pytest.raises(Conflicted):
                services.judgment_record(
                    member=user, rubric=rubric, unit=unit, criterion_code="1.1", points="5", expected_version=0
                )
    assert not Judgment.objects.filter(member=user).exclude(unit__name_en__in=seen).exists()


def test_the_panels_chair_lists_no_judgment_of_their_own_districts_units(chain, cm_subdistricts):
    rubric, run, users = cm_subdistricts
    for unit in (chain.rim_nua, chain.nong_kwai):
        services.judgment_record(
            member=users["outside"], rubric=rubric, unit=unit, criterion_code="1.1", points="5", expected_version=0
        )
    seen = Judgment.objects.for_contests(users["mae_rim"]).values_list("unit__name_en", flat=True)
    assert list(seen) == ["Nong Khwai"]
    everyone = Judgment.objects.for_contests(run).values_list("unit__name_en", flat=True)
    assert set(everyone) == {"Rim Nuea", "Nong Khwai"}  # the organiser: all


def test_a_conflict_recorded_after_a_score_hides_that_score_from_the_member(chain, cm_subdistricts, central_user):
    rubric, _, users = cm_subdistricts
    member = users["outside"]
    services.judgment_record(
        member=member, rubric=rubric, unit=chain.rim_nua, criterion_code="1.1", points="5", expected_version=0
    )
    services.conflict_set(by=central_user, member=member, unit=chain.mae_rim, conflicted=True)
    assert not Judgment.objects.for_member(member, rubric).exists()
    assert not Judgment.objects.for_contests(member).exists()
    api = APIClient()
    api.force_authenticate(member)
    assert api.get(reverse("api-judgments", args=[rubric.key])).json() == []


@pytest.mark.parametrize("role", ["anonymous", "other_organiser", "panelist", "conflicted"])
def test_only_central_staff_declare_a_conflict_on_a_unit(chain, cm_subdistricts, central_user, phuket, role):
    users = cm_subdistricts[2]
    member = member_with_conflict(central_user, None)
    actors = {
        "anonymous": None,
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "panelist": users["hang_dong"],
        "conflicted": member_with_conflict(central_user, chain.mae_rim),
    }
    client = Client()
    if actors[role] is not None:
        client.force_login(actors[role])
    form = {"member": member.pk, "unit": chain.rim_nua.pk, "reason": "x"}
    response = client.post(reverse("admin:people_conflict_add"), form)
    assert response.status_code in (302, 403) and not Conflict.objects.filter(member=member).exists()
    with pytest.raises(PermissionDenied):
        services.conflict_set(by=actors[role] or member, member=member, unit=chain.rim_nua, conflicted=True)


def test_the_admin_declares_a_conflict_on_any_unit_found_by_search(chain, central_user):
    member = member_with_conflict(central_user, None)
    client = Client()
    client.force_login(central_user)
    form_page = client.get(reverse("admin:people_conflict_add")).content.decode()
    assert '<label class="required" for="id_unit">หน่วยงาน:</label>' in form_page
    search = {"term": "Rim", "app_label": "people", "model_name": "conflict", "field_name": "unit"}
    found = client.get(reverse("admin:autocomplete"), search).json()["results"]
    assert {row["id"] for row in found} >= {str(chain.rim_nua.pk), str(chain.mae_rim.pk)}
    form = {"member": member.pk, "unit": chain.mae_rim.pk, "reason": "เคยทำงานที่อำเภอนี้"}
    assert client.post(reverse("admin:people_conflict_add"), form).status_code == 302
    assert Conflict.objects.get(member=member).unit == chain.mae_rim
    assert matrix_units(member, ContestPeriod.objects.get(contest=chain.region_stage)) == {"Nong Khwai", "Patong"}


def test_the_chairs_progress_counts_no_unit_under_a_members_conflict(chain, central_user, chiang_mai):
    from submissions.services import evidence_submit

    for unit in (chain.rim_nua, chain.nong_kwai, chain.patong):
        staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
        evidence_submit(user=staff, rubric=chain.rubric, unit=unit, criterion_code="1.1", url="https://example.org/")
    conflicted, free = member_with_conflict(central_user, chiang_mai), member_with_conflict(central_user, None)
    client = Client()
    client.force_login(UserFactory(role=Role.CHAIR))
    progress = client.get(reverse("admin:committee_matrix"), {"year": chain.rubric.key}).context["progress"]
    assert {(p.who, p.total) for p in progress} == {(conflicted.username, 1), (free.username, 3)}
