"""A provincial office forms its contest's panel and the panel judges, in Chromium: the
organiser appoints a staff member from its dashboard's panel page on a 390 px phone, the panelist finds
the matrix in the navigation bar, scores an entrant, and the standings follow."""

import json

from committee.models import Panelist, ScoreChange
from contests.models import Unit
from people.models import Role
from rubrics import services
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS


def test_an_organiser_forms_the_panel_and_the_panelist_scores(browser, live_server):
    chiang_mai = Unit.objects.get(code="TH-50")
    mae_rim = DistrictFactory(parent=chiang_mai, name_th="แม่ริม", name_en="Mae Rim")
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": [mae_rim.code]}
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    judge = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, first_name="สมศรี")
    base = live_server.url

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, organiser.username, PASSWORD)
    phone.goto(f"{base}/standings/cm-web-2564/")
    phone.click("#panel-link")
    settle(phone)
    assert phone.url == f"{base}/standings/cm-web-2564/panel/"
    phone.select_option("#panel-user", str(judge.pk))
    phone.check("#appoint input[name=is_chair]")
    phone.click("#appoint button[value=appoint]")
    settle(phone)
    assert judge.username in phone.inner_text("#panel")
    # Nothing spills off a phone's screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone, "panel_phone.png", full_page=True)
    assert Panelist.objects.get(contest=rubric.contest).user == judge

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, judge.username, PASSWORD)
    page.click("[data-nav=panel-matrix]")
    settle(page)
    page.click(f"#matrix a[href='/admin/committee/judgment/score/cm-web-2564/{mae_rim.code}/1.1/']")
    settle(page)
    page.fill("#judge-form input[name=points]", "18")
    page.click("#judge-form button.default")
    settle(page)
    assert "บันทึกแล้ว" in page.inner_text(".messagelist")
    keep_shot(page, "panel_scoring.png", full_page=True)
    assert ScoreChange.objects.get(rubric=rubric, unit=mae_rim).changed_by == judge
    assert Standing.objects.get(rubric=rubric, unit=mae_rim).criteria["1.1"] == "18.00"
