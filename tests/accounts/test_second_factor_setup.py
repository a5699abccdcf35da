"""Setting the app up: each showing of the page makes its own key, bound to the session that saw it and confirmable
for ten minutes; a new password voids keys shown before; setting up or removing the factor ends the person's other
sessions; wrong set-up codes are recorded; only a superuser turns off a superuser's factor."""

from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.audit import SECOND_FACTOR_SET
from accounts.models import AccountEvent, Event
from people.models import Role
from tests.accounts.support import app_code, device_code
from tests.factories import PASSWORD, UserFactory

from .test_second_factor import PAGE, enrol, kinds, signed_in

pytestmark = pytest.mark.usefixtures("second_factor_required")
LOGIN = "/accounts/login/"


def shown(client) -> TOTPDevice:
    """Opens the set-up page; the key it showed."""
    page = client.get(PAGE)
    assert page.status_code == 200 and "secret" in page.context
    device = TOTPDevice.objects.filter(user=page.wsgi_request.user, confirmed=False).latest("pk")
    assert page.context["secret"].replace(" ", "") in device.config_url
    return device


def test_a_key_seen_with_the_password_alone_never_confirms(central_user):
    thief, owner = signed_in(Client(), central_user), signed_in(Client(), central_user)
    seen = shown(thief)  # opens the page and leaves
    mine = shown(owner)  # later, the owner sets the app up from their own page
    assert seen.pk != mine.pk and seen.bin_key != mine.bin_key

    stolen = thief.post(PAGE, {"token": device_code(mine), "next": "/"})  # the owner's code, in the thief's session
    assert stolen.status_code == 400 and not central_user.totpdevice_set.filter(confirmed=True).exists()
    owned = owner.post(PAGE, {"token": device_code(mine), "next": "/"})
    assert owned.status_code == 200 and len(owned.context["codes"]) == 10

    assert list(central_user.totpdevice_set.values_list("pk", "confirmed")) == [(mine.pk, True)]  # the seen key is gone
    assert thief.get("/standings/")["Location"].startswith(LOGIN)  # its session ended with the set-up
    assert kinds(central_user).count(Event.KEY_SHOWN) == 2
    assert kinds(central_user).count(Event.FACTOR_FAILED) == 1


def test_a_key_shown_more_than_ten_minutes_ago_is_refused(client, central_user, monkeypatch):
    device = shown(signed_in(client, central_user))
    later = timezone.now() + timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.post(PAGE, {"token": device_code(device), "next": "/"})

    assert response.status_code == 400
    assert not central_user.totpdevice_set.filter(confirmed=True).exists()


def test_each_showing_makes_a_new_key_and_a_mistyped_code_shows_the_same_one_again(client, central_user):
    signed_in(client, central_user)
    first, second = shown(client), shown(client)
    assert first.bin_key != second.bin_key
    assert not TOTPDevice.objects.filter(pk=first.pk).exists()  # this session's earlier key is replaced
    wrong = client.post(PAGE, {"token": "000000", "next": "/"})
    assert wrong.status_code == 400 and wrong.context["secret"].replace(" ", "") in second.config_url
    assert kinds(central_user) == [Event.SIGN_IN, Event.KEY_SHOWN, Event.KEY_SHOWN, Event.FACTOR_FAILED]


def test_a_reset_password_voids_every_key_shown_before(client, central_user):
    shown(signed_in(Client(), central_user))
    central_user.refresh_from_db()  # the link is made after that sign-in, as the owner would ask for it
    uid, token = urlsafe_base64_encode(force_bytes(central_user.pk)), default_token_generator.make_token(central_user)
    form = client.get(reverse("accounts:reset_confirm", args=[uid, token]), follow=True)
    new = {"new_password1": "ชุมชนดิจิทัล-2570", "new_password2": "ชุมชนดิจิทัล-2570"}
    assert client.post(form.redirect_chain[-1][0], new).status_code == 302
    assert not central_user.totpdevice_set.exists()


def test_a_changed_password_voids_every_key_shown_before(client, central_user):
    shown(signed_in(client, central_user))
    new = {"old_password": PASSWORD, "new_password1": "ชุมชนดิจิทัล-2570", "new_password2": "ชุมชนดิจิทัล-2570"}
    assert client.post(reverse("password_change"), new).status_code == 302
    assert not central_user.totpdevice_set.exists()


def test_a_session_signed_in_before_the_set_up_is_asked_again(central_user):
    earlier, owner = signed_in(Client(), central_user), signed_in(Client(), central_user)
    enrol(owner, central_user)

    assert earlier.get("/standings/")["Location"] == f"{LOGIN}?next=/standings/"
    signed_in(earlier, central_user)
    assert earlier.get("/standings/")["Location"] == f"{PAGE}?next=%2Fstandings%2F"
    assert owner.get("/standings/")["Location"] == "/standings/2566/"  # the session that set it up goes on


def test_a_session_that_does_not_say_whether_its_person_has_a_factor_is_asked_when_they_have(client, central_user):
    TOTPDevice.objects.create(user=central_user, name="app", confirmed=True)
    signed_in(client, central_user)
    session = client.session
    del session[SECOND_FACTOR_SET]
    session.save()

    assert client.get("/standings/")["Location"] == f"{PAGE}?next=%2Fstandings%2F"


def test_removing_the_factor_ends_the_persons_other_sessions(central_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    here = signed_in(Client(), central_user)
    enrol(here, central_user)
    there = signed_in(Client(), central_user)
    assert there.post(PAGE, {"token": app_code(central_user), "next": "/"}).status_code == 302

    here.post("/accounts/me/", {"do": "remove", "token": app_code(central_user)})

    assert not central_user.totpdevice_set.exists()
    assert there.get("/standings/")["Location"].startswith(LOGIN)
    assert here.get("/standings/")["Location"] == "/standings/2566/"


def _reset(client, *users):
    return client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "second_factor_reset", "_selected_action": [u.pk for u in users]},
    )


def test_central_staff_turn_off_a_lost_phone_but_not_a_superusers_factor(central_user, chiang_mai, settings):
    settings.CDD4_SECOND_FACTOR = "offered"  # the admin's own code is tested with the action's other askings
    organiser = UserFactory(username="a-organiser", role=Role.ORGANISER, role__unit=chiang_mai)
    root = UserFactory(username="b-root", is_superuser=True)
    for user in (organiser, root):
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    lost_phone = signed_in(Client(), organiser)
    admin = Client()
    admin.force_login(central_user)

    response = _reset(admin, organiser, root)

    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "ยกเลิกแล้ว 1 บัญชี",
        "ไม่ได้ยกเลิกยืนยันตัวตนขั้นที่สองของ 1 บัญชีที่คุณไม่มีสิทธิ์ยกเลิกยืนยันตัวตนขั้นที่สองของ",
    ]
    assert (organiser.totpdevice_set.exists(), root.totpdevice_set.exists()) == (False, True)
    assert lost_phone.get("/standings/")["Location"].startswith(LOGIN)
    assert list(AccountEvent.objects.filter(kind=Event.FACTOR_REMOVED).values_list("user", "by")) == [
        (organiser.pk, central_user.pk)
    ]


def test_a_superuser_turns_off_another_superusers_factor(client, central_user, settings):
    settings.CDD4_SECOND_FACTOR = "offered"
    central_user.is_superuser = True
    central_user.save(update_fields=["is_superuser"])
    root = UserFactory(username="b-root", is_superuser=True)
    TOTPDevice.objects.create(user=root, name="app", confirmed=True)
    client.force_login(central_user)

    _reset(client, root)

    assert not root.totpdevice_set.exists()
