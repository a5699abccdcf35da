"""An office changes its open contest in the builder: a criterion's points, with the reason the
page asks for, then reads the change in the contest's revision history, on a desktop and on a phone. It moves a
deadline by letter without a second factor confirmed yet: the page asks the code before the form, so the letter
attached after it is the one the move keeps (a file could not be kept across the code's page, and was lost there)."""

from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import expect

from contests.models import Unit
from people.models import Role
from rubrics.models import Criterion, RubricChange
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory, office_contest
from tests.rubrics.test_deadline_move import PDF

pytestmark = MARKS


def test_an_office_changes_an_open_contest_with_a_reason_and_reads_the_history(browser, live_server):
    chiang_mai = Unit.objects.get(code="TH-50")
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai, first_name="สมศรี", last_name="ใจดี")
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
    settle(page)
    assert "กรุณาระบุเหตุผลของการแก้ไข" in page.inner_text("#revision-box")
    assert page.input_value("#b-d0c0-max_points") == "25"  # what was typed came back
    page.fill("#b-reason", "ปรับน้ำหนักข้อ ๑ ตามหนังสือจังหวัด")
    page.click("#builder-save")
    settle(page)
    assert page.url == f"{base}/standings/cm-web-2564/"
    assert Criterion.objects.get(rubric=rubric, code="1.1").max_points == 25
    assert RubricChange.objects.get().reason == "ปรับน้ำหนักข้อ ๑ ตามหนังสือจังหวัด"

    page.click("#rubric-changes")
    settle(page)
    history = page.inner_text("#rubric-changes")
    assert "ปรับน้ำหนักข้อ ๑ ตามหนังสือจังหวัด" in history
    assert page.locator("#rubric-changes ul.what li").all_inner_texts() == [
        "คะแนนรวม: ๑๐๐ → ๑๐๕",
        "มิติ ๑ คะแนนเต็ม: ๒๐ → ๒๕",
        "ตัวชี้วัด ๑ คะแนนเต็ม: ๒๐ → ๒๕",
    ]  # and nothing the page did not mean to change
    assert "สมศรี ใจดี" in history
    page.evaluate("document.fonts.ready")  # the Thai web font, before the picture
    keep_shot(page, "revisions_1366.png", full_page=True)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, organiser.username, PASSWORD)
    phone.goto(f"{base}/standings/cm-web-2564/changes/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the screen
    phone.evaluate("document.fonts.ready")
    keep_shot(phone, "revisions_390.png", full_page=True)


def test_an_upload_that_drops_a_criterion_with_evidence_lists_it_and_saves_once_confirmed(browser, live_server):
    import json

    from rubrics.selectors import contest_file
    from tests.security.conftest import evidence_of, pdf_upload

    chiang_mai = Unit.objects.get(code="TH-50")
    district = DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, district)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    evidence_of(pdf_upload("หลักฐาน"), user=staff, rubric=rubric, unit=district, criterion_code="5.1")
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    data = contest_file(rubric)
    data["dimensions"] = [d for d in data["dimensions"] if d["code"] != "5"]
    data["total_points"] = "85"
    base = live_server.url
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/")
    body = json.dumps(data, ensure_ascii=False).encode()
    page.set_input_files(
        "#contest-upload input[type=file]", {"name": "c.json", "mimeType": "application/json", "buffer": body}
    )
    page.click("#contest-upload button.primary")
    settle(page)
    held = page.inner_text("#revision-held")
    assert "ตัวชี้วัด ๕" in held and "หลักฐาน ๑ ไฟล์" in held
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.evaluate("document.fonts.ready")
    keep_shot(page, "revisions_confirm_390.png", full_page=True)
    page.fill("#b-reason", "ยกเลิกข้อ ๕ ตามมติที่ประชุม")
    page.check("#b-confirm")
    page.click("#contest-upload button.primary")  # the file travelled back in the form: not chosen again
    settle(page)
    assert page.url == f"{base}/standings/cm-web-2564/"
    assert Criterion.all_objects.get(rubric=rubric, code="5.1").archived_at is not None
    page.click("#rubric-changes")
    settle(page)
    assert "ยกเลิกข้อ ๕ ตามมติที่ประชุม" in page.inner_text("#rubric-changes")
    assert "หลักฐาน ๑ ไฟล์" in page.inner_text("#rubric-changes")  # the archived criterion, what it keeps


@pytest.mark.usefixtures("second_factor_required")
def test_a_letter_is_kept_through_the_second_factor_step(browser, live_server, tmp_path):
    chiang_mai = Unit.objects.get(code="TH-50")
    office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(base + reverse("schedule:criterion", args=["cm-web-2564", "1.1"]))
    settle(page)
    expect(page.locator("#deadline-move-form")).to_have_count(0)
    keep_shot(page, "letter_factor_first.png", full_page=True)

    page.click("#deadline-move-factor-first a")
    secret = page.inner_text("#totp-secret").replace(" ", "")
    page.fill("input[name=token]", f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}")
    page.click("button[type=submit]")
    page.click("#recovery-codes a.button")  # saved them: back to the criterion's page, its form now open
    settle(page)

    letter = tmp_path / "ว1234.pdf"
    letter.write_bytes(PDF)
    page.fill("input[name=deadline]", "31/08/2564")
    page.fill("[name=reason]", "ขยายเวลาตามหนังสือจังหวัด")
    page.fill("input[name=letter_number]", "ชม 0019/ว 1234")
    page.fill("input[name=letter_date]", "10/08/2564")
    page.set_input_files("input[name=letter_pdf]", str(letter))
    page.click("#deadline-move-form button.primary")
    settle(page)

    expect(page.locator(".messages")).to_be_visible()
    change = RubricChange.objects.exclude(letter_file="").get()
    assert (change.letter_number, change.reason) == ("ชม 0019/ว 1234", "ขยายเวลาตามหนังสือจังหวัด")
    assert change.letter_file.read() == PDF
