"""A provincial office runs its own contest among its district offices, end to end in Chromium:
the organiser finds the contest, imports facts, sees the ranking, freezes and publishes, makes the results
PDF; a district office uploads its evidence; another province's organiser sees nothing of it."""

import json

from contests.models import Unit
from people.models import Role
from rubrics import services
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory
from tests.submissions import files

pytestmark = MARKS


def test_a_provincial_office_runs_its_district_contest(browser, live_server, tmp_path):
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    mae_rim = DistrictFactory(parent=chiang_mai, name_th="แม่ริม", name_en="Mae Rim")
    san_sai = DistrictFactory(parent=chiang_mai, name_th="สันทราย", name_en="San Sai")
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    data["name_th"] = "การติดตามภารกิจสำคัญ ๘ ประเด็น ระดับอำเภอ จังหวัดเชียงใหม่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕"
    entrants = [mae_rim.code, san_sai.code]
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": entrants}
    services.rubric_load(data=data)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    district = UserFactory(role=Role.OFFICE_STAFF, role__unit=mae_rim)
    stranger = UserFactory(role=Role.ORGANISER, role__unit=phuket)
    base = live_server.url

    # The organiser finds the contest on the home page and opens its dashboard.
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.click("#contests a[href='/standings/cm-missions-2565/']")
    settle(page)
    assert page.url == f"{base}/standings/cm-missions-2565/"
    assert page.locator("#ranking tbody tr").count() == 2
    assert page.locator("#ranking thead").inner_text().startswith("อันดับ")
    assert "อำเภอ" in page.locator("#ranking thead").inner_text()
    assert page.locator("#thmap").count() == 0  # no province map for a contest among districts

    # Facts for Mae Rim (mission 1.1.1: 30 × 90/100 = 27 points) put it first.
    sheet = tmp_path / "facts.csv"
    sheet.write_text(
        f"entrant,criterion,fact,value\n{mae_rim.code},1.1.1,verified,90\nสันทราย,1.1.1,verified,0\n"
        f"{mae_rim.code},1.1.1,tpmap_target,100\n{san_sai.code},1.1.1,tpmap_target,100\n",
        encoding="utf-8",
    )
    page.click("#facts-link")  # the imports have a page of their own
    page.set_input_files("#facts-upload input[type=file]", str(sheet))
    page.click("#facts-upload button")
    settle(page)
    assert "สร้าง 4" in page.inner_text("body")
    page.goto(f"{base}/standings/cm-missions-2565/")
    first = page.locator("#ranking tbody tr").first
    assert first.get_attribute("data-province") == mae_rim.code
    assert "๒๗" in first.locator("td.total").inner_text()
    keep_shot(page, "contest_dashboard.png", full_page=True)

    # A bad sheet loses nothing and says why, Thai first.
    sheet.write_text("entrant,criterion,fact,value\n9999,1.1.1,verified,1\n", encoding="utf-8")
    page.goto(f"{base}/standings/cm-missions-2565/facts/")
    page.set_input_files("#facts-upload input[type=file]", str(sheet))
    page.click("#facts-upload button")
    settle(page)
    assert "'9999' ไม่ใช่ผู้เข้าประกวดนี้" in page.inner_text("body")
    page.goto(f"{base}/standings/cm-missions-2565/")
    assert page.locator("#ranking tbody tr").first.get_attribute("data-province") == mae_rim.code

    # The district office goes straight to its own page in the contest and uploads its evidence.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, district.username, PASSWORD)
    assert phone.url == f"{base}/years/cm-missions-2565/provinces/{mae_rim.code}/"
    phone.goto(f"{base}/years/cm-missions-2565/provinces/{mae_rim.code}/criteria/1.1.1/")
    phone.fill("#upload-description", "รายงานผลการตรวจสอบข้อมูล TPMAP")
    pdf = files.pdf(size=200 * 1024)
    phone.set_input_files("#file-input", {"name": "tpmap.pdf", "mimeType": "application/pdf", "buffer": pdf})
    phone.wait_for_selector(".upload-item.ok", timeout=30_000)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone, "contest_district_upload_phone.png", full_page=True)
    assert phone.goto(f"{base}/years/cm-missions-2565/provinces/{san_sai.code}/").status == 404
    assert phone.goto(f"{base}/standings/cm-missions-2565/").status == 404

    # The organiser sees the district's evidence.
    page.goto(f"{base}/years/cm-missions-2565/provinces/{mae_rim.code}/criteria/1.1.1/")
    assert "tpmap.pdf" in page.locator("#evidence-list").inner_text()

    # Once the evidence is in: freeze, publish, and the results PDF in the office's own name.
    page.goto(f"{base}/standings/cm-missions-2565/")
    page.check("#freeze-form input[name=confirm]")  # freezing is asked first
    page.click("#freeze button:has-text('ตรึงผล')")
    settle(page)
    page.click("#publish-preview")  # a preview first; only the ticked confirmation publishes
    page.check("#publish-form input[name=confirm]")
    page.click("#publish-form button[type=submit]")
    settle(page)
    page.goto(f"{base}/standings/cm-missions-2565/")
    assert "ประกาศผลเมื่อ" in page.inner_text(".freeze")  # the card says when, as a label
    page.goto(f"{base}/awards/years/cm-missions-2565/")
    page.select_option("#documents select[name=kind]", "results")
    page.click("#documents button")
    page.wait_for_selector("#documents td.link a", timeout=60_000)
    href = page.get_attribute("#documents td.link a", "href")
    response = page.context.request.get(base + href)
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    assert "cm-missions-2565-results" in response.headers["content-disposition"]
    # The district's evidence page now says the results are published and takes nothing more.
    phone.goto(f"{base}/years/cm-missions-2565/provinces/{mae_rim.code}/criteria/1.1.1/")
    assert phone.inner_text("#evidence-closed").startswith("ประกาศผลปี 2565 แล้ว")
    assert phone.locator("#upload-form").count() == 0

    # Another province's organiser sees nothing of the contest.
    other = browser.new_context(locale="th-TH").new_page()
    portal_login(other, base, stranger.username, PASSWORD)
    assert "cm-missions-2565" not in other.content()
    assert other.goto(f"{base}/standings/cm-missions-2565/").status == 404
    assert other.goto(f"{base}/awards/years/cm-missions-2565/").status == 404
