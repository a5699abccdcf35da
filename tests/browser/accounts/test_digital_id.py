"""Chromium against the live server and real OpenID providers standing in for ThaID (tests/digital_id_standin.py): a
new office staff member opens the invitation e-mailed to them, presses "ตอบรับคำเชิญในชื่อ … ด้วย ThaID", signs in
at the provider, and lands signed in; "บัญชีของฉัน" shows ThaID linked; they sign out, which signs them out of the
provider too and back to the login page, where "เข้าสู่ระบบด้วย ThaID" signs them in again. An organiser signs in,
links ThaID with their password, a borrowed copy of their session links nothing without it, and each remedy ends the
link (ThaID signs nobody in) and the borrowed session."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from accounts.audit import event_record
from accounts.invitations import invitation_token
from accounts.models import DigitalIdentity, Event
from contests.models import Unit
from people.models import Role
from tests.accounts.support import app_code
from tests.accounts.test_remedies import REMEDIES
from tests.accounts.test_second_factor import enrol, signed_in
from tests.browser_support import MARKS, portal_login, settle
from tests.digital_id_standin import SOMYING
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


@pytest.fixture
def thaid(openid_provider, live_server, settings):
    base = live_server.url
    openid_provider.configure(
        redirect_uris=[f"{base}/accounts/digital-id/thaid/callback/"],
        post_logout_redirect_uris=[f"{base}/accounts/login/"],
    )
    settings.CDD4_DIGITAL_IDS = openid_provider.settings()
    return openid_provider


def at_provider(page, pid: str) -> None:
    """The provider's own sign-in page: the citizen ID, a PIN."""
    expect(page.locator("h1")).to_contain_text("ThaID")
    page.fill("#pid", pid)
    page.click("button[type=submit]")
    settle(page)


def test_browser_an_invited_person_accepts_with_thaid_and_signs_in_with_it_again(browser, live_server, thaid):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    user.set_unusable_password()
    user.save()
    event_record(kind=Event.INVITED, user=user)
    base = live_server.url
    page = browser.new_context(viewport={"width": 390, "height": 860}, locale="th-TH").new_page()

    page.goto(f"{base}/accounts/invitation/{invitation_token(user)}/")
    page.get_by_role("button", name=f"ตอบรับคำเชิญในชื่อ {user.username} ด้วย ThaID").click()
    settle(page)
    at_provider(page, SOMYING)
    expect(page.locator(".messages")).to_contain_text("เชื่อม ThaID แล้ว")
    page.click("a.who")  # บัญชีของฉัน
    settle(page)
    expect(page.locator("#digital-id")).to_contain_text("ThaID (สมหญิง ใจดี)")
    assert SOMYING not in page.content()

    page.get_by_role("button", name="ออกจากระบบ").click()  # out of the portal, then of ThaID, then back
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/accounts/login/\?state="), timeout=10_000)
    settle(page)
    page.get_by_role("link", name="เข้าสู่ระบบด้วย ThaID").click()
    settle(page)
    at_provider(page, SOMYING)  # ThaID asks again: its session ended with the portal's

    expect(page.locator("a.who")).to_contain_text(user.username)
    assert DigitalIdentity.objects.get(user=user).used_at is not None


def _signed_in(context, base: str, user, *, code: bool):
    """The owner's browser signed in with their password, and their code where they have a factor."""
    page = context.new_page()
    portal_login(page, base, user.username, PASSWORD)
    if code:
        page.fill("input[name=token]", app_code(user))
        page.click("button[type=submit]")
        settle(page)
    return page


def _thaid_refused(browser, base: str) -> None:
    """A browser of its own tries ThaID's sign-in with the owner's ID: not linked any more."""
    page = browser.new_context(locale="th-TH").new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_role("link", name="เข้าสู่ระบบด้วย ThaID").click()
    settle(page)
    at_provider(page, SOMYING)
    expect(page.locator("#digital-id-error")).to_contain_text("ไม่ได้เชื่อมกับบัญชีใด")


@pytest.mark.parametrize("remedy", REMEDIES)
def test_browser_a_link_asks_the_password_a_borrowed_session_links_nothing_and_each_remedy_ends_it(
    browser, live_server, thaid, settings, remedy
):
    settings.CDD4_SECOND_FACTOR = "offered"
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    act, with_factor = REMEDIES[remedy]
    owner = UserFactory(role=Role.ORGANISER, role__unit=Unit.objects.get(code="TH-50"))
    here = signed_in(Client(), owner)  # the owner's other browser, where the remedy is done
    if with_factor:
        enrol(here, owner)
    base = live_server.url
    mine = browser.new_context(locale="th-TH")
    page = _signed_in(mine, base, owner, code=with_factor)

    page.goto(f"{base}/accounts/me/#digital-id")
    page.fill("#id_digital_id_password", PASSWORD)
    page.click("#digital-id-link-thaid")  # the password again, then on to ThaID by itself
    settle(page)
    at_provider(page, SOMYING)
    expect(page.locator("#digital-id")).to_contain_text("ThaID (สมหญิง ใจดี)")

    borrowed = browser.new_context(locale="th-TH")
    borrowed.add_cookies(mine.cookies())  # a taken session: the owner's cookies in someone else's browser
    taker = borrowed.new_page()
    taker.goto(f"{base}/accounts/digital-id/thaid/link/")  # to link the taker's own ID to the owner's account
    taker.fill("#id_digital_id_password", "a-guess-2570")
    taker.click("#digital-id-link-thaid")
    settle(taker)
    expect(taker.locator("#digital-id")).to_contain_text("รหัสผ่านไม่ถูกต้อง")
    assert list(DigitalIdentity.objects.values_list("user", flat=True)) == [owner.pk]

    act(owner, here)

    assert not DigitalIdentity.objects.exists()
    _thaid_refused(browser, base)
    taker.goto(f"{base}/accounts/me/")
    assert taker.url.startswith(f"{base}/accounts/login/")
