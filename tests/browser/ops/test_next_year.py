"""Chromium: central staff open the B.E. 2567 contest from 2566."""

from datetime import date

from playwright.sync_api import expect

from people.models import Role
from rubrics.models import ContestPeriod, Criterion
from tests.browser_support import MARKS, keep_shot, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


def test_central_staff_open_2567_from_2566(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    page = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="th-TH").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", central.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    settle(page)
    page.goto(f"{live_server.url}/ops/next-year/2566/")
    assert page.inner_text("#rubric-ok").startswith("เกณฑ์ผ่านการตรวจ")
    assert "1.2" in page.inner_text("#moved")
    assert "เจ้าหน้าที่ส่วนกลาง: 1" in page.inner_text("#memberships")
    keep_shot(page, "next-year-plan.png", full_page=True)

    page.click("#open")  # not confirmed yet: refused, nothing created
    expect(page.locator(".messages")).to_contain_text("กรุณายืนยัน")
    assert not ContestPeriod.objects.filter(year=2567).exists()
    page.check("input[name=confirm]")
    page.click("#open")
    expect(page.locator(".messages")).to_contain_text("เปิดการประกวดปี 2567 แล้ว")
    expect(page.locator("#exists")).to_have_count(1)
    keep_shot(page, "next-year-opened.png", full_page=True)
    opened = ContestPeriod.objects.get(year=2567)
    assert Criterion.objects.get(rubric=opened, code="1.2").deadline == date(2024, 7, 1)
