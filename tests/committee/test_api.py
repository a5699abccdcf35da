from decimal import Decimal as D

import pytest
from django.urls import reverse

from committee.models import Judgment, ScoreChange, Source
from scoring import snapshots
from scoring.recompute import standings_recompute

URL = reverse("api-judgments", args=[2566])


@pytest.fixture
def member_api(api, members):
    api.force_authenticate(members[0])
    return api


def test_api_post_judgment_saved_and_audited_as_api(member_api, members):
    response = member_api.post(
        URL, {"province": "TH-50", "criterion": "3.1", "items": ["1", "3"], "expected_version": 0}, format="json"
    )
    change = ScoreChange.objects.get()
    assert response.status_code == 200
    assert {k: response.json()[k] for k in ("province", "criterion", "points", "items", "version")} == {
        "province": "TH-50",
        "criterion": "3.1",
        "points": "3.00",
        "items": ["1", "3"],
        "version": 1,
    }
    assert (change.source, change.changed_by, change.new_points) == (Source.API, members[0], D(3))


def test_api_post_stale_version_409_with_thai_first_message(member_api):
    body = {"province": "TH-50", "criterion": "4.1.1", "points": "3", "expected_version": 0}
    member_api.post(URL, body, format="json")
    response = member_api.post(URL, {**body, "points": "5"}, format="json")
    assert response.status_code == 409
    [error] = response.json()["errors"]
    assert error["code"] == "stale_version"
    assert error["th"].startswith("มีผู้แก้ไขก่อนหน้าคุณ")


def test_api_post_judgment_in_a_frozen_year_is_409_state_refusal(member_api, rubric, central_user):
    """The body is fine, the year's state is not: 409 client_error year_frozen, as the evidence API answers."""
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    body = {"province": "TH-50", "criterion": "4.1.1", "points": "3", "expected_version": 0}

    response = member_api.post(URL, body, format="json")

    assert response.status_code == 409
    assert response.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "year_frozen",
                "detail": "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล"
                " / the 2566 results are frozen: no changes until central staff unfreeze them",
                "th": "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล",
                "en": "the 2566 results are frozen: no changes until central staff unfreeze them",
                "attr": None,
            }
        ],
    }
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)


def test_api_post_not_allowed_level_400(member_api):
    body = {"province": "TH-50", "criterion": "4.1.1", "points": "2", "expected_version": 0}
    response = member_api.post(URL, body, format="json")
    assert (response.status_code, response.json()["errors"][0]["en"]) == (
        400,
        "criterion 4.1.1: 2 is not an allowed score (0, 1, 3, 5)",
    )


def test_api_get_lists_only_own_judgments(member_api, judge, members, chiang_mai, phuket):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], phuket, "4.1.1", points="5")
    assert [(r["province"], r["points"]) for r in member_api.get(URL).json()] == [("TH-50", "3.00")]


def test_api_judgments_in_openapi_schema(client, central_user):
    client.force_login(central_user)
    schema = client.get(reverse("schema")).content.decode()
    assert "/api/v1/years/{key}/judgments/" in schema
    assert "JudgmentInput" in schema


def test_openapi_declares_a_frozen_year_409_on_every_write_it_refuses(client, central_user):
    client.force_login(central_user)
    paths = client.get(reverse("schema"), {"format": "json"}).json()["paths"]
    writes = [
        ("/api/v1/years/{key}/judgments/", "post"),
        ("/api/v1/years/{key}/facts/", "post"),
        ("/api/v1/contests/{slug}/nominees/{code}/", "post"),
        ("/api/v1/contests/{slug}/nominees/{code}/", "delete"),
        ("/api/v1/years/{key}/evidence/", "post"),
    ]
    for path, method in writes:
        assert "409" in paths[path][method]["responses"], (path, method)


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"province": "TH-50", "criterion": "4.1.1", "points": "abc", "expected_version": -1},
            [("invalid", "points", "ต้องเป็นตัวเลข"), ("min_value", "expected_version", "ต้องไม่น้อยกว่า 0")],
        ),
        (
            {"criterion": "4.1.1", "items": [None]},
            [
                ("required", "province", "ต้องระบุข้อมูลนี้"),
                ("required", "expected_version", "ต้องระบุข้อมูลนี้"),  # the top level first, then what is nested
                ("null", "items.0", "ข้อมูลนี้เป็นค่าว่าง (null) ไม่ได้"),
            ],
        ),
    ],
)
def test_api_post_invalid_body_400_in_the_documented_shape(member_api, body, errors):
    response = member_api.post(URL, body, format="json")

    assert (response.status_code, response.json()["type"]) == (400, "validation_error")
    assert [(e["code"], e["attr"], e["th"]) for e in response.json()["errors"]] == errors


def test_api_post_refused_score_names_its_code(member_api):
    body = {"province": "TH-50", "criterion": "4.1.1", "points": "2", "expected_version": 0}
    [error] = member_api.post(URL, body, format="json").json()["errors"]
    assert (error["code"], error["th"]) == ("refused", "ตัวชี้วัด 4.1.1: คะแนน 2 ไม่ใช่ระดับที่กำหนด (0, 1, 3, 5)")
