"""What a confirmed session alone may not do, and what confirming does to the session: new
recovery codes and a new passkey ask for a current code, as turning the factor off does; a code, a set-up or a
recovery code gives the session a new key, so a cookie planted before it never becomes the confirmed one; a wrong
code at set-up is on the account's record as every wrong code is."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken

from accounts.models import AccountEvent, Event
from accounts.models import PersonSession as Session
from people.models import Role
from tests.accounts.support import app_code
from tests.factories import UserFactory

from .test_second_factor import PAGE, enrol, kinds, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]
BEGIN_ADD = "/accounts/passkey/registration/begin/"


@pytest.fixture
def central(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's growing wait after a wrong code: tested by its authors
    return UserFactory(role=Role.CENTRAL)


def _tokens(user) -> set[str]:
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def test_new_recovery_codes_ask_for_a_current_code(client, central):
    old = set(enrol(signed_in(client, central), central))

    bare = client.post("/accounts/me/", {"do": "codes"})
    wrong = client.post("/accounts/me/", {"do": "codes", "token": "000000"})

    for refused in (bare, wrong):
        assert refused.status_code == 200 and "recovery_codes.html" not in [t.name for t in refused.templates]
    assert _tokens(central) == old
    assert kinds(central)[-1] == Event.FACTOR_FAILED
    renewed = client.post("/accounts/me/", {"do": "codes", "token": app_code(central)})
    assert len(renewed.context["codes"]) == 10 and _tokens(central) == set(renewed.context["codes"]) != old
    assert kinds(central)[-2:] == [Event.FACTOR_OK, Event.CODES_MADE]


def test_a_new_passkey_asks_for_a_current_code_and_the_leave_lasts_five_minutes(client, central, monkeypatch):
    enrol(signed_in(client, central), central)

    refused = client.post(BEGIN_ADD, "{}", content_type="application/json")
    assert refused.status_code == 403
    assert json.loads(refused.content) == {"detail": "พิมพ์รหัสปัจจุบันจากแอปก่อน แล้วจึงเพิ่มพาสคีย์", "code": "code_first"}
    page = client.get("/accounts/me/").content.decode()
    assert 'id="passkey-registration-placeholder"' not in page and 'name="do" value="passkey"' in page

    allowed = client.post("/accounts/me/", {"do": "passkey", "token": app_code(central)}, follow=True)
    assert 'id="passkey-registration-placeholder"' in allowed.content.decode()
    assert client.post(BEGIN_ADD, "{}", content_type="application/json").status_code == 200

    later = timezone.now() + timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.post(BEGIN_ADD, "{}", content_type="application/json").status_code == 403


def _planted(victim: Client, user) -> str:
    """The attacker's session key, set in the victim's browser after their password (a cookie planted first)."""
    signed_in(victim, user)
    return victim.cookies["sessionid"].value


def _taken_over(key: str) -> bool:
    """Whether the planted key now reaches a confirmed session."""
    attacker = Client()
    attacker.cookies["sessionid"] = key
    return attacker.get("/accounts/me/").wsgi_request.user.is_verified()


def test_a_code_gives_the_session_a_new_key(central):
    enrol(signed_in(Client(), central), central)
    victim = Client()
    planted = _planted(victim, central)
    assert victim.post(PAGE, {"token": app_code(central), "next": "/"}).status_code == 302
    assert victim.cookies["sessionid"].value != planted
    assert victim.get("/accounts/me/").wsgi_request.user.is_verified()
    assert not Session.objects.filter(session_key=planted).exists() and not _taken_over(planted)


def test_a_recovery_code_gives_the_session_a_new_key(central):
    codes = enrol(signed_in(Client(), central), central)
    victim = Client()
    planted = _planted(victim, central)
    assert victim.post(PAGE, {"token": codes[0], "next": "/"}).status_code == 302
    assert victim.cookies["sessionid"].value != planted and not _taken_over(planted)


def test_setting_the_app_up_gives_the_session_a_new_key(central):
    victim = Client()
    planted = _planted(victim, central)
    enrol(victim, central)
    assert victim.cookies["sessionid"].value != planted and not _taken_over(planted)
    assert victim.get("/accounts/me/").wsgi_request.user.is_verified()


def test_a_wrong_code_at_set_up_is_recorded_as_every_wrong_code(client, central):
    signed_in(client, central)
    client.get(PAGE)
    assert client.post(PAGE, {"token": "000000", "next": "/"}).status_code == 400
    failed = AccountEvent.objects.filter(user=central).latest("pk")
    assert (failed.kind, failed.get_kind_display()) == (Event.FACTOR_FAILED, "รหัสยืนยันขั้นที่สองไม่ถูกต้อง")
