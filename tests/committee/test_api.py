from decimal import Decimal as D

import pytest
from django.urls import reverse

from committee.models import ScoreChange, Source

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
    assert response.json()["th"].startswith("มีผู้แก้ไขก่อนหน้าคุณ")


def test_api_post_not_allowed_level_400(member_api):
    body = {"province": "TH-50", "criterion": "4.1.1", "points": "2", "expected_version": 0}
    response = member_api.post(URL, body, format="json")
    assert (response.status_code, response.json()["en"]) == (
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
    assert "/api/v1/years/{year}/judgments/" in schema
    assert "JudgmentInput" in schema
