"""Passkeys beside the app: added only in a session confirmed with the app, offered on the second
factor's page, in Thai, and gone with the rest when the second factor is turned off. The ceremony itself, with
a real browser's authenticator, is walked in tests/browser/accounts/test_accounts.py."""

import json

import pytest
from django_otp_webauthn.models import WebAuthnCredential

from accounts.models import AccountEvent, Event
from people.models import Role
from tests.accounts.support import app_code
from tests.factories import UserFactory

from .test_second_factor import PAGE, enrol, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]
BEGIN_ADD = "/accounts/passkey/registration/begin/"


def begin_add(client):
    return client.post(BEGIN_ADD, "{}", content_type="application/json")


def test_passkey_before_the_app_is_refused_in_thai(client):
    user = UserFactory(role=Role.CENTRAL)
    signed_in(client, user)

    response = begin_add(client)

    assert response.status_code == 403
    assert json.loads(response.content) == {
        "detail": "ตั้งค่าแอปยืนยันตัวตนก่อน แล้วจึงเพิ่มพาสคีย์",
        "code": "app_first",
    }


def test_passkey_in_a_session_not_yet_confirmed_is_refused(client):
    user = UserFactory(role=Role.CENTRAL)
    enrol(signed_in(client, user), user)
    client.logout()
    signed_in(client, user)  # the password alone: the app's code not typed yet

    response = begin_add(client)

    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "user_not_verified"


def test_passkey_offered_for_this_site_after_the_app_and_a_current_code(client):
    user = UserFactory(role=Role.CENTRAL, username="central.staff")
    enrol(signed_in(client, user), user)
    client.post("/accounts/me/", {"do": "passkey", "token": app_code(user)})

    options = json.loads(begin_add(client).content)

    assert options["rp"] == {"id": "testserver", "name": "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ / CDD 4.0 portal"}
    assert options["user"]["name"] == "central.staff"


def test_second_factor_page_offers_a_passkey_only_to_who_has_one(client):
    user = UserFactory(role=Role.CENTRAL)
    enrol(signed_in(client, user), user)
    client.logout()
    signed_in(client, user)
    assert b"passkey-verification-button" not in client.get(PAGE).content
    passkey = WebAuthnCredential(user=user, name="phone", confirmed=True, credential_id=b"k1", public_key=b"p")
    passkey.save()

    assert b"passkey-verification-button" in client.get(PAGE).content


def test_turning_the_second_factor_off_removes_passkeys_too(client):
    user = UserFactory(role=Role.CENTRAL)
    enrol(signed_in(client, user), user)
    WebAuthnCredential(user=user, name="phone", confirmed=True, credential_id=b"k2", public_key=b"p").save()

    response = client.post("/accounts/me/", {"do": "remove", "token": app_code(user)})

    assert response.status_code == 302
    assert WebAuthnCredential.objects.filter(user=user).count() == 0
    assert AccountEvent.objects.filter(user=user).latest("pk").kind == Event.FACTOR_REMOVED


def test_passkey_messages_come_in_thai(client):
    response = client.get("/accounts/passkey/jsi18n/")

    assert response.status_code == 200
    assert f'"Verify with Passkey": {json.dumps("ยืนยันด้วยพาสคีย์")}' in response.content.decode()
