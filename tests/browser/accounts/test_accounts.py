"""Chromium against the live server, as people meet accounts: central staff make accounts from a sheet,
an invited person sets their own password from the e-mail, a forgotten password is reset, and freezing asks
central staff for a second factor, which they set up on the spot, and then freezes as asked."""

import re
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.models import AccountEvent, Event
from people.models import Role
from scoring.models import FreezeAction, FreezeEvent
from tests.accounts.support import app_code, sheet
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = [*MARKS, pytest.mark.usefixtures("second_factor_required")]


def _page(browser, width=1366):
    return browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH").new_page()


def _session_key(page) -> str:
    [key] = [c["value"] for c in page.context.cookies() if c["name"] == "sessionid"]
    return key


def _link(pattern: str, to: str) -> str:
    [message] = [m for m in mail.outbox if m.to == [to]][-1:]
    return re.search(pattern, message.body).group(1)


def test_browser_accounts_from_a_sheet_invitation_and_reset(browser, live_server, tmp_path):
    central = UserFactory(role=Role.CENTRAL)
    base = live_server.url
    page = _page(browser)
    portal_login(page, base, central.username, PASSWORD)
    page.click("a[data-nav=accounts]")
    path = tmp_path / "accounts.csv"
    path.write_bytes(
        sheet(
            [
                ["สมศรี ใจดี", "somsri@cdd.go.th", "50", "provincial", ""],
                ["สมชาย รักงาน", "somchai@cdd.go.th", "83", "provincial", ""],
            ]
        )
    )
    # The accounts sheet is a privileged act whose form sends a file, which no step keeps: its page sets up the
    # second factor before the form, so the sheet is chosen once, after the code.
    assert page.url.startswith(f"{base}/accounts/second-factor/")
    secret = page.inner_text("#totp-secret").replace(" ", "")
    page.fill("input[name=token]", f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}")
    page.click("button[type=submit]")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.goto(f"{base}/accounts/provision/")
    page.set_input_files("input[name=file]", str(path))
    page.click("button[value=check]")
    expect(page.locator("#provision-report")).to_contain_text("ผลการตรวจ (ยังไม่บันทึก)")
    expect(page.locator("#provision-report tbody tr")).to_have_count(2)
    assert not mail.outbox
    page.set_input_files("input[name=file]", str(path))
    page.click("button[value=write]")
    expect(page.locator("#provision-report")).to_contain_text("บันทึกแล้ว")
    expect(page.locator(".messages")).to_contain_text("แจ้งแล้ว ๒ คน · แจ้งไว้ก่อนแล้ว ๐ คน · แจ้งไม่ได้ ๐ คน")
    page.wait_for_timeout(300)  # the invitations go after the commit
    assert sorted(m.to[0] for m in mail.outbox) == ["somchai@cdd.go.th", "somsri@cdd.go.th"]

    invited = _page(browser, 390)  # on a phone, from the e-mail
    invited.goto(base + _link(r"http://localhost:8000(/accounts/invitation/\S+/)", "somsri@cdd.go.th"))
    assert invited.inner_text("#invited-username") == "somsri@cdd.go.th"
    keep_shot(invited, "accounts_invitation_390.png", full_page=True)
    invited.fill("input[name=new_password1]", "ชุมชนดิจิทัล-2569")
    invited.fill("input[name=new_password2]", "ชุมชนดิจิทัล-2569")
    invited.click("button[type=submit]")
    expect(invited.locator(".messages")).to_contain_text("ตั้งรหัสผ่านแล้ว")  # signed in, on the office's own page
    assert "/accounts/" not in invited.url
    invited.context.close()

    forgot = _page(browser, 390)
    forgot.goto(f"{base}/accounts/login/")
    forgot.click("#forgot")
    forgot.fill("input[name=email]", "somsri@cdd.go.th")
    forgot.click("button[type=submit]")
    expect(forgot.locator("h1")).to_contain_text("ตรวจอีเมลของท่าน")
    forgot.goto(base + _link(r"http://localhost:8000(/accounts/password-reset/\S+/)", "somsri@cdd.go.th"))
    forgot.fill("input[name=new_password1]", "รหัสใหม่-ปี-2570")
    forgot.fill("input[name=new_password2]", "รหัสใหม่-ปี-2570")
    forgot.click("button[type=submit]")
    expect(forgot.locator(".messages")).to_contain_text("ตั้งรหัสผ่านใหม่แล้ว")
    portal_login(forgot, base, "somsri@cdd.go.th", "รหัสใหม่-ปี-2570")
    assert "/accounts/login/" not in forgot.url and forgot.inner_text(".who") == "somsri@cdd.go.th"


def test_browser_publishing_asks_for_a_second_factor_set_up_on_the_spot(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    base = live_server.url
    page = _page(browser)
    portal_login(page, base, central.username, PASSWORD)
    page.goto(f"{base}/standings/2566/")
    page.check("#freeze-form input[name=confirm]")
    page.click("#freeze button:has-text('ตรึงผล')")
    assert page.url.startswith(f"{base}/accounts/second-factor/")
    assert not FreezeEvent.objects.exists()
    secret = page.inner_text("#totp-secret").replace(" ", "")
    phone = _page(browser, 390)
    portal_login(phone, base, central.username, PASSWORD)
    phone.goto(page.url)
    keep_shot(phone, "second_factor_setup_390.png", full_page=True)
    phone.context.close()
    key = b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("input[name=token]", f"{totp(key):06d}")  # what the app shows
    page.click("button[type=submit]")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.click("#recovery-codes a.button")  # the freeze asked before the step is sent again, not typed again
    page.wait_for_url(f"{base}/standings/2566/freeze/")
    expect(page.locator(".messages")).to_contain_text("ตรึงผลแล้ว")
    assert list(FreezeEvent.objects.values_list("action", flat=True)) == [FreezeAction.FREEZE]
    page.click("#publish-preview")
    page.check("#publish-form input[name=confirm]")
    page.click("#publish-form button[type=submit]")
    page.wait_for_url(f"{base}/standings/2566/results/")
    actions = list(FreezeEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [FreezeAction.FREEZE, FreezeAction.PUBLISH]


def test_browser_passkey_added_then_confirms_freezing_instead_of_a_code(browser, live_server):
    """Chromium's virtual authenticator (DevTools' WebAuthn domain) stands in for a phone's fingerprint."""
    central = UserFactory(role=Role.CENTRAL)
    TOTPDevice.objects.create(user=central, name="app", confirmed=True)
    base = live_server.url
    page = _page(browser)
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    options = {"protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True}
    devtools.send("WebAuthn.addVirtualAuthenticator", {"options": {**options, "isUserVerified": True}})
    portal_login(page, base, central.username, PASSWORD)
    assert page.url.startswith(f"{base}/accounts/second-factor/")
    assert page.locator("#passkey-use").count() == 0  # no passkey yet: the app's code only
    page.fill("input[name=token]", app_code(central))
    page.click("button[type=submit]")
    page.goto(f"{base}/accounts/me/")
    assert page.inner_text("#passkey-count").startswith("ยังไม่มี")
    assert page.locator("#passkey-register-button").count() == 0  # a current code first
    page.fill("#id_passkey_token", app_code(central))
    page.click("#passkey-code button")
    settle(page)
    page.click("#passkey-register-button")
    page.locator("#passkey-count:has-text('๑')").wait_for()

    page.click("header form[action$='/logout/'] button")
    portal_login(page, base, central.username, PASSWORD)
    page.goto(f"{base}/standings/2566/")
    assert page.url.startswith(f"{base}/accounts/second-factor/")
    keep_shot(page, "second_factor_passkey.png", full_page=True)
    before = _session_key(page)
    page.click("#passkey-verification-button")
    page.wait_for_url(f"{base}/standings/2566/")
    assert _session_key(page) != before  # the passkey confirmed a session under a new key
    page.check("#freeze-form input[name=confirm]")
    page.click("#freeze button:has-text('ตรึงผล')")
    settle(page)
    assert list(FreezeEvent.objects.values_list("action", flat=True)) == [FreezeAction.FREEZE]
    kinds = list(AccountEvent.objects.filter(user=central).order_by("pk").values_list("kind", flat=True))
    assert kinds == [
        *(Event.SIGN_IN, Event.FACTOR_OK, Event.FACTOR_OK, Event.FACTOR_ADDED, Event.SIGN_OUT),
        *(Event.SIGN_IN, Event.FACTOR_OK),
    ]


def test_browser_without_scripts_the_kept_freeze_goes_on_with_the_continue_button(browser, live_server):
    """Where scripts do not run, the page that sends the kept form again shows its button (Thai first)."""
    central = UserFactory(role=Role.CENTRAL)
    base = live_server.url
    page = browser.new_context(viewport={"width": 390, "height": 900}, locale="th-TH", java_script_enabled=False)
    page = page.new_page()
    portal_login(page, base, central.username, PASSWORD)
    page.goto(f"{base}/standings/2566/")
    page.check("#freeze-form input[name=confirm]")
    page.click("#freeze button:has-text('ตรึงผล')")
    page.fill("input[name=token]", app_code(central, confirmed=False))
    page.click("button[type=submit]")
    page.click("#recovery-codes a.button")
    expect(page.locator("#continue-form button")).to_have_text("ดำเนินการต่อ")
    keep_shot(page, "second_factor_continue_390.png", full_page=True)
    assert not FreezeEvent.objects.exists()
    page.click("#continue-form button")
    expect(page.locator(".messages")).to_contain_text("ตรึงผลแล้ว")
    assert page.url == f"{base}/standings/2566/freeze/"
    assert list(FreezeEvent.objects.values_list("action", flat=True)) == [FreezeAction.FREEZE]
