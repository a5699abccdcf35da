"""Chromium on a phone (390 px) and a desktop against the live server and the LINE stand-in: a person opens
บัญชีของฉัน, where the notice preferences say LINE is not linked yet, types their password and presses "เชื่อมต่อ
LINE", sees a code and the Official Account's add-friend link; LINE's platform posts the signed webhook with that
code (this test, as LINE would), the chat's answer names the account and its office, and the code's page, which
has been asking, goes back to the LINE box by itself: "เชื่อมต่อแล้ว", and LINE's choices ticked; they unlink."""

import urllib.request

import pytest
from playwright.sync_api import expect

from contests.models import Unit
from notices.channels.line.models import LineLink
from people.models import Role
from tests.browser_support import MARKS, keep_shot, portal_login, settle
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
    with urllib.request.urlopen(request, timeout=30) as answer:  # the first webhook loads the SDK: seconds
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
    unlinked = page.locator("#notice-preferences fieldset", has_text="LINE")
    expect(unlinked).to_contain_text("ยังไม่ได้เชื่อมต่อ LINE")
    expect(unlinked.locator("input[type=radio]")).to_have_count(0)
    page.click("#line-connect")  # the password first
    settle(page)
    expect(page.locator("#line .error")).to_contain_text("พิมพ์รหัสผ่านปัจจุบันเพื่อรับรหัสเชื่อมต่อ")
    page.fill("#id_line_password", PASSWORD)
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
    keep_shot(page, f"line-code-{width}.png", full_page=True)

    assert _line_posts(base, webhook_body(text_event(LINE_USER, code))) == 200
    [reply] = line_api.replies()
    assert reply.text.startswith(f"เชื่อมต่อบัญชี {user.username} (จังหวัดเชียงใหม่) ในพอร์ทัล")

    page.wait_for_url(f"{base}/accounts/me/#line", timeout=10_000)  # the page noticed: nothing pressed
    settle(page)
    expect(page.locator("#line-status")).to_contain_text("เชื่อมต่อแล้ว")
    linked = page.locator("#notice-preferences fieldset", has_text="LINE")
    expect(linked.locator("input[type=radio]:checked")).to_have_value("immediate")
    assert not page.evaluate(WIDE)
    keep_shot(page.locator("#line"), f"line-linked-{width}.png")
    page.click("#line-unlink")
    settle(page)
    expect(page.locator(".messages")).to_contain_text("ยกเลิกการเชื่อมต่อ LINE แล้ว")
    expect(page.locator("#line-status")).to_contain_text("ยังไม่เชื่อมต่อ")
    keep_shot(page, f"line-unlinked-{width}.png", full_page=True)
    assert not LineLink.objects.exists()
