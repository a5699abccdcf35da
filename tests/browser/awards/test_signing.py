"""Chromium against the live server: central staff upload the signing certificate beside the signatory."""

from awards.models import SigningCertificate
from people.models import Role
from tests.awards.signing_certificates import PASSPHRASE, make_certificate, p12
from tests.browser_support import MARKS, keep_shot, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


def test_browser_certificate_upload_wrong_passphrase_then_right_then_withdraw(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    key, cert = make_certificate()
    upload = {"name": "cdd.p12", "mimeType": "application/x-pkcs12", "buffer": p12(key, cert)}
    base = live_server.url
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", central.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    settle(page)

    page.goto(f"{base}/awards/years/2566/#signature")
    assert page.get_by_text("ยังไม่มีใบรับรอง").is_visible()
    page.set_input_files("input[name=file]", upload)
    page.fill("input[name=passphrase]", "ผิด")
    page.get_by_role("button", name="อัปโหลดใบรับรอง").click()
    settle(page)
    assert page.get_by_text("รหัสผ่านไม่ถูกต้อง").first.is_visible()
    assert not SigningCertificate.objects.exists()

    page.set_input_files("input[name=file]", upload)
    page.fill("input[name=passphrase]", PASSPHRASE)
    page.get_by_role("button", name="อัปโหลดใบรับรอง").click()
    settle(page)
    assert page.locator("#signature b").first.inner_text() == "C=TH,CN=กรมการพัฒนาชุมชน"
    assert page.input_value("input[name=passphrase]") == ""  # never echoed back
    keep_shot(page.locator("#signature"), "signing_certificate.png")
    assert SigningCertificate.objects.get().active

    page.get_by_role("button", name="ยกเลิกการลงนามดิจิทัล").click()
    settle(page)
    assert page.get_by_text("ยังไม่มีใบรับรอง").is_visible()
    assert not SigningCertificate.objects.get().active
