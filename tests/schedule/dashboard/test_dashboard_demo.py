"""Central's dashboard as central staff meet it in the demo in late November 2570, eight months before the end:
the first screen opens on who is late, not on a settings form, an import form and "ตรึงผล"."""

from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.thai import BANGKOK
from rubrics.models import ContestPeriod
from tests.demo_world import demo_world  # noqa: F401  (the demo, loaded once per worker)

LATE_NOVEMBER_2570 = datetime(2026, 11, 25, 10, 0, tzinfo=BANGKOK)  # fiscal year 2570 began on 1 October 2569
DEMO_AT = LATE_NOVEMBER_2570  # the demo loaded on the newcomer's day, the module's clock kept there

pytestmark = pytest.mark.usefixtures("demo_world")


@pytest.fixture
def first_screen(db, client):
    client.force_login(get_user_model().objects.get(username="central"))
    rubric = ContestPeriod.objects.national().get(year=2570)
    response = client.get(reverse("schedule:dashboard", args=[rubric.key]))
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") :], response.context


def test_the_first_section_is_what_is_late_and_due_soon(first_screen):
    main, ctx = first_screen
    first_heading = main.index("<h2", main.index("</h1>"))
    assert main.index('id="work-now"') < first_heading < main.index('id="late-heading"')
    assert main[first_heading:].startswith('<h2 id="work-now-heading">งานที่ต้องติดตามตอนนี้</h2>')
    assert main.index('id="due-soon-heading"') < main.index('id="standings-heading"')
    # By round, from the schedule: 4.2's November monthly report (due 15 November) is owed by every province.
    late = {(item["criterion"].code, item["round_th"]): item for item in ctx["work"]["late"]}
    november = late["4.2", "รายงานประจำเดือน (ขั้น ๔ และ ๘) พฤศจิกายน ๒๕๖๙"]
    assert (november["late_days"], november["missing"]) == (7, 76)
    late_section = main[main.index('id="late-heading"') : main.index('id="due-soon-heading"')]
    assert "๔.๒</strong> รายงานประจำเดือน (ขั้น ๔ และ ๘) พฤศจิกายน ๒๕๖๙" in late_section
    assert "เลยกำหนด ๗ วันทำการ" in late_section and "ยังไม่ส่ง ๗๖ ราย:" in late_section
    assert all(0 <= item["left"] <= 10 for item in ctx["work"]["due_soon"])
    assert all(item["left"] < 0 and item["missing"] for item in ctx["work"]["late"])


def test_the_settings_and_imports_are_not_on_the_dashboard(first_screen):
    main, _ = first_screen
    for form in ('name="award_min_total"', 'name="reminder_working_days"', 'id="facts-upload"', 'type="file"'):
        assert form not in main
    assert "ตั้งค่าการประกวดประจำปี" in main and "นำเข้าข้อมูล" in main


def test_freezing_is_not_on_the_first_screen_before_judging_ends(first_screen):
    main, ctx = first_screen
    assert 'id="freeze-form"' not in main and 'id="freeze"' not in main and not ctx["freeze_here"]
    assert "ตรึงและประกาศผล" in main  # its page is linked, for when judging is over


def test_the_dashboard_query_count_in_the_demo(db, client, django_assert_max_num_queries):
    client.force_login(get_user_model().objects.get(username="central"))
    url = reverse("schedule:dashboard", args=[ContestPeriod.objects.national().get(year=2570).key])
    client.get(url)
    with django_assert_max_num_queries(30):
        client.get(url)
