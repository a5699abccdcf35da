"""Central's dashboard and the standings' part it polls: who sees them, what they show, and their queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests.models import Unit
from schedule import dashboard_views
from scoring import snapshots
from scoring.facts.imports import fact_set, facts_import

pytestmark = pytest.mark.django_db
PAGES = ["schedule:dashboard", "schedule:live"]


@pytest.fixture
def scored(rubric, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fact_set(rubric=rubric, unit=Unit.objects.get(code="TH-83"), criterion_code="1.1", name="done", value="yes")
    return rubric


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_is_sent_to_login(client, rubric, page):
    response = client.get(reverse(page, args=[2566]))
    assert response.status_code == 302 and "/login" in response["Location"]


@pytest.mark.parametrize("who", ["provincial_user", "committee_user"])
@pytest.mark.parametrize("page", PAGES)
def test_only_central_staff_see_the_dashboard(client, rubric, request, who, page):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(page, args=[2566])).status_code == 403


def test_central_dashboard_shows_map_table_and_as_of(client, central_user, scored):
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert html.count('class="prov"') == 76 and 'id="map-TH-50"' in html
    assert html.count("<tr data-province=") == 76
    assert "ข้อมูล ณ" in html and "as of" not in html and "@svg-maps/thailand" in html and "CC BY 4.0" in html
    assert "htmx.min.js" in html and "https://" not in html.split("<script")[1]  # nothing from a CDN
    assert "ต้องการอีก" in html


def test_live_partial_answers_204_while_nothing_changed(client, central_user, scored):
    client.force_login(central_user)
    url = reverse("schedule:live", args=[2566])
    first = client.get(url)
    stamp = first.context["stamp"]
    assert first.status_code == 200 and f"since={stamp}" in first.content.decode()
    assert client.get(url, {"since": stamp}).status_code == 204


@pytest.mark.pg  # queries counted
def test_dashboard_query_count_does_not_grow_with_data(
    client, central_user, rubric, django_capture_on_commit_callbacks
):
    client.force_login(central_user)
    url = reverse("schedule:live", args=[2566])
    client.get(url)  # warms the per-process rubric cache
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    rows = [{"province": p.code, "criterion": "1.1", "fact": "done", "value": "yes"} for p in Unit.objects.all()]
    with django_capture_on_commit_callbacks(execute=True):
        facts_import(rubric=rubric, rows=rows)
    with CaptureQueriesContext(connection) as first:
        client.get(url)  # the facts changed: this process counts them again (scoring.entrant_counts.recorded_counts)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(before) == len(after) == len(first) - 1 <= 22  # +6: the schedule (schedule.selectors)


def test_dashboard_page_query_count(client, central_user, scored, django_assert_num_queries):
    client.force_login(central_user)
    client.get(reverse("schedule:dashboard", args=[2566]))
    # session, user, membership, nav year, rubric, then tiers, dimensions, criteria, settings, snapshot, the
    # tallies over all entrants, the page's keys, its rows, award holders, evidence without a fact; the holidays
    # are the rubric's calendar, read by the first visit and cached per rubric revision; the schedule's rounds
    # (the moves), and the rounds owed now (the moves, whether the results are frozen, the days of the
    # Department's receipts, then every round counted with its first names in one statement, and those names:
    # every round of 2566 is past and owed; schedule.tallies; whether rounds are kept for these windows first)
    with django_assert_num_queries(23):  # +1: the bell's unread count (notices)
        client.get(reverse("schedule:dashboard", args=[2566]))


def test_map_can_be_coloured_by_award(client, central_user, scored):
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566]), {"map": "award"}).content.decode()
    assert "#map-TH-83{fill:#d4a017}" in html  # the only province with points wins


def test_due_soon_late_and_missing_counts(client, central_user, scored, monkeypatch):
    monkeypatch.setattr(dashboard_views.timezone, "localdate", lambda: date(2023, 6, 27))
    client.force_login(central_user)
    ctx = client.get(reverse("schedule:dashboard", args=[2566])).context
    missing = {m["criterion"].code: m["missing"] for m in ctx["missing"]}
    assert missing["1.1"] == 76 and missing["1.2"] == 76  # Phuket's 1.1 fact is no evidence
    near = {item["criterion"].code: item for item in ctx["work"]["due_soon"]}
    assert set(near) == {"1.2"} and near["1.2"]["left"] == 3 and near["1.2"]["missing"] == 76
    assert (len(near["1.2"]["provinces"]), near["1.2"]["more"]) == (12, 64)
    late = ctx["work"]["late"]
    assert late and all(item["left"] < 0 and item["missing"] for item in late)


def test_due_soon_says_a_closed_day_with_the_working_day_it_falls_due_on(client, central_user, rubric, monkeypatch):
    """1.1 is written due Monday 31 July 2566, a day offices are closed: the schedule has it due Thursday 3 August,
    as its page, the API, the feed, the reminders and the points do; the list says both, as the criterion's page."""
    monkeypatch.setattr(dashboard_views.timezone, "localdate", lambda: date(2023, 7, 24))
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()

    soon = html.split('id="due-soon-heading"', 1)[1]
    item = soon.split('data-criterion="1.1"', 1)[1].split("</p>", 1)[0]
    assert "(กำหนดส่ง ๓๑ กรกฎาคม ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๓ สิงหาคม ๒๕๖๖)" in item


def test_a_contest_without_awards_shows_no_award_columns(client, chiang_mai):
    """A monitoring contest (Nong Khai's missions, Ubon's milestones: no awards) shows no award columns and no
    "ห่างจากรางวัลถัดไป" for its entrants."""
    import json

    from people.models import Role
    from rubrics import services
    from tests.factories import DistrictFactory, UserFactory

    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    district = DistrictFactory(parent=chiang_mai)
    data["contest"] = {**data["contest"], "slug": "cm-watch-2564", "organiser": "50", "entrants": [district.code]}
    data["awards"] = []
    services.rubric_load(data=data)
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    html = client.get(reverse("schedule:dashboard", args=["cm-watch-2564"])).content.decode()
    assert "ห่างจากรางวัลถัดไป" not in html and "<th>รางวัล</th>" not in html
    assert "<th>เสมอ</th>" in html and district.name_th in html


def test_frozen_year_says_frozen_not_open(client, central_user, scored):
    snapshots.standings_freeze(user=central_user, rubric=scored)
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert "ตัวชี้วัดที่ยังเปิด" not in html and "คะแนนที่ยังเปิดไม่พอ" not in html
    assert html.count("ผลตรึงแล้ว</td>") + html.count("; ผลตรึงแล้ว<br>") == 75  # every row but the winner's
