"""Central's first screen is the work of the moment, not the forms: the rounds late and due soon lead (none once
the results are frozen: excused), and freezing comes to it once judging is over and stays to publish."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contests.models import Contest
from core.thai import BANGKOK
from schedule.models import RoundsKept
from scoring import snapshots

pytestmark = pytest.mark.django_db


def test_the_dashboard_first_screen_is_the_work_not_the_forms(client, rubric, central_user, clock):
    clock(2023, 6, 27, 10, 0)
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    main = html[html.index("<main") :]
    first = main.index('id="work-now"')
    assert first < main.index('id="run-links"') < main.index('id="standings-heading"')
    assert main.index("<h2", main.index("</h1>")) > first  # the work is the first section after the heading
    assert "เลยกำหนดแล้วยังไม่ส่ง" in html and "ใกล้กำหนดส่ง (ภายใน ๑๐ วันทำการ)" in html
    for form in ('name="award_min_total"', 'name="reminder_working_days"', 'id="facts-upload"', 'id="freeze-form"'):
        assert form not in html
    assert 'href="/standings/2566/settings/"' in html and "ตั้งค่าการประกวดประจำปี" in html
    assert 'href="/standings/2566/facts/"' in html and 'href="/standings/2566/freeze/"' in html


@pytest.mark.parametrize(
    ("today", "on_first_screen"),
    [(date(2023, 9, 14), False), (date(2023, 9, 15), False), (date(2023, 9, 18), True)],
)
def test_freezing_comes_to_the_first_screen_once_the_judging_deadline_passed(
    client, rubric, central_user, monkeypatch, today, on_first_screen
):
    Contest.objects.filter(pk=rubric.contest_id).update(judging_deadline=date(2023, 9, 15))  # a Friday
    moment = datetime(today.year, today.month, today.day, 9, 0, tzinfo=BANGKOK)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert ('id="freeze-form"' in html) is on_first_screen
    assert 'href="/standings/2566/freeze/"' in html  # its own page, always linked


def test_frozen_results_stay_on_the_first_screen_to_publish(client, rubric, central_user, clock):
    clock(2023, 6, 27, 10, 0)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert 'id="publish-preview"' in html and 'id="freeze-history"' in html


def test_a_frozen_years_first_screen_leaves_its_unsent_rounds_excused_not_as_work(client, rubric, central_user, clock):
    """A frozen, published year opened on "เลยกำหนด ๘๐๓ วันทำการ ยังไม่ส่ง ๗๖ ราย" as work to follow now."""
    clock(2023, 6, 27, 10, 0)  # 1.2 due in 3 working days, earlier rounds past and owed by everyone
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    client.force_login(central_user)
    response = client.get(reverse("schedule:dashboard", args=[2566]))
    html = response.content.decode()
    work = html[html.index('id="work-now"') : html.index("</section>", html.index('id="work-now"'))]
    assert (response.context["work"]["late"], response.context["work"]["due_soon"]) == ([], [])
    assert "ตรึงผลแล้ว รอบที่ยังไม่ส่งถือว่ายกเว้น ไม่ต้องส่งอีก จึงไม่มีงานที่ต้องติดตาม" in work
    assert "เลยกำหนด" not in work and "ยังไม่ส่ง" not in work.replace("รอบที่ยังไม่ส่ง", "")
    missing = client.get(reverse("schedule:missing", args=[2566]), {"criterion": "1.2"}).content.decode()
    assert 'id="missing-excused"' in missing and 'id="missing-1.2"' not in missing  # nobody named as owing it


def test_a_large_contest_never_counted_says_its_rounds_are_being_counted_not_that_none_is_late(
    client, rubric, central_user, clock, monkeypatch
):
    clock(2023, 6, 27, 10, 0)
    monkeypatch.setattr("schedule.kept.STALE_MOST", 10)  # the 76 provinces stand for a village contest's thousands
    RoundsKept.objects.filter(rubric=rubric).delete()  # never counted: the worker not come yet
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    work = html[html.index('id="work-now"') : html.index("</section>", html.index('id="work-now"'))]
    assert (
        '<p class="card" id="rounds-uncounted" role="status">กำลังนับการส่งของแต่ละรอบเป็นครั้งแรก:'
        " ผู้ที่ส่งแล้วและผู้ที่ส่งล่าช้าจะแสดงที่นี่ภายในไม่กี่นาที</p>"
    ) in work
    for claim in ('id="none-late"', 'id="late-heading"', 'id="due-soon-heading"', 'id="counted-as-of"'):
        assert claim not in work
