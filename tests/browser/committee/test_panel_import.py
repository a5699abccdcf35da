"""A provincial office imports its panel's paper forms in Chromium: the organiser uploads the
sheet from the judgments list, checks the preview, confirms, and the standings follow; the panelist finds
their own imported scores in the judgments list, from the matrix's breadcrumb."""

import json

from committee import services as committee_services
from committee.models import Judgment
from contests.models import Unit
from people.models import Role
from rubrics import services
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS


def test_the_organiser_imports_the_panels_sheet_and_the_panelist_lists_it(browser, live_server, tmp_path):
    chonburi = Unit.objects.get(code="TH-20")
    mueang = DistrictFactory(parent=chonburi, name_th="เมืองชลบุรี", name_en="Mueang Chon Buri")
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cb-web-2564", "entrants": [mueang.code]}
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chonburi)
    judge = UserFactory(role=Role.OFFICE_STAFF, role__unit=chonburi, username="cb-panel1")
    committee_services.panelist_appoint(by=organiser, contest=rubric.contest, user=judge)
    sheet = tmp_path / "แบบให้คะแนน.csv"
    sheet.write_text(f"entrant,criterion,member,points\n{mueang.code},1.1,cb-panel1,18\n", encoding="utf-8-sig")
    base = live_server.url

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/admin/committee/judgment/")
    page.click("a[href='/admin/committee/judgment/import/']")
    settle(page)
    page.set_input_files("input[name=file]", str(sheet))
    page.click("input[type=submit][value^='ตรวจสอบ']")
    settle(page)
    assert page.locator("#import-preview tbody tr").count() == 1
    assert Judgment.objects.count() == 0  # the preview saves nothing
    page.click("input[type=submit][value^='ยืนยัน']")
    settle(page)
    assert "นำเข้าแล้ว" in page.inner_text(".messagelist")
    keep_shot(page, "panel_import.png", full_page=True)
    assert Standing.objects.get(rubric=rubric, unit=mueang).criteria["1.1"] == "18.00"

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, judge.username, PASSWORD)
    page.click("[data-nav=panel-matrix]")
    settle(page)
    page.click(".breadcrumbs a[href='/admin/committee/judgment/']")
    settle(page)
    assert page.locator("#result_list tbody tr").count() == 1
    assert "เมืองชลบุรี" in page.inner_text("#result_list")
    keep_shot(page, "panel_judgments_list.png", full_page=True)
