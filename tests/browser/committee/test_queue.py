"""Chromium, as the tester did: a committee member filters the matrix, walks "next with
evidence", keeps the filter on the way back, goes to the next criterion of the same province and sees the
count of what is left drop; on a 390 px phone the matrix is a list and the score form comes before the
evidence. `make screenshots` keeps pictures under var/screenshots/queue/ for review."""

import re

import pytest
from playwright.sync_api import expect

from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from submissions import services as evidence_services
from tests.browser_support import MARKS, keep_shot, portal_login
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


@pytest.fixture
def member(db):
    """Evidence for 1.1 in Chiang Mai and Chiang Rai and for 1.2 in Chiang Mai; Phuket's is for 3.1,
    outside dimension 1. Nonthaburi sent nothing."""
    rubric = ContestPeriod.objects.get(year=2566)
    for code, criterion in (("TH-50", "1.1"), ("TH-50", "1.2"), ("TH-57", "1.1"), ("TH-83", "3.1")):
        unit = Unit.objects.get(code=code)
        staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
        evidence_services.evidence_submit(
            user=staff, rubric=rubric, unit=unit, criterion_code=criterion, url=f"https://example.org/{code}"
        )
    return UserFactory(role=Role.COMMITTEE)


def _left(page) -> int:
    return int(page.locator("#progress [data-left]").first.get_attribute("data-left"))


def test_member_walks_next_with_evidence_keeping_the_filter(browser, live_server, member):
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, member.username, PASSWORD)
    page.goto(f"{base}/admin/committee/judgment/matrix/?year=2566&dimension=1")
    assert _left(page) == 4  # three in dimension 1 and Phuket's 3.1: the whole contest
    keep_shot(page, "queue/matrix-1366.png", full_page=False)

    page.click("#next-by-criterion")
    assert re.search(r"/score/2566/TH-50/1\.1/\?dimension=1&by=criterion$", page.url)
    # Save and next: Chiang Rai's 1.1 (Chiang Mai to Chiang Rai, nothing between has evidence).
    page.check("#judge-form input[name=points] >> nth=0")
    page.click("button[name=save_next]")
    assert re.search(r"/score/2566/TH-57/1\.1/\?dimension=1&by=criterion$", page.url)
    assert _left(page) == 3
    keep_shot(page, "queue/score-1366.png", full_page=True)

    # The next criterion of the same province, whatever the queue's order.
    page.click("#next-criterion")
    assert re.search(r"/score/2566/TH-57/1\.2/\?dimension=1&by=criterion$", page.url)
    expect(page.locator("#no-evidence")).to_be_visible()  # Chiang Rai sent nothing for 1.2

    page.click("#back-to-matrix")
    assert page.url.endswith("/matrix/?year=2566&dimension=1&by=criterion")
    assert page.locator("select[name=dimension]").input_value() == "1"
    expect(page.locator("#matrix thead th:not(.prov)")).to_have_text(["๑.๑", "๑.๒", "๑.๓", "๑.๔"])
    assert _left(page) == 3


def test_phone_gets_a_list_and_the_form_before_the_evidence(browser, live_server, member):
    base = live_server.url
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True).new_page()
    portal_login(page, base, member.username, PASSWORD)
    page.goto(f"{base}/admin/committee/judgment/matrix/?year=2566")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row = page.locator("#matrix tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "grid"
    assert page.locator("#matrix thead").is_hidden()
    cell = row.locator("td a").first.bounding_box()
    assert cell["height"] >= 44 and cell["x"] + cell["width"] <= 390
    keep_shot(page, "queue/matrix-390.png", full_page=False)

    page.goto(f"{base}/admin/committee/judgment/score/2566/TH-50/1.1/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    form = page.locator("#judge-form").bounding_box()
    evidence = page.locator("#evidence").bounding_box()
    assert form["y"] + form["height"] < evidence["y"]
    keep_shot(page, "queue/score-390.png", full_page=True)
