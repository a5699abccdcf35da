"""An office changes its open contest in the builder (issue #28): a criterion's points, with the reason the
page asks for, then reads the change in the contest's revision history, on a desktop and on a phone."""

from contests.models import Province
from people.models import Role
from scoring.models import Criterion, RubricChange
from tests.browser_support import MARKS, SHOTS, portal_login
from tests.factories import PASSWORD, DistrictFactory, UserFactory, office_contest

pytestmark = MARKS


def test_an_office_changes_an_open_contest_with_a_reason_and_reads_the_history(browser, live_server):
    chiang_mai = Province.objects.get(code="TH-50")
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    organiser = UserFactory(role=Role.ORGANISER, role__province=chiang_mai, first_name="สมศรี", last_name="ใจดี")
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/build/?from=contest:cm-web-2564")
    assert "แก้ไขการประกวดที่เปิดแล้ว" in page.inner_text("#revision-box")

    # Criterion 1.1 from 20 to 25 points, its dimension and the total with it; saved first without a reason.
    page.fill("#b-d0c0-max_points", "25")
    page.fill("#b-d0-max_points", "25")
    page.fill("#b-total_points", "105")
    page.click("#builder-save")
    page.wait_for_load_state("networkidle")
    assert "กรุณาระบุเหตุผลของการแก้ไข" in page.inner_text("#revision-box")
    assert page.input_value("#b-d0c0-max_points") == "25"  # what was typed came back
    page.fill("#b-reason", "ปรับน้ำหนักข้อ ๑ ตามหนังสือจังหวัด")
    page.click("#builder-save")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base}/standings/cm-web-2564/"
    assert Criterion.objects.get(rubric=rubric, code="1.1").max_points == 25
    assert RubricChange.objects.get().reason == "ปรับน้ำหนักข้อ ๑ ตามหนังสือจังหวัด"

    page.click("#rubric-changes")
    page.wait_for_load_state("networkidle")
    history = page.inner_text("#rubric-changes")
    assert "ปรับน้ำหนักข้อ ๑ ตามหนังสือจังหวัด" in history
    assert page.locator("#rubric-changes ul.what li").all_inner_texts() == [
        "คะแนนรวม: 100 → 105 / total points changed",
        "มิติ 1 คะแนนเต็ม: 20 → 25 / dimension 1's maximum changed",
        "ตัวชี้วัด ๑ คะแนนเต็ม: 20 → 25 / criterion 1.1's maximum changed",
    ]  # and nothing the page did not mean to change
    assert "สมศรี ใจดี" in history
    page.screenshot(path=str(SHOTS / "revisions_1366.png"), full_page=True)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, organiser.username, PASSWORD)
    phone.goto(f"{base}/standings/cm-web-2564/changes/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the screen
    phone.screenshot(path=str(SHOTS / "revisions_390.png"), full_page=True)
