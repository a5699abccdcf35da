"""Every remedy ends every door a taken session could have opened to the account (accounts.sessions.DOORS): each
remedy (a password changed or reset, a second factor set up, turned off, or reset by central staff) against each
door (another session, a LINE link and its live code, a calendar address, a digital-ID link), door by door; and what
a remedy costs does not grow with other people's sessions."""

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.calendar import Found, calendar_address_make, calendar_reader
from accounts.digital_id.providers import citizen_hash
from accounts.models import AccountEvent, DigitalIdentity, Event
from accounts.models import PersonSession as Session
from accounts.session_store import SessionStore
from accounts.sessions import sessions_and_links_end
from notices.channels.line.linking import line_code_issue
from notices.channels.line.models import LineLink, LineLinkCode
from people.models import Role
from tests.accounts.support import app_code
from tests.factories import PASSWORD, UserFactory
from tests.scale.cost import assert_same_cost, cost

from .test_second_factor import enrol, signed_in

NEW = "ใหม่-2566-long-pass"


def _session(user):
    """Another browser signed in as the person: ended when its row is gone."""
    other = signed_in(Client(), user)
    key = other.session.session_key
    return lambda: not Session.objects.filter(session_key=key).exists()


def _line_link(user):
    LineLink.objects.create(user=user, line_user_id=f"U{user.pk:032x}")
    return lambda: not LineLink.objects.filter(user=user).exists() and _recorded(user, Event.LINE_UNLINKED)


def _line_code(user):
    line_code_issue(user=user)
    return lambda: not LineLinkCode.objects.filter(user=user).exists()


def _calendar(user):
    secret = calendar_address_make(user=user)
    return lambda: calendar_reader(secret).found is Found.UNKNOWN and _recorded(user, Event.CALENDAR_REVOKED)


def _digital_id(user):
    DigitalIdentity.objects.create(user=user, provider="thaid", citizen_hash=citizen_hash("1101700203451"))
    return lambda: not DigitalIdentity.objects.filter(user=user).exists() and _recorded(user, Event.DIGITAL_ID_UNLINKED)


def _recorded(user, kind) -> bool:
    return AccountEvent.objects.filter(user=user, kind=kind).count() == 1


DOORS = {"another session": _session, "LINE": _line_link, "LINE's code": _line_code, "calendar": _calendar}
DOORS |= {"digital ID": _digital_id}


def _password_changed(user, here):
    new = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    assert here.post(reverse("password_change"), new).status_code == 302


def _password_reset(user, here):
    user.refresh_from_db()  # its sign-in's time is in the token
    uid, token = urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)
    form = Client().get(reverse("accounts:reset_confirm", args=[uid, token]), follow=True)
    done = form.client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302


def _factor_set_up(user, here):
    enrol(here, user)


def _factor_turned_off(user, here):
    assert here.post("/accounts/me/", {"do": "remove", "token": app_code(user)}).status_code == 302


def _factor_reset_by_central(user, here):
    admin = Client()
    admin.force_login(UserFactory(role=Role.CENTRAL))
    changelist = reverse("admin:auth_user_changelist")
    assert admin.post(changelist, {"action": "second_factor_reset", "_selected_action": [user.pk]}).status_code == 302


# Each remedy, and whether the person has a factor before it (to turn off or lose).
REMEDIES = {
    "password changed": (_password_changed, False),
    "password reset": (_password_reset, False),
    "factor set up": (_factor_set_up, False),
    "factor turned off": (_factor_turned_off, True),
    "factor reset by central staff": (_factor_reset_by_central, True),
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("remedy", REMEDIES)
def test_every_remedy_ends_every_door(chiang_mai, settings, remedy, door):
    settings.CDD4_SECOND_FACTOR = "offered"
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    act, with_factor = REMEDIES[remedy]
    user = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    here = signed_in(Client(), user)  # the owner's own session, where the remedy is done
    if with_factor:
        enrol(here, user)
    ended = DOORS[door](user)
    assert not ended()

    act(user, here)

    assert ended()


def test_a_wrong_set_up_code_ends_no_door(chiang_mai):
    user = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    here = signed_in(Client(), user)
    ends = [make(user) for make in DOORS.values()]
    here.get("/accounts/second-factor/")

    assert here.post("/accounts/second-factor/", {"token": "000000", "next": "/"}).status_code == 400

    assert [ended() for ended in ends] == [False] * len(DOORS)
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _others_sessions(numbers: range) -> None:
    """Live sessions of other people, as signed-in browsers leave them."""
    store = SessionStore()
    later = timezone.now() + timedelta(days=1)
    rows = [
        Session(session_key=f"other{n:032d}", user_id=100_000 + n, expire_date=later,
                session_data=store.encode({SESSION_KEY: str(100_000 + n)}))
        for n in numbers
    ]  # fmt: skip
    Session.objects.bulk_create(rows)


def test_a_remedy_reads_the_persons_own_sessions_whatever_the_number_of_others(chiang_mai):
    """At N and 10 × N other people's live sessions, ending the person's own two asks the same queries and does the
    same work in Python (tests/scale/cost.py's measure: reading every live row to find theirs grows tenfold)."""
    user = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    costs, made = [], 0
    for others in (50, 500):
        _others_sessions(range(made, others))
        made = others
        for _browser in range(2):
            signed_in(Client(), user)
        costs.append(cost(lambda: sessions_and_links_end(user), reads=1))

    assert_same_cost("a remedy's sessions", 50, *costs)
    assert Session.objects.exclude(user_id=user.pk).count() == 500
    assert not Session.objects.filter(user_id=user.pk).exists()
