"""Chromium against the live server: someone with a printed or forwarded document checks it on a phone."""

import hashlib

from scoring import snapshots
from tests.browser_support import MARKS, keep_shot, settle
from tests.factories import AwardSignatureFactory, VerificationCodeFactory

pytestmark = MARKS

PDF = b"%PDF-1.7\n% a certificate as issued\n%%EOF\n"


def fits(page) -> bool:
    """Nothing wider than the screen: no sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_browser_verify_on_a_phone_then_drop_the_file_and_an_altered_one(
    browser, live_server, rubric, central_user, chiang_mai
):
    AwardSignatureFactory(rubric=rubric)
    snapshots.standings_freeze(user=central_user, rubric=rubric)  # only frozen results are issued
    code = VerificationCodeFactory(document__sha256=hashlib.sha256(PDF).hexdigest(), entrant=chiang_mai)
    base = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True).new_page()
    phone.goto(f"{base}/verify/")
    phone.fill("input[name=code]", code.code.lower()[:4] + "-" + code.code.lower()[4:])  # as typed from paper
    phone.get_by_role("button", name="ตรวจสอบ", exact=True).click()
    settle(phone)
    assert phone.url == f"{base}/verify/{code.code}/"
    assert phone.locator("#verdict").inner_text().startswith("✓ ออกโดยกรมการพัฒนาชุมชน")
    assert phone.get_by_text("สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่").is_visible()
    assert phone.get_by_text("เป็นฉบับปัจจุบัน").is_visible()
    assert fits(phone)
    keep_shot(phone, "verify_390.png", full_page=True)

    # The file: hashed in the browser (the drop zone shows only where it can), never sent.
    assert phone.locator("#verify-drop").is_visible()
    phone.set_input_files("#verify-input", {"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": PDF})
    phone.wait_for_url(f"{base}/verify/{code.code}/?sha256=*")
    assert phone.get_by_text("✓ ไฟล์นี้คือเอกสารที่กรมออก ไม่ถูกแก้ไข").is_visible()

    altered = PDF.replace(b"issued", b"issueD")
    phone.set_input_files(
        "#verify-input", {"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": altered}
    )
    phone.wait_for_url(f"**sha256={hashlib.sha256(altered).hexdigest()}")
    assert phone.get_by_text("✗ ไฟล์นี้ไม่ใช่เอกสารที่กรมออกด้วยรหัสนี้").is_visible()
    assert fits(phone)
    keep_shot(phone, "verify_390_altered.png", full_page=True)

    desk = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    desk.goto(f"{base}/verify/7K2M9QXC4DTE/")
    assert desk.get_by_text("✗ ไม่พบเอกสารที่ออกด้วยรหัส").is_visible()
    keep_shot(desk, "verify_1366_not_issued.png", full_page=True)
    desk.goto(f"{base}/verify/{code.code}/")
    keep_shot(desk, "verify_1366.png", full_page=True)
    assert fits(desk)
