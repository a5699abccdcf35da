"""The organiser downloads the contest's fact template, fills it in as in Excel and sends it back;
a tie at an award line is named on the same page for the panel (decision 12). Chromium at 1366 and 390 px."""

import json

from contests.models import Unit
from people.models import Role
from rubrics import services
from tests.awards.chiang_mai_contests import tied_contest
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory
from tests.scoring.facts.fact_sheets import fill

pytestmark = MARKS


def test_the_organiser_fills_in_the_contests_template(browser, live_server, tmp_path):
    chiang_mai = Unit.objects.get(code="TH-50")
    mae_rim = DistrictFactory(parent=chiang_mai, dopa_code="5061", name_th="แม่ริม", name_en="Mae Rim")
    san_sai = DistrictFactory(parent=chiang_mai, dopa_code="5062", name_th="สันทราย", name_en="San Sai")
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    data["name_th"] = "การติดตามภารกิจสำคัญ ๘ ประเด็น ระดับอำเภอ จังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕"
    entrants = [mae_rim.code, san_sai.code]
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": entrants}
    services.rubric_load(data=data)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    base = live_server.url

    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/cm-missions-2565/facts/")
    assert page.inner_text("#fact-template").startswith("ดาวน์โหลดแบบฟอร์มข้อมูลของการประกวดนี้ (XLSX)")
    with page.expect_download() as got:
        page.click("#fact-template a")
    download = got.value
    assert download.suggested_filename == "cm-missions-2565-fact-template.xlsx"
    download.save_as(tmp_path / "template.xlsx")
    blank = (tmp_path / "template.xlsx").read_bytes()
    # San Sai: 1.1.1 verified 45 of 50 TPMAP target people → 27 points; Mae Rim nothing yet.
    filled = tmp_path / "แบบฟอร์มที่กรอกแล้ว.xlsx"
    sheet = "ข้อมูล facts"
    filled.write_bytes(fill(blank, {sheet: {(san_sai.code, "verified"): 45, (san_sai.code, "tpmap_target"): 50}}))
    page.set_input_files("#facts-upload input[type=file]", str(filled))
    page.click("#facts-upload button")
    settle(page)
    assert "นำเข้าข้อมูลแล้ว: สร้าง 3 แก้ไข 0 ไม่เปลี่ยน 0" in page.inner_text("body")
    page.goto(f"{base}/standings/cm-missions-2565/")
    first = page.locator("#ranking tbody tr").first
    assert first.get_attribute("data-province") == san_sai.code
    assert "๒๗" in first.locator("td.total").inner_text()
    keep_shot(page, "fact_template_dashboard.png", full_page=True)
    page.goto(f"{base}/standings/cm-missions-2565/facts/")

    # A typo is refused with its sheet and cell, Thai first, and nothing changes.
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(fill(blank, {sheet: {(mae_rim.code, "plots"): "แปด"}}))
    page.set_input_files("#facts-upload input[type=file]", str(bad))
    page.click("#facts-upload button")
    settle(page)
    body = page.inner_text("body")
    assert "แถวที่ 6: แผ่นงาน “ข้อมูล facts” ช่อง Y6: แปลงทั้งหมด ต้องเป็นตัวเลข แต่ได้รับ “แปด”" in body
    page.goto(f"{base}/standings/cm-missions-2565/")
    assert page.locator("#ranking tbody tr").first.get_attribute("data-province") == san_sai.code

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, organiser.username, PASSWORD)
    phone.goto(f"{base}/standings/cm-missions-2565/facts/")
    assert phone.locator("#fact-template a").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone, "fact_template_dashboard_phone.png", full_page=True)


def test_a_tie_at_an_award_line_is_named_for_the_panel(browser, live_server):
    # 95, 89, 80, 80: seed 001 gives no order for equal marks, so the third award is the panel's to give.
    chiang_mai = Unit.objects.get(code="TH-50")
    tied_contest(chiang_mai)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    for width, height, name in [(1366, 900, "ties_dashboard.png"), (390, 844, "ties_dashboard_phone.png")]:
        page = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH").new_page()
        portal_login(page, live_server.url, organiser.username, PASSWORD)
        page.goto(f"{live_server.url}/standings/cm-web-2564/")
        assert page.inner_text("#tie-rule").startswith("หลักเกณฑ์ไม่ได้กำหนดวิธีตัดสินเมื่อคะแนนเท่ากัน")
        ties = page.inner_text("#award-ties")
        assert "หางดง (๘๐)" in ties and "สารภี (๘๐)" in ties
        assert page.locator("#ranking .badge.warn").count() == 2
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        keep_shot(page, name, full_page=True)
