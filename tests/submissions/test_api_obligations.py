"""The API gives a criterion's rounds as the schedule decides them: moved by a deadline's move, shifted off a
closed day, the same dates the criterion's page shows (an office's obligations, and the rubric endpoint)."""

import re
from datetime import date

from django.urls import reverse

from rubrics.timetable import criterion_deadline_set

SATURDAY = date(2023, 6, 17)  # 1.2's deadline brought forward from 30 June 2023 onto a day offices are closed
MONDAY = date(2023, 6, 19)


def _moved(rubric, central_user):
    criterion_deadline_set(user=central_user, rubric=rubric, code="1.2", deadline=SATURDAY, reason="ตามหนังสือกรม")


def test_an_offices_obligations_give_the_moved_rounds_the_criterion_page_shows(
    rubric, central_user, provincial_user, client, api
):
    _moved(rubric, central_user)
    client.force_login(provincial_user)
    page = client.get(reverse("submissions:criterion", args=[rubric.key, "TH-50", "1.2"])).content.decode()
    shown = re.findall(r'data-round-due="([^"]+)" data-key="([^"]+)"', page)
    api.force_login(provincial_user)
    answer = api.get(reverse("api-entrant-obligations", args=[rubric.key, "TH-50"]))
    assert answer.status_code == 200
    rows = [r for r in answer.json() if r["criterion"] == "1.2"]
    assert [(r["written"], r["key"]) for r in rows] == shown
    assert shown == [("2023-03-31", "2566:TH-50:1.2:1"), (SATURDAY.isoformat(), "2566:TH-50:1.2:2")]
    assert [(r["round"], r["due"], r["state"]) for r in rows] == [
        (1, "2023-03-31", "late"),
        (2, MONDAY.isoformat(), "late"),
    ]


def test_the_rubric_endpoint_gives_each_rounds_moved_date_and_its_working_day(rubric, central_user, api):
    _moved(rubric, central_user)
    api.force_login(central_user)
    data = api.get(reverse("api-rubric", args=[rubric.key])).json()
    (criterion,) = [c for d in data["dimensions"] for c in d["criteria"] if c["code"] == "1.2"]
    assert criterion["deadline"] == SATURDAY.isoformat()
    assert [r["due"] for r in criterion["rounds"]] == ["2023-03-31", SATURDAY.isoformat()]
    assert [(s["round"], s["written"], s["due"]) for s in criterion["schedule"]] == [
        (1, "2023-03-31", "2023-03-31"),
        (2, SATURDAY.isoformat(), MONDAY.isoformat()),
    ]
    (plain,) = [c for d in data["dimensions"] for c in d["criteria"] if c["code"] == "1.1"]
    assert "rounds" not in plain and [s["round"] for s in plain["schedule"]] == [0]


def test_another_provinces_obligations_do_not_exist_for_an_office(rubric, api, phuket):
    from people.models import Role
    from tests.factories import UserFactory

    api.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket))
    assert api.get(reverse("api-entrant-obligations", args=[rubric.key, "TH-50"])).status_code == 404
    assert api.get(reverse("api-entrant-obligations", args=[rubric.key, phuket.code])).status_code == 200
