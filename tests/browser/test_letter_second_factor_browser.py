"""A deadline moved by letter, by an organiser who has not confirmed a second factor in this session: the page asks
the code before the form, so the letter attached after it is the one the move keeps (a file could not be kept
across the code's page, and was lost there)."""

from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import expect

from contests.models import Unit
from people.models import Role
from rubrics.models import RubricChange
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory, office_contest
from tests.rubrics.test_deadline_move import PDF

pytestmark = [*MARKS, pytest.mark.usefixtures("second_factor_required")]


def test_a_letter_is_kept_through_the_second_factor_step(browser, live_server, tmp_path):
    chiang_mai = Unit.objects.get(code="TH-50")
    office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(base + reverse("schedule:criterion", args=["cm-web-2564", "1.1"]))
    settle(page)
    expect(page.locator("#deadline-move-form")).to_have_count(0)
    keep_shot(page, "letter_factor_first.png", full_page=True)

    page.click("#deadline-move-factor-first a")
    secret = page.inner_text("#totp-secret").replace(" ", "")
    page.fill("input[name=token]", f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}")
    page.click("button[type=submit]")
    page.click("#recovery-codes a.button")  # saved them: back to the criterion's page, its form now open
    settle(page)

    letter = tmp_path / "ว1234.pdf"
    letter.write_bytes(PDF)
    page.fill("input[name=deadline]", "31/08/2564")
    page.fill("[name=reason]", "ขยายเวลาตามหนังสือจังหวัด")
    page.fill("input[name=letter_number]", "ชม 0019/ว 1234")
    page.fill("input[name=letter_date]", "10/08/2564")
    page.set_input_files("input[name=letter_pdf]", str(letter))
    page.click("#deadline-move-form button.primary")
    settle(page)

    expect(page.locator(".messages")).to_be_visible()
    change = RubricChange.objects.exclude(letter_file="").get()
    assert (change.letter_number, change.reason) == ("ชม 0019/ว 1234", "ขยายเวลาตามหนังสือจังหวัด")
    assert change.letter_file.read() == PDF
