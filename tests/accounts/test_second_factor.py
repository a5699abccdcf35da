"""Central staff and organisers confirm a second factor before the decisions it guards."""

import re
import time

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from accounts.models import AccountEvent, Event
from core import acts
from core.gate import SecondFactorRequired
from people.models import Role
from scoring import snapshots
from scoring.models import StandingsSnapshot
from scoring.recompute import standings_recompute
from tests.accounts.support import app_code, spent_code
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.usefixtures("second_factor_required")
PAGE = "/accounts/second-factor/"


def kinds(user) -> list[str]:
    return list(AccountEvent.objects.filter(user=user).order_by("pk").values_list("kind", flat=True))


def signed_in(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def enrol(client, user) -> list[str]:
    client.get(PAGE)  # makes the pending device
    response = client.post(PAGE, {"token": app_code(user, confirmed=False), "next": "/"})
    assert response.status_code == 200
    return response.context["codes"]


def test_freeze_without_a_second_factor_goes_to_its_page_and_freezes_nothing(client, rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    signed_in(client, central_user)
    response = client.post(
        "/standings/2566/freeze/", {"confirm": "1"}, HTTP_REFERER="http://testserver/standings/2566/"
    )
    next_page = "%2Faccounts%2Fsecond-factor%2Fcontinue%2F"  # where the freeze is sent again (test_step_up)
    assert (response.status_code, response["Location"]) == (302, f"{PAGE}?next={next_page}")
    assert not StandingsSnapshot.objects.exists()
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "<svg" in page.content.decode() and page.context["secret"].count(" ") >= 7  # QR and the typed key


def test_set_up_then_the_same_freeze_goes_through(client, rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    signed_in(client, central_user)
    codes = enrol(client, central_user)
    assert len(codes) == 10 and len(set(codes)) == 10
    response = client.post("/standings/2566/freeze/", {"confirm": "1"})
    assert response.status_code == 302 and response["Location"] == "/standings/2566/freeze/"
    assert StandingsSnapshot.objects.filter(rubric=rubric).count() == 1
    assert kinds(central_user) == [Event.SIGN_IN, Event.KEY_SHOWN, Event.FACTOR_ADDED]


def test_the_service_itself_refuses_an_unverified_decider(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    with pytest.raises(SecondFactorRequired) as exc:
        snapshots.standings_freeze(user=central_user, rubric=rubric)
    assert str(exc.value).startswith("ต้องยืนยันตัวตนขั้นที่สอง")
    assert not StandingsSnapshot.objects.exists()


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMITTEE, Role.CHAIR])
def test_roles_that_decide_nothing_guarded_are_never_asked(role, chiang_mai):
    user = UserFactory(role=role, role__unit=chiang_mai if role == Role.OFFICE_STAFF else None)
    acts.step_up(user, "scoring.freeze")  # no exception


def test_a_person_who_set_one_up_is_asked_after_the_password_before_any_page(client, central_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp makes each wrong code wait longer; tested by its authors
    signed_in(client, central_user)
    enrol(client, central_user)
    client.logout()
    signed_in(client, central_user)
    response = client.get("/standings/")
    assert (response.status_code, response["Location"]) == (302, f"{PAGE}?next=%2Fstandings%2F")
    wrong = client.post(PAGE, {"token": "000000", "next": "/standings/"})
    assert wrong.status_code == 400
    assert "รหัสไม่ถูกต้อง" in wrong.content.decode()
    again = client.post(PAGE, {"token": spent_code(central_user), "next": "/standings/"})
    assert again.status_code == 400  # the code that set it up is spent: never taken twice
    ok = client.post(PAGE, {"token": app_code(central_user), "next": "/standings/"})
    assert (ok.status_code, ok["Location"]) == (302, "/standings/")
    assert client.get("/standings/")["Location"] == "/standings/2566/"  # the page itself, no longer the code
    assert kinds(central_user)[-3:] == [Event.FACTOR_FAILED, Event.FACTOR_FAILED, Event.FACTOR_OK]


def test_a_code_typed_as_the_step_turned_leaves_the_apps_next_code_accepted(client, central_user):
    """The code that set the app up reached the portal in the next 30 s step: django-otp keeps that drift (-1), so
    the window it accepts moves back a step. The code the app shows now is still taken, and only once."""
    signed_in(client, central_user)
    enrol(client, central_user)
    device = central_user.totpdevice_set.get()
    now = int((time.time() - device.t0) // device.step)
    device.drift, device.last_t = -1, now - 1
    device.save(update_fields=["drift", "last_t"])
    client.logout()
    signed_in(client, central_user)

    ok = client.post(PAGE, {"token": app_code(central_user), "next": "/standings/"})

    assert (ok.status_code, ok["Location"]) == (302, "/standings/")
    assert client.post(PAGE, {"token": spent_code(central_user), "next": "/"}).status_code == 400


def test_a_recovery_code_works_once(client, central_user):
    signed_in(client, central_user)
    codes = enrol(client, central_user)
    client.logout()
    signed_in(client, central_user)
    assert client.post(PAGE, {"token": codes[0], "next": "/"}).status_code == 302
    assert StaticToken.objects.filter(device__user=central_user).count() == 9
    client.logout()
    signed_in(client, central_user)
    assert client.post(PAGE, {"token": codes[0], "next": "/"}).status_code == 400
    assert Event.RECOVERY_USED in kinds(central_user)


def test_an_organiser_opening_a_draft_contest_is_asked(client, chiang_mai):
    from tests.factories import office_contest

    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    contest = office_contest("cm-web-2564", chiang_mai).contest
    contest.state = "draft"
    contest.save(update_fields=["state"])
    signed_in(client, organiser)
    response = client.post(reverse("builder:contest_open", args=["cm-web-2564"]), {"confirm": "1"})
    assert response.status_code == 302 and response["Location"].startswith(PAGE)
    contest.refresh_from_db()
    assert contest.state == "draft"


def test_making_an_api_token_asks_first(client, central_user):
    signed_in(client, central_user)
    response = client.get("/admin/knox/authtoken/add/")
    assert (response.status_code, response["Location"]) == (302, f"{PAGE}?next=%2Fadmin%2Fknox%2Fauthtoken%2Fadd%2F")
    enrol(client, central_user)
    assert client.get("/admin/knox/authtoken/add/").status_code == 200


def test_turning_it_off_needs_a_current_code(client, central_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    signed_in(client, central_user)
    enrol(client, central_user)
    refused = client.post("/accounts/me/", {"do": "remove", "token": "123456"})
    assert refused.status_code == 200 and "รหัสไม่ถูกต้อง" in refused.content.decode()
    assert central_user.totpdevice_set.filter(confirmed=True).exists()
    client.post("/accounts/me/", {"do": "remove", "token": app_code(central_user)})
    assert not central_user.totpdevice_set.exists()
    assert kinds(central_user)[-1] == Event.FACTOR_REMOVED


def test_a_code_typed_again_too_soon_says_how_long_to_wait(client, db, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 600  # the first wrong code holds the app 10 minutes: no race with the clock
    user = UserFactory(role=Role.CENTRAL)
    enrol(signed_in(client, user), user)
    client.logout()
    signed_in(client, user)
    wrong = f"{(int(app_code(user)) + 500_000) % 1_000_000:06d}"
    client.post(PAGE, {"token": wrong, "next": "/"})  # django-otp then holds the app (1 s, then 2, 4… by default)

    response = client.post(PAGE, {"token": app_code(user), "next": "/"})

    assert response.status_code == 400
    [wait] = re.findall(r"ใส่รหัสผิดหลายครั้ง รอ ([๐-๙]+) วินาทีแล้วพิมพ์รหัสล่าสุดจากแอปอีกครั้ง", response.content.decode())
    assert 590 <= int(wait.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))) <= 600
    assert not client.get("/accounts/me/").wsgi_request.user.is_verified()
