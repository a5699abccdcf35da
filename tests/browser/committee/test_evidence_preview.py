"""Chromium shows a real PDF and a real photo inside the scoring screen, with no CSP violation."""

import os

import pytest

from committee.demo import activity_photo, report_pdf, submit_file
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from tests.browser_support import FULL_CHROMIUM, MARKS, keep_shot, launch, settle
from tests.factories import PASSWORD, UserFactory

# Chromium's PDF viewer is part of the full browser, not of the headless shell the other browser tests use.
pytestmark = [*MARKS, pytest.mark.skipif(not os.path.exists(FULL_CHROMIUM), reason="Debian's chromium is absent")]
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"


@pytest.fixture
def browser(full_chromium, live_server, monkeypatch, settings, tmp_path):
    yield from launch(full_chromium, live_server, monkeypatch, settings, tmp_path)


def test_pdf_and_photo_render_in_the_scoring_screen(browser, live_server):
    rubric, chiang_mai = ContestPeriod.objects.get(year=2566), Unit.objects.get(code="TH-50")
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    cell = {"user": staff, "rubric": rubric, "unit": chiang_mai, "code": "3.4"}
    submit_file(**cell, name="รายงาน.pdf", data=report_pdf("สรุปการใช้ประโยชน์จาก ICT", "เชียงใหม่"))
    submit_file(**cell, name="ภาพกิจกรรม.jpg", data=activity_photo("ภาพการประชุม WebEx", 3))
    member = UserFactory(role=Role.COMMITTEE)

    page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH").new_page()
    console = []
    page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", member.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/committee/judgment/score/2566/TH-50/3.4/")
    settle(page)
    page.wait_for_timeout(1500)
    # Chromium's own PDF viewer (its built-in extension) took the frame: the PDF is being shown.
    assert any(f.url.startswith(PDF_VIEWER) for f in page.frames), [f.url for f in page.frames]
    image_width = page.eval_on_selector("#evidence img", "img => img.complete ? img.naturalWidth : 0")
    assert image_width == 640
    assert page.locator(".ev-list li").count() == 2
    assert [m for m in console if "Content Security Policy" in m or "Refused" in m] == []
    assert [m for m in console if m.startswith("error")] == []
    keep_shot(page, "committee_evidence_preview.png", full_page=True)

    # "]" and "[" move to the next and previous province for the same criterion (not while typing).
    page.focus("#judge-form textarea[name=note]")
    page.keyboard.press("BracketRight")
    assert page.url.endswith("/TH-50/3.4/")
    page.locator("h1").click()
    page.keyboard.press("BracketRight")
    page.wait_for_url("**/TH-51/3.4/")
    page.keyboard.press("BracketLeft")
    page.wait_for_url("**/TH-50/3.4/")
