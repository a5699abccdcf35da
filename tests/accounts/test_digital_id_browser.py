"""Chromium against the live server and a real OpenID provider standing in for ThaID (tests/oidc_standin): a new
office staff member opens the invitation e-mailed to them, presses "ตอบรับคำเชิญในชื่อ … ด้วย ThaID", signs in at the
provider, and lands signed in; "บัญชีของฉัน" shows ThaID linked; they sign out, which signs them out of the
provider too and back to the login page, where "เข้าสู่ระบบด้วย ThaID" signs them in again."""

import re

import pytest
from playwright.sync_api import expect

from accounts.audit import event_record
from accounts.invitations import invitation_token
from accounts.models import DigitalIdentity, Event
from contests.models import Unit
from people.models import Role
from tests.browser_support import MARKS, launch, settle
from tests.digital_id_standin import SOMYING
from tests.factories import UserFactory

pytestmark = MARKS


@pytest.fixture
def browser(chromium, live_server, monkeypatch, settings, tmp_path):
    """Chromium on a live, bootstrapped server, as tests/browser has it."""
    yield from launch(chromium, live_server, monkeypatch, settings, tmp_path)


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
