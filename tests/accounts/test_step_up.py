"""A form sent before the second factor is kept and sent again once the code is confirmed (or the app set up), so
what was typed is saved after the step; one that waited too long says plainly that nothing was saved."""

from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from contests.models import ContestState
from people.models import Role
from rubrics.models import Criterion, RubricChange
from scoring.models import StandingsSnapshot
from scoring.recompute import standings_recompute
from tests.accounts.support import app_code, form_sent
from tests.factories import UserFactory, office_contest

from .test_second_factor import PAGE, signed_in

pytestmark = pytest.mark.usefixtures("second_factor_required")
CONTINUE = "/accounts/second-factor/continue/"


def stepped_up(client, user, response) -> str:
    """The person is sent to the code's page, sets the app up there, and goes on: the page that sends the kept
    form again. Returns that page."""
    assert (response.status_code, response["Location"]) == (302, f"{PAGE}?next={quote(CONTINUE, safe='')}")
    assert client.get(response["Location"]).status_code == 200
    codes = client.post(PAGE, {"token": app_code(user, confirmed=False), "next": CONTINUE})
    assert codes.status_code == 200 and codes.context["next"] == CONTINUE
    page = client.get(CONTINUE)
    assert page.status_code == 200
    return page.content.decode()


def sent_again(client, page: str):
    """What the browser does with the page: sends its form (by script, or the visible button)."""
    action, fields = form_sent(page, "continue-form")
    assert "ดำเนินการต่อ" in page and "accounts/continue.js" in page
    return client.post(action, fields)


def test_a_freeze_asked_before_the_factor_is_done_after_it(client, rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    signed_in(client, central_user)
    refused = client.post("/standings/2566/freeze/", {"confirm": "1"}, HTTP_REFERER="http://testserver/standings/2566/")
    assert not StandingsSnapshot.objects.exists()

    page = stepped_up(client, central_user, refused)
    assert form_sent(page, "continue-form")[0] == "/standings/2566/freeze/"
    response = sent_again(client, page)

    assert (response.status_code, response["Location"]) == (302, "/standings/2566/freeze/")
    assert StandingsSnapshot.objects.filter(rubric=rubric).count() == 1


def test_opening_a_contest_asked_before_the_factor_is_done_after_it(client, chiang_mai):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    contest = office_contest("cm-web-2564", chiang_mai).contest
    contest.state = ContestState.DRAFT
    contest.save(update_fields=["state"])
    signed_in(client, organiser)
    refused = client.post(reverse("builder:contest_open", args=["cm-web-2564"]), {"confirm": "1"})
    contest.refresh_from_db()
    assert contest.state == ContestState.DRAFT

    response = sent_again(client, stepped_up(client, organiser, refused))

    assert response.status_code == 302
    contest.refresh_from_db()
    assert contest.state == ContestState.OPEN


def test_a_deadline_and_reason_typed_in_the_admin_list_are_saved_after_the_factor(client, rubric, central_user):
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    before = criterion.deadline
    management = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0"}
    typed = {**management, "form-0-id": str(criterion.pk), "form-0-deadline": "2023-08-15", "_save": "Save"}
    typed["reason"] = "หนังสือกรมฯ ที่ มท ๐๔๑๐/๒๕๖๖\nขยายเวลา"
    signed_in(client, central_user)
    url = reverse("admin:rubrics_criterion_changelist") + "?year=2566"
    refused = client.post(url, typed)
    criterion.refresh_from_db()
    assert criterion.deadline == before

    page = stepped_up(client, central_user, refused)
    assert form_sent(page, "continue-form")[0] == url
    response = sent_again(client, page)

    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.deadline == date(2023, 8, 15)
    assert RubricChange.objects.filter(contest=rubric.contest).latest("pk").reason == typed["reason"]


def test_a_form_kept_longer_than_ten_minutes_says_nothing_was_saved(client, rubric, central_user, monkeypatch):
    standings_recompute(rubric_id=rubric.pk, full=True)
    signed_in(client, central_user)
    refused = client.post("/standings/2566/freeze/", {"confirm": "1"}, HTTP_REFERER="http://testserver/standings/2566/")
    client.get(refused["Location"])
    client.post(PAGE, {"token": app_code(central_user, confirmed=False), "next": CONTINUE})
    later = timezone.now() + timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)

    page = client.get(CONTINUE)

    assert page.status_code == 200
    text = page.content.decode()
    assert "ยังไม่ได้บันทึกสิ่งใด" in text and 'href="/standings/2566/"' in text and "continue-form" not in text
    assert not StandingsSnapshot.objects.exists()
    assert "ยังไม่ได้บันทึกสิ่งใด" in client.get(CONTINUE).content.decode()  # kept once: gone after it is read


def test_an_admin_action_on_a_selection_asked_before_the_factor_is_done_after_it(client, central_user, chiang_mai):
    organisers = [UserFactory(role=Role.ORGANISER, role__unit=chiang_mai) for _ in range(2)]
    for organiser in organisers:
        TOTPDevice.objects.create(user=organiser, name="app", confirmed=True)
    signed_in(client, central_user)
    chosen = {"action": "second_factor_reset", "_selected_action": [u.pk for u in organisers]}
    refused = client.post(reverse("admin:auth_user_changelist"), chosen)
    assert TOTPDevice.objects.filter(user__in=organisers).count() == 2

    response = sent_again(client, stepped_up(client, central_user, refused))

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user__in=organisers).exists()


def test_a_form_sent_before_the_code_asked_after_the_password_is_done_after_it(client, rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    TOTPDevice.objects.create(user=central_user, name="app", confirmed=True)
    signed_in(client, central_user)  # the password only: every page asks for the code first
    refused = client.post("/standings/2566/freeze/", {"confirm": "1"})
    assert refused["Location"] == f"{PAGE}?next={quote(CONTINUE, safe='')}"
    assert client.post(PAGE, {"token": app_code(central_user), "next": CONTINUE})["Location"] == CONTINUE

    response = sent_again(client, client.get(CONTINUE).content.decode())

    assert (response.status_code, response["Location"]) == (302, "/standings/2566/freeze/")
    assert StandingsSnapshot.objects.filter(rubric=rubric).count() == 1


def test_a_form_forged_elsewhere_is_never_sent_again_after_the_code(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    TOTPDevice.objects.create(user=central_user, name="app", confirmed=True)
    browser = signed_in(Client(enforce_csrf_checks=True), central_user)
    browser.post("/standings/2566/freeze/", {"confirm": "1"})  # another site's form: no CSRF token
    login = browser.get(PAGE)
    token = login.context["csrf_token"]
    browser.post(PAGE, {"token": app_code(central_user), "next": CONTINUE, "csrfmiddlewaretoken": token})

    page = browser.get(CONTINUE).content.decode()

    assert "ยังไม่ได้บันทึกสิ่งใด" in page and "continue-form" not in page
    assert not StandingsSnapshot.objects.exists()
