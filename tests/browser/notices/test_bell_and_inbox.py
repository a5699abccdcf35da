"""The bell and the inbox at a 390 px phone and at 1366 px: nothing wider than the screen, the bell's count
shown, each notice a tap target of its own."""

import pytest

from committee import clarify
from contests.models import Unit
from people.models import Role
from rubrics import timetable
from rubrics.letters import Letter
from rubrics.models import ContestPeriod
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


@pytest.mark.parametrize("width", [390, 1366])
def test_the_bell_and_the_inbox_fit_the_screen(browser, live_server, width):
    import datetime as dt

    rubric = ContestPeriod.objects.get(year=2566)
    chiang_mai = Unit.objects.get(code="TH-50")
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="cm@example.org")
    central, member = UserFactory(role=Role.CENTRAL), UserFactory(role=Role.COMMITTEE)
    timetable.criterion_deadline_set(
        user=central, rubric=rubric, code="1.1", deadline=dt.date(2023, 11, 30), reason="ตามหนังสือกรม",
        letter=Letter("มท 0410.4/ว 5821", dt.date(2023, 11, 1)),
    )  # fmt: skip
    clarify.clarification_open(
        member=member, rubric=rubric, unit=chiang_mai, criterion_code="3.4", message="ขอภาพถ่ายกิจกรรมเพิ่ม"
    )
    page = browser.new_context(viewport={"width": width, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, staff.username, PASSWORD)
    page.goto(f"{live_server.url}/notices/")
    settle(page)
    assert page.locator(".top .bell .count").inner_text() == "๒"  # both ask the office to act
    assert page.locator("ul.notices li.unread").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    keep_shot(page, f"notices-inbox-{width}.png", full_page=True)
    page.locator("ul.notices li .notice-title").first.click()
    settle(page)
    page.goto(f"{live_server.url}/notices/")
    assert page.locator(".top .bell .count").inner_text() == "๑"


def test_the_bell_in_the_admin_for_central_staff_counts_in_thai_digits_as_the_portals(browser, live_server):
    """The admin's bell counts in the digits the portal's bell uses ("๑", not "1")."""
    from notices.models import Kind
    from notices.services import notice_record

    central = UserFactory(role=Role.CENTRAL, email="central@example.org")
    rubric = ContestPeriod.objects.get(year=2566)
    notice_record(
        kind=Kind.TIE_WAITING, key="tie", recipients=lambda: [central], contest=rubric.contest,
        params={"contest": rubric.contest.name_th, "award": "ดีเด่น", "units": "เชียงใหม่, ภูเก็ต"}, link="/",
    )  # fmt: skip
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, central.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    settle(page)
    assert page.locator("#user-tools .bell .count").inner_text() == "๑"
    keep_shot(page, "notices-admin-bell-390.png")


def test_a_moved_deadline_lands_on_that_criterion_with_the_move_marked(browser, live_server):
    import datetime as dt

    rubric = ContestPeriod.objects.get(year=2566)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    timetable.criterion_deadline_set(
        user=UserFactory(role=Role.CENTRAL), rubric=rubric, code="1.2", deadline=dt.date(2023, 6, 15),
        reason="ตามหนังสือกรม", letter=Letter("มท 0410.4/ว 6001", dt.date(2023, 6, 1)),
    )  # fmt: skip
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, staff.username, PASSWORD)
    page.goto(f"{live_server.url}/notices/")
    settle(page)
    page.locator("ul.notices li .notice-title").first.click()
    settle(page)
    assert page.url.endswith("/years/2566/provinces/TH-50/criteria/1.2/#deadline-moved")
    box = page.locator("#deadline-moved")
    assert box.evaluate("el => el.matches(':target')") and box.is_visible()
    assert "ตามหนังสือ ที่ มท 0410.4/ว 6001 ลงวันที่ ๑ มิถุนายน ๒๕๖๖" in box.inner_text()
    keep_shot(page, "notices-deadline-moved-390.png", full_page=True)
