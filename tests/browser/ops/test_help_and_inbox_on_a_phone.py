"""At a 390 px phone: the inbox opens on what needs the person, the rest grouped below; the help page
names whom to call for each contest. Nothing wider than the screen."""

import datetime as dt

from contests.models import Unit
from notices.models import Kind
from notices.services import notice_record
from ops.models import SiteContact
from people.models import Role
from rubrics.models import ContestPeriod
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


def test_a_members_inbox_and_help_on_a_phone(browser, live_server):
    rubric = ContestPeriod.objects.get(year=2566)
    member = UserFactory(role=Role.COMMITTEE)
    for i, unit in enumerate(Unit.objects.filter(code__in=["TH-50", "TH-83", "TH-20"])):
        notice_record(
            kind=Kind.EVIDENCE_RECEIVED, key=f"e{i}", recipients=lambda: [member], contest=rubric.contest, unit=unit,
            about="4.1.1", params={"contest": rubric.contest.name_th, "unit": unit.name_th, "code": "4.1.1",
                                   "day": dt.date(2023, 11, 3).isoformat()}, link="/",
        )  # fmt: skip
    notice_record(
        kind=Kind.QUESTION_ANSWERED, key="answered", recipients=lambda: [member], contest=rubric.contest,
        params={"contest": rubric.contest.name_th, "unit": "เชียงใหม่", "code": "3.4"}, link="/",
    )  # fmt: skip
    SiteContact.objects.update_or_create(pk=1, defaults={"phone": "0 2141 6135", "email": "cdd4@cdd.go.th"})
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, member.username, PASSWORD)
    page.goto(f"{live_server.url}/notices/")
    settle(page)
    assert page.locator(".top .bell .count").inner_text() == "๑"
    assert page.locator("#needs-you + ul .notice-title").first.inner_text() == "เชียงใหม่ ตอบคำขอชี้แจงตัวชี้วัด ๓.๔ แล้ว"
    assert page.locator("ul.notices.fyi summary").inner_text() == "ได้รับหลักฐาน ๓ รายการ จาก ๓ หน่วยงาน"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    keep_shot(page, "letters-inbox-390.png", full_page=True)
    page.goto(f"{live_server.url}/help/")
    settle(page)
    assert page.locator("#contact-phone").inner_text() == "0 2141 6135"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    keep_shot(page, "letters-help-390.png", full_page=True)


def test_central_staff_follow_the_dashboards_prompt_and_set_their_contacts_on_a_phone(browser, live_server):
    from django.core.cache import cache

    cache.clear()  # contacts are read through the cache: another test's, rolled back in the database, must not stay
    central = UserFactory(role=Role.CENTRAL)
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, central.username, PASSWORD)
    page.goto(f"{live_server.url}/standings/2566/")
    settle(page)
    page.locator("#contacts-prompt a").click()
    settle(page)
    page.get_by_label("โทรศัพท์").fill("0 2141 6135")
    page.get_by_label("อีเมล").fill("cdd4@cdd.go.th")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    keep_shot(page, "letters-contacts-390.png", full_page=True)
    page.locator("#contacts-site button").click()
    settle(page)
    page.goto(f"{live_server.url}/standings/2566/")
    assert page.locator("#contacts-prompt").count() == 0
    page.goto(f"{live_server.url}/help/")
    assert page.locator("#contact-email").inner_text() == "cdd4@cdd.go.th"
