"""Chromium on a phone (390 px) against the live server and the LINE stand-in: a person opens บัญชีของฉัน, presses
"เชื่อมต่อ LINE", sees a code and the Official Account's add-friend link; LINE's platform posts the signed webhook
with that code (this test, as LINE would); back on the page the account reads "เชื่อมต่อแล้ว"; they unlink."""

import json
import urllib.request

import pytest
from playwright.sync_api import expect

from accounts.models import LineLink
from contests.models import Unit
from people.models import Role
from tests.browser_support import MARKS, SHOTS, portal_login, settle
from tests.factories import PASSWORD, UserFactory
from tests.line_standin import sign, text_event, webhook_body

pytestmark = MARKS
LINE_USER = "U" + "d" * 32
WIDE = "() => document.documentElement.scrollWidth > window.innerWidth"


def _line_posts(base: str, body: bytes) -> int:
    request = urllib.request.Request(
        f"{base}/line/webhook/",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", "X-Line-Signature": sign(body)},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


@pytest.mark.parametrize("width", [390, 1366])
def test_browser_a_person_links_and_unlinks_line(browser, live_server, line_api, width):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    page = browser.new_context(viewport={"width": width, "height": 860}, locale="th-TH").new_page()
    base = live_server.url
    portal_login(page, base, user.username, PASSWORD)
    page.click("a.who")  # the username at the top: บัญชีของฉัน
    settle(page)
    expect(page.locator("#line-status")).to_contain_text("ยังไม่เชื่อมต่อ")
    page.click("#line-connect")
    settle(page)
    code = page.inner_text("#line-code").strip()
    assert len(code) == 6
    expect(page.locator("#line-add-friend")).to_have_attribute("href", "https://line.me/R/ti/p/%40cdd4portal")
    expect(page.locator("#line-send-code")).to_have_attribute(
        "href", f"https://line.me/R/oaMessage/%40cdd4portal/?{code}"
    )
    expect(page.locator("#line-qr svg")).to_be_visible()
    assert not page.evaluate(WIDE)
    page.screenshot(path=str(SHOTS / f"line-code-{width}.png"), full_page=True)

    assert _line_posts(base, webhook_body(text_event(LINE_USER, code))) == 200
    assert json.dumps(line_api.replies()[0].body, ensure_ascii=False).count("เชื่อมต่อบัญชี") == 1

    page.click("#line-done")
    settle(page)
    expect(page.locator("#line-status")).to_contain_text("เชื่อมต่อแล้ว")
    assert not page.evaluate(WIDE)
    page.locator("#line").screenshot(path=str(SHOTS / f"line-linked-{width}.png"))
    page.click("#line-unlink")
    settle(page)
    expect(page.locator(".messages")).to_contain_text("ยกเลิกการเชื่อมต่อ LINE แล้ว")
    expect(page.locator("#line-status")).to_contain_text("ยังไม่เชื่อมต่อ")
    page.screenshot(path=str(SHOTS / f"line-unlinked-{width}.png"), full_page=True)
    assert not LineLink.objects.exists()
