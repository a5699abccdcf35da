"""A contest's dates as people read them, late in November of B.E. 2570: the national contest of the present
fiscal year (B.E. 2566's rules with every date moved on, as the demo runs it), its dates moved
the way central staff move them (rubrics.timetable.criterion_deadline_set), then read where people read them:
the criterion page, the office's home, central's dashboard and the points."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from core.thai import thai_date, thai_digits
from rubrics.selectors import rubric_calendar, rubric_spec
from rubrics.timetable import criterion_deadline_set
from rulebook.engine import evaluate_entrant
from schedule import dashboard
from schedule.obligations import days_left
from scoring.demo import demo_present_year
from scoring.facts.imports import facts_import
from scoring.models import Standing

TODAY = date(2027, 11, 25)  # late November of B.E. 2570: fiscal year 2571, its rounds ahead
REAL_LOCALDATE = timezone.localdate


@pytest.fixture
def present(db, monkeypatch):
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: REAL_LOCALDATE(value, tz) if value else TODAY
    )
    return demo_present_year(today=TODAY)


@pytest.fixture
def office(client, provincial_user):
    client.force_login(provincial_user)
    return client


def _page(client, rubric, code: str) -> str:
    return client.get(reverse("submissions:criterion", args=[rubric.key, "TH-50", code])).content.decode()


def _home(client, rubric) -> str:
    return client.get(reverse("submissions:unit", args=[rubric.key, "TH-50"])).content.decode()


def _todo(html: str) -> dict[str, list[str]]:
    card = re.search(r'<section class="card todo".*?</section>', html, re.S)
    lines = re.findall(r'data-todo="([^"]+)">(.*?)</li>', card.group(0), re.S) if card else []
    found: dict[str, list[str]] = {}
    for key, text in lines:
        found.setdefault(key, []).append(" ".join(re.sub(r"<[^>]+>", " ", text).split()))
    return found


def _cell(html: str, code: str) -> str:
    table = html.split('<div id="criteria">', 1)[1]
    row = next(r for r in table.split("<tr class=") if f"/criteria/{code}/" in r)
    return row.split('class="deadline"', 1)[1].split("</td>")[0]


def test_a_deadline_brought_forward_reaches_the_heading_the_rounds_and_the_home(present, office, central_user):
    criterion_deadline_set(
        user=central_user, rubric=present, code="1.2", deadline=date(2028, 6, 15), reason="ตามหนังสือกรม"
    )

    page = _page(office, present, "1.2")
    assert 'data-deadline="2028-06-15"' in page
    assert 'data-round-due="2028-06-15"' in page and 'data-round-due="2028-06-30"' not in page
    # The home says each criterion once, by what is due soonest: 1.2's report 1 (31 March), which the move left
    # where it was; the move of report 2 is told by its notice and shown on the criterion's page (above).
    todo = _todo(_home(office, present))
    (line,) = [t for t in todo["round"] if "๑.๒" in t]
    left = days_left(rubric_calendar(present), TODAY, date(2028, 3, 31))
    assert f"กำหนด {thai_date(date(2028, 3, 31))} · เหลือ {thai_digits(left)} วันทำการ" in line
    assert "moved" not in todo


def test_central_dashboard_sees_each_round_as_the_homes_do(present, office):
    calendar = rubric_calendar(present)
    december = dashboard.work_now(present, today=date(2027, 12, 9), calendar=calendar, reminder_days=3)["due_soon"]
    entrants = Standing.objects.filter(rubric=present).count()
    monthly = [i for i in december if i["criterion"].code == "4.2"]
    assert [(i["due"], i["missing"]) for i in monthly] == [(date(2027, 12, 15), entrants)]
    assert monthly[0]["left"] == days_left(calendar, date(2027, 12, 9), date(2027, 12, 15))
    march = dashboard.work_now(present, today=date(2028, 3, 28), calendar=calendar, reminder_days=3)["due_soon"]
    assert {(i["criterion"].code, i["due"]) for i in march} >= {("1.2", date(2028, 3, 31)), ("1.3", date(2028, 3, 31))}


def test_the_homes_round_line_and_the_dashboard_say_the_same_date_and_days(present, office, monkeypatch):
    ninth_of_december = date(2027, 12, 9)
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: REAL_LOCALDATE(value, tz) if value else ninth_of_december
    )
    work = dashboard.work_now(present, today=ninth_of_december, calendar=rubric_calendar(present), reminder_days=3)
    # November's report missed: the home's line names it, late, as the dashboard's late list does.
    (item,) = [i for i in work["late"] if i["criterion"].code == "4.2"]
    (line,) = [t for t in _todo(_home(office, present))["round"] if "๔.๒" in t]
    assert f"กำหนด {thai_date(item['due'])} · เลยกำหนด {thai_digits(item['late_days'])} วันทำการ" in line


def test_an_extension_of_the_files_moves_the_date_their_timeliness_is_scored_by(present, office, central_user):
    criterion_deadline_set(
        user=central_user, rubric=present, code="4.1.1", deadline=date(2028, 6, 14), reason="ขยายเวลาน้ำท่วม"
    )
    spec = rubric_spec(present)
    sent = {"4.1.2": {"sent_at": datetime(2028, 6, 12, 10, 0).isoformat()}}  # before the extended date
    points = evaluate_entrant(spec, sent, size_group="", calendar=rubric_calendar(present)).criteria["4.1.2"].points
    assert points == Decimal("5")  # "before": never the late step against 4.1.2's own 31 May
    timed = _page(office, present, "4.1.2")
    assert 'data-deadline="2028-06-14"' in timed and 'data-linked="4.1.1"' in timed
    assert 'data-linked="4.1.2"' in _page(office, present, "4.1.1")


def test_received_by_the_department_before_the_date_is_received_on_time_with_its_day(present, office, central_user):
    criterion_deadline_set(
        user=central_user, rubric=present, code="2.1.2", deadline=date(2027, 11, 13), reason="ตามหนังสือกรม"
    )
    facts_import(
        rubric=present, rows=[{"province": "TH-50", "criterion": "2.1.2", "fact": "received_on", "value": "2027-11-04"}]
    )

    cell = _cell(_home(office, present), "2.1.2")
    assert 'data-state="received"' in cell and thai_date(date(2027, 11, 4)) in cell
    assert "เลยกำหนด" not in cell and "ส่งช้า" not in cell
    page = _page(office, present, "2.1.2")
    stands = page.split('id="criterion-stands"', 1)[1].split("</div>", 1)[0]
    assert thai_date(date(2027, 11, 4)) in stands and "ตรงเวลา" in stands
    assert "ยังไม่มีหลักฐาน" not in page and 'id="no-evidence"' in page
