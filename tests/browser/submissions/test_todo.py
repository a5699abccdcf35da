"""What to do now, walked in chromium: an office on a phone sees its next step above the fold and
follows it to the criterion's upload; a committee member follows "score N more" to the next item."""

from people.models import Role
from submissions import services as evidence
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_office_on_a_phone_sees_its_next_step_first_and_follows_it(browser, live_server, rubric, chiang_mai):
    # No criterion deadlines (a date ahead of today would lie years outside B.E. 2566, which the rubric refuses):
    # the rounds keep their own 2566 dates in the schedule; 1.1 is sent, so the late line leads, naming the
    # longest overdue (4.1.1), and the steps ahead follow in the rubric's order from 1.4.
    rubric.criteria.update(deadline=None)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    evidence.evidence_submit(
        user=staff, rubric=rubric, unit=chiang_mai, criterion_code="1.1", url="https://example.org/1.1"
    )
    for width, height in ((390, 844), (1366, 900)):
        page = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH").new_page()
        portal_login(page, live_server.url, staff.username, PASSWORD)
        card = page.locator("#todo")
        assert card.is_visible()
        assert card.bounding_box()["y"] < height  # above the fold
        assert fits(page)
        keep_shot(page, f"todo_office_{width}.png", full_page=False)
        assert page.locator('#todo li[data-todo="next"] a').first.inner_text().startswith("ส่งหลักฐาน ๑.๔ ")
        first = page.locator("#todo li a").first
        assert first.inner_text().startswith("เลยกำหนดแล้ว ยังส่งได้: ๔.๑.๑ ")  # the longest overdue leads
        first.click()
        settle(page)
        assert page.url.endswith("/years/2566/provinces/TH-50/criteria/4.1.1/")
        assert page.locator("#dropzone").count() == 1
        page.context.close()


def test_a_member_follows_score_n_more_to_the_next_item(browser, live_server, rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    evidence.evidence_submit(
        user=staff, rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", url="https://example.org/4.1.1"
    )
    member = UserFactory(role=Role.COMMITTEE)
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, member.username, PASSWORD)
    line = page.locator('#todo li[data-todo="score"] a')
    assert line.inner_text().startswith("ให้คะแนนอีก ๑ จาก ๑ รายการที่มีหลักฐาน")
    assert fits(page)
    keep_shot(page, "todo_committee_390.png", full_page=False)
    line.click()
    settle(page)
    assert "/TH-50/4.1.1/" in page.url
