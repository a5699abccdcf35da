"""A contest's nominees through the API (seed 001's IT role model): read what the caller may see, and set
an office's nominee through nominee_submit, with its refusals answered 400/403/404 as elsewhere."""

import pytest

from nominees.models import Nominee, NomineeVersion
from nominees.services import nominee_submit
from people.models import Role
from rubrics import services
from scoring import snapshots
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory, UserFactory

from .test_contests_nominees import itmodel_data

LIST = "/api/v1/contests/cm-itmodel-2564/nominees/"
# An edit of d1's nominee (the world's "นายอนุชา บุญมา"): the same person, a new position.
BODY = {"name_th": "นายอนุชา บุญมา", "position_th": "นักวิชาการพัฒนาชุมชนปฏิบัติการ", "employment": "civil_servant"}


def body(unit, **changes) -> dict:
    return {**BODY, "office": unit.code, **changes}


@pytest.fixture
def world(db, chiang_mai, phuket, clock):
    clock(2021, 7, 1, 9, 0)  # before the contest's deadline, 20 July 2564, unless a test moves it
    d1, d2 = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="สันทราย")
    rubric = services.rubric_load(data=itmodel_data(d1.code, d2.code))
    users = {
        "own": UserFactory(role=Role.OFFICE_STAFF, role__unit=d1),
        "other_district": UserFactory(role=Role.OFFICE_STAFF, role__unit=d2),
        "other_province": UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "committee": UserFactory(role=Role.COMMITTEE),
        "central": UserFactory(role=Role.CENTRAL),
    }
    for unit, name in ((d1, "นายอนุชา บุญมา"), (d2, "นางวิไลวรรณ ศรีสุข")):
        nominee_submit(
            user=users["organiser"], contest=rubric.contest, unit=unit, name_th=name, position_th="นักวิชาการ",
            employment="civil_servant", office=unit.code,
        )  # fmt: skip
    return rubric, d1, d2, users


def as_(api, users, who):
    if who is not None:
        api.force_authenticate(users[who])
    return api


@pytest.mark.parametrize(
    ("who", "status", "units"),
    [
        ("own", 200, ["d1"]),
        ("other_district", 200, ["d2"]),
        ("organiser", 200, ["d1", "d2"]),
        ("central", 200, ["d1", "d2"]),
        ("other_province", 404, None),
        ("other_organiser", 404, None),
        ("committee", 404, None),
        (None, 401, None),
    ],
)
def test_the_list_shows_what_the_caller_may_see(api, world, who, status, units, django_assert_max_num_queries):
    _, d1, d2, users = world
    codes = [{"d1": d1, "d2": d2}[u].code for u in units] if units else None
    with django_assert_max_num_queries(8):
        response = as_(api, users, who).get(LIST)
    assert response.status_code == status
    if codes is not None:
        named = {d1.code: "นายอนุชา บุญมา", d2.code: "นางวิไลวรรณ ศรีสุข"}
        assert [(row["unit"], row["name_th"]) for row in response.json()] == [
            (c, named[c]) for c in sorted(codes)
        ]  # by office code


def test_a_row_says_who_and_which_office(api, world):
    _, d1, _, users = world
    row = as_(api, users, "own").get(LIST).json()[0]
    assert row == {
        "unit": d1.code,
        "unit_name_th": "แม่ริม",
        "unit_name_en": d1.name_en,
        "name_th": "นายอนุชา บุญมา",
        "position_th": "นักวิชาการ",
        "name_en": "",
        "employment": "civil_servant",
        "office": d1.code,
        "state": "active",
        "version": 1,
        "submitted_at": "2021-07-01T09:00:00+07:00",
    }


@pytest.mark.parametrize(("who", "status"), [("own", 200), ("organiser", 200), ("central", 200)])
def test_the_office_or_whoever_runs_the_contest_sets_the_nominee(api, world, who, status):
    _, d1, _, users = world
    response = as_(api, users, who).post(f"{LIST}{d1.code}/", body(d1), format="json")
    assert response.status_code == status
    assert (response.json()["position_th"], response.json()["version"]) == ("นักวิชาการพัฒนาชุมชนปฏิบัติการ", 2)
    nominee = Nominee.objects.get(unit=d1)
    assert (nominee.position_th, nominee.submitted_by) == ("นักวิชาการพัฒนาชุมชนปฏิบัติการ", users[who])
    assert NomineeVersion.objects.filter(nominee=nominee).count() == 2


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_district", 404), ("other_province", 404), ("other_organiser", 404), ("committee", 404), (None, 401)],
)
def test_others_cannot_set_it(api, world, who, status):
    _, d1, _, users = world
    assert as_(api, users, who).post(f"{LIST}{d1.code}/", body(d1), format="json").status_code == status
    assert Nominee.objects.get(unit=d1).version == 1


def test_a_blank_name_is_refused_400_thai_first(api, world):
    _, d1, _, users = world
    response = as_(api, users, "own").post(f"{LIST}{d1.code}/", body(d1, name_th=" "), format="json")
    assert response.status_code == 400
    assert response.json() == {  # the API's one error shape (core.api, docs/api.md)
        "type": "validation_error",
        "errors": [
            {
                "code": "refused",
                "detail": "กรุณากรอกชื่อ-นามสกุล / please enter the full name",
                "th": "กรุณากรอกชื่อ-นามสกุล",
                "en": "please enter the full name",
                "attr": "name_th",
            }
        ],
    }


def test_after_the_deadline_the_office_gets_400_and_the_organiser_still_corrects(api, world, clock):
    _, d1, _, users = world
    clock(2021, 7, 21, 9, 0)
    response = as_(api, users, "own").post(f"{LIST}{d1.code}/", body(d1), format="json")
    [error] = response.json()["errors"]
    assert (response.status_code, error["code"]) == (400, "nominations_closed")
    assert error["th"] == "ปิดรับการเสนอชื่อแล้ว (กำหนดส่ง ๒๐ ก.ค. ๒๕๖๔) ผู้จัดการประกวดยังแก้ไขได้จนกว่าจะตรึงผล"
    assert as_(api, users, "organiser").post(f"{LIST}{d1.code}/", body(d1), format="json").status_code == 200
    assert Nominee.objects.get(unit=d1).version == 2


def test_a_frozen_year_is_409_for_the_organiser(api, world):
    rubric, d1, _, users = world
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=users["central"], rubric=rubric)
    response = as_(api, users, "organiser").post(f"{LIST}{d1.code}/", body(d1), format="json")
    assert (response.status_code, response.json()["type"], response.json()["errors"][0]["code"]) == (
        409,
        "client_error",
        "year_frozen",
    )


def test_a_contest_without_nominees_or_unknown_is_404(api, world, central_user):
    api.force_authenticate(central_user)
    assert api.get("/api/v1/contests/cdd4-2566/nominees/").status_code == 404
    assert api.post("/api/v1/contests/cdd4-2566/nominees/TH-50/", BODY, format="json").status_code == 404
    assert api.get("/api/v1/contests/no-such-2564/nominees/").status_code == 404


def test_the_schema_documents_both_operations(api, central_user):
    api.force_authenticate(central_user)
    paths = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert set(paths["/api/v1/contests/{slug}/nominees/"]) == {"get"}
    assert set(paths["/api/v1/contests/{slug}/nominees/{code}/"]) == {"post", "delete"}


def test_the_list_costs_the_same_queries_however_many_nominees(api, world, chiang_mai, django_assert_num_queries):
    rubric, _, _, users = world
    api.force_authenticate(users["organiser"])
    with django_assert_num_queries(2):  # the contest's rubric, its nominees with their offices
        assert len(api.get(LIST).json()) == 2
    more = [DistrictFactory(parent=chiang_mai) for _ in range(3)]
    rubric.contest.entrants.add(*more)
    for unit in more:
        nominee_submit(
            user=users["organiser"], contest=rubric.contest, unit=unit, name_th="นายทดสอบ ระบบ", position_th="นักวิชาการ",
            employment="civil_servant", office=unit.code,
        )  # fmt: skip
    with django_assert_num_queries(2):
        assert len(api.get(LIST).json()) == 5


@pytest.mark.parametrize(
    ("body", "code", "attr"),
    [
        ({**BODY, "name_th": None}, "null", "name_th"),
        ([BODY], "invalid", None),
        ({**BODY, "name_en": []}, "invalid", "name_en"),
    ],
)
def test_a_malformed_body_is_400_in_the_documented_shape(api, world, body, code, attr):
    _, d1, _, users = world
    response = as_(api, users, "own").post(f"{LIST}{d1.code}/", body, format="json")
    [error] = response.json()["errors"]
    assert (response.status_code, response.json()["type"], error["code"], error["attr"]) == (
        400,
        "validation_error",
        code,
        attr,
    )
    assert error["detail"] == f"{error['th']} / {error['en']}"
    assert error["th"] != error["en"]


# Who qualifies (seed 001: "ข้าราชการในสังกัดสำนักงานพัฒนาชุมชนอำเภอ … อำเภอละ ๑ คน"), refused beside the field.
@pytest.mark.parametrize(
    ("changes", "attr", "th"),
    [
        (
            {"employment": "government_employee"},
            "employment",
            "ผู้ได้รับการเสนอชื่อต้องเป็นข้าราชการ (ระบุไว้: พนักงานราชการ)",
        ),
        (
            {"office": "d2"},
            "office",
            "ผู้ได้รับการเสนอชื่อต้องปฏิบัติงานในสำนักงานพัฒนาชุมชนอำเภอแม่ริม (ระบุไว้: สำนักงานพัฒนาชุมชนอำเภอสันทราย)",
        ),
    ],
)
def test_one_who_does_not_qualify_is_400_beside_the_field(api, world, changes, attr, th):
    _, d1, d2, users = world
    changes = {k: (d2.code if v == "d2" else v) for k, v in changes.items()}
    response = as_(api, users, "own").post(f"{LIST}{d1.code}/", body(d1, **changes), format="json")
    [error] = response.json()["errors"]
    assert (response.status_code, error["code"], error["attr"], error["th"]) == (400, "not_eligible", attr, th)
    assert Nominee.objects.get(unit=d1).version == 1


def test_a_second_person_is_400_until_the_first_is_withdrawn(api, world):
    _, d1, d2, users = world
    as_(api, users, "own")
    response = api.post(f"{LIST}{d1.code}/", body(d1, name_th="นางสาวปิยะนุช แสงทอง"), format="json")
    [error] = response.json()["errors"]
    assert (response.status_code, error["code"], error["attr"]) == (400, "nominee_active", "name_th")
    assert error["th"].startswith("สำนักงานนี้เสนอชื่อนายอนุชา บุญมาไว้แล้ว (สำนักงานละ ๑ คน)")
    withdrawn = api.delete(f"{LIST}{d1.code}/")
    assert (withdrawn.status_code, withdrawn.json()["state"], withdrawn.json()["version"]) == (200, "withdrawn", 2)
    response = api.post(f"{LIST}{d1.code}/", body(d1, name_th="นางสาวปิยะนุช แสงทอง"), format="json")
    assert (response.status_code, response.json()["name_th"], response.json()["version"]) == (
        200,
        "นางสาวปิยะนุช แสงทอง",
        3,
    )
    assert api.delete(f"{LIST}{d2.code}/").status_code == 404  # another office's: not found for this office's staff


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_district", 404), ("other_province", 404), ("other_organiser", 404), ("committee", 404), (None, 401)],
)
def test_others_cannot_withdraw(api, world, who, status):
    _, d1, _, users = world
    assert as_(api, users, who).delete(f"{LIST}{d1.code}/").status_code == status
    assert Nominee.objects.get(unit=d1).state == "active"


def test_after_the_deadline_the_office_cannot_withdraw_but_the_organiser_can(api, world, clock):
    _, d1, _, users = world
    clock(2021, 7, 21, 9, 0)
    response = as_(api, users, "own").delete(f"{LIST}{d1.code}/")
    assert (response.status_code, response.json()["errors"][0]["code"]) == (400, "nominations_closed")
    assert as_(api, users, "organiser").delete(f"{LIST}{d1.code}/").status_code == 200
