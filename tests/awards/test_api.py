"""POST /api/v1/years/<contest>/documents/: a breakdown names one of the CONTEST's entrants.

A district contest's breakdown for one of its districts is queued, rendered and downloadable as a real PDF;
any code that is not one of the contest's entrants (a province, another office's district) is a 400 with a
Thai-first message and nothing is queued, never a 202 and then a failed document.
"""

import pytest

from awards.models import GeneratedDocument
from people.models import Role
from scoring.models import Standing
from tests.factories import DistrictFactory, UserFactory

URL = "/api/v1/years/cm-web-2564/documents/"


def _refusal(code: str, th: str, en: str) -> dict:
    return {
        "type": "validation_error",
        "errors": [{"code": code, "detail": f"{th} / {en}", "th": th, "en": en, "attr": "province"}],
    }


@pytest.mark.parametrize("code", ["TH-50", "TH-83", "9999"])
def test_code_that_is_not_one_of_the_contests_entrants_is_refused_400(code, contest, organiser, api):
    api.force_authenticate(organiser)

    response = api.post(URL, {"kind": "breakdown", "province": code}, format="json")

    assert (response.status_code, response.json()) == (
        400,
        _refusal(
            "not_entrant",
            f"รหัส {code} ไม่ใช่ผู้เข้าประกวดของการประกวดนี้",
            f"{code} is not an entrant of this contest",
        ),
    )
    assert not GeneratedDocument.objects.exists()


def test_another_offices_district_is_not_an_entrant_either(contest, organiser, phuket, api):
    elsewhere = DistrictFactory(parent=phuket)
    api.force_authenticate(organiser)

    response = api.post(URL, {"kind": "breakdown", "province": elsewhere.code}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "not_entrant"


def test_entrant_without_a_result_is_refused_before_anything_is_queued(contest, districts, organiser, api):
    Standing.objects.filter(rubric=contest, unit=districts[1]).delete()
    api.force_authenticate(organiser)

    response = api.post(URL, {"kind": "breakdown", "province": districts[1].code}, format="json")

    assert (response.status_code, response.json()) == (
        400,
        _refusal(
            "no_result", "สันทราย ยังไม่มีผลคะแนนในการประกวดนี้", f"{districts[1].name_en} has no result in this contest yet"
        ),
    )
    assert not GeneratedDocument.objects.exists()


def test_national_breakdown_still_takes_a_province(central_user, api, django_capture_on_commit_callbacks):
    api.force_authenticate(central_user)

    with django_capture_on_commit_callbacks(execute=False):
        response = api.post("/api/v1/years/2566/documents/", {"kind": "breakdown", "province": "TH-50"}, format="json")

    assert (response.status_code, response.json()["scope"], response.json()["status"]) == (202, "TH-50", "pending")


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("other_office", 404), ("other_organiser", 404), ("committee", 404), ("entrant", 404)],
)
def test_breakdown_request_as_anyone_else(who, status, contest, districts, phuket, api):
    users = {
        "other_office": lambda: UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "other_organiser": lambda: UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "committee": lambda: UserFactory(role=Role.COMMITTEE),
        "entrant": lambda: UserFactory(role=Role.OFFICE_STAFF, role__unit=districts[0]),
    }
    if who in users:
        api.force_authenticate(users[who]())

    response = api.post(URL, {"kind": "breakdown", "province": districts[0].code}, format="json")

    assert response.status_code == status
    assert response.json()["type"] == "client_error"
    if status == 401:
        assert response["WWW-Authenticate"] == "Token"
    assert not GeneratedDocument.objects.exists()
