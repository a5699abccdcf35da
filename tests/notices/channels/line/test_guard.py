"""Who can link a LINE and what drops a link (SECURITY.md, "LINE"): a link code only after the password or a current
code, asked again of whoever holds the session; the owner told by e-mail and in the inbox when a LINE is linked,
whatever they chose for notices; the link and any live code dropped wherever a password or a second factor change
ends the person's other sessions."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountEvent, Event
from notices.channels.line import hooks
from notices.channels.line.linking import line_code_issue
from notices.channels.line.models import LineLink, LineLinkCode
from notices.models import Delivery, Kind, Mode, Preference, Receipt
from people.models import Conflict, Role
from tests.accounts.support import app_code
from tests.accounts.test_second_factor import PAGE, enrol, signed_in
from tests.factories import PASSWORD, UserFactory
from tests.line_standin import sign, text_event, webhook_body

pytestmark = pytest.mark.django_db
CONNECT, STATUS = "/accounts/me/line/connect/", "/accounts/me/line/status/"
LINE_USER = "U" + "e" * 32
NEW = "ชุมชนดิจิทัล-2570"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # axes and the LINE codes count in the cache


@pytest.fixture
def roles(chiang_mai, phuket):
    """The owner (Chiang Mai's staff), another office's staff, a panelist, a member conflicted on Chiang Mai."""
    made = {
        "owner": UserFactory(username="cm", email="cm@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "other_office": UserFactory(username="pk", role=Role.OFFICE_STAFF, role__unit=phuket),
        "panelist": UserFactory(username="member", role=Role.COMMITTEE),
        "conflicted": UserFactory(username="conflicted", role=Role.COMMITTEE),
    }
    Conflict.objects.create(member=made["conflicted"], unit=chiang_mai)
    return made


def _code(page) -> str:
    return re.search(r'id="line-code">([A-Z0-9]{6})<', page.content.decode()).group(1)


def _linked(user) -> None:
    """A LINE linked and a code live, as a stolen session would leave them."""
    LineLink.objects.create(user=user, line_user_id=LINE_USER)
    line_code_issue(user=user)


def _dropped(user) -> bool:
    unlinked = AccountEvent.objects.filter(user=user, kind=Event.LINE_UNLINKED).exists()
    return unlinked and not LineLink.objects.filter(user=user).exists() and not LineLinkCode.objects.exists()


@pytest.mark.parametrize("who", ["owner", "other_office", "panelist", "conflicted"])
def test_a_link_code_is_given_only_after_the_persons_own_password(client, line_api, roles, who):
    user = roles[who]
    client.force_login(user)

    asked = client.post(CONNECT)
    wrong = client.post(CONNECT, {"password": "not-the-password"})
    someone_elses = UserFactory(username="someone", password="another-password-2570")
    theirs = client.post(CONNECT, {"password": "another-password-2570"})

    for refused in (asked, wrong, theirs):
        assert refused.status_code == 400 and 'id="line-code"' not in refused.content.decode()
    assert "รหัสผ่านไม่ถูกต้อง" in wrong.content.decode()
    assert not LineLinkCode.objects.exists()
    assert AccountEvent.objects.filter(user=user, kind=Event.FAILURE).count() == 2  # counted as sign-ins are
    given = client.post(CONNECT, {"password": PASSWORD})
    assert given.status_code == 200 and len(_code(given)) == 6
    assert list(LineLinkCode.objects.values_list("user", flat=True)) == [user.pk] != [someone_elses.pk]


def test_anonymous_gets_no_code_and_no_status(client, line_api):
    assert client.post(CONNECT, {"password": PASSWORD})["Location"].startswith("/accounts/login/")
    assert client.get(STATUS)["Location"].startswith("/accounts/login/")
    assert not LineLinkCode.objects.exists()


def test_no_link_code_is_shown_while_nothing_confirms_the_owner(client, line_api, roles, monkeypatch):
    """LINE asks accounts for the owner's password through a hook: with nothing registered there, the page
    fails instead of taking the password as typed."""
    client.raise_request_exception = True
    client.force_login(roles["owner"])
    monkeypatch.setattr(hooks.owner_confirm, "_functions", [])

    with pytest.raises(ImproperlyConfigured):
        client.post(CONNECT, {"password": PASSWORD})
    assert not LineLinkCode.objects.exists()


def test_a_current_code_from_the_app_gives_a_link_code_instead_of_the_password(
    client, line_api, central_user, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    enrol(signed_in(client, central_user), central_user)

    wrong = client.post(CONNECT, {"token": "000000"})
    given = client.post(CONNECT, {"token": app_code(central_user)})

    assert wrong.status_code == 400 and "รหัสไม่ถูกต้อง" in wrong.content.decode()
    assert given.status_code == 200 and len(_code(given)) == 6
    assert AccountEvent.objects.filter(user=central_user, kind=Event.FACTOR_FAILED).count() == 1


def test_the_owner_is_told_by_e_mail_and_in_the_inbox_when_a_line_is_linked(
    client, line_api, roles, mailoutbox, django_capture_on_commit_callbacks
):
    owner = roles["owner"]
    Preference.objects.create(user=owner, channel="email", mode=Mode.NONE)  # a thief's first step: mail off
    client.force_login(owner)
    code = _code(client.post(CONNECT, {"password": PASSWORD}))
    body = webhook_body(text_event(LINE_USER, code))

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body))

    [receipt] = Receipt.objects.filter(notice__kind=Kind.LINE_LINKED)
    assert receipt.user == owner and receipt.notice.link == "/accounts/me/#line"
    [mail] = mailoutbox
    assert mail.to == ["cm@example.org"] and "มีการเชื่อมต่อ LINE กับบัญชีของท่าน" in mail.subject
    assert "หากท่านไม่ได้เชื่อมต่อเอง" in mail.body
    assert list(Delivery.objects.values_list("channel", "state")) == [("email", "sent")]  # never to the new LINE
    assert [t.kind for t in line_api.taken] == ["reply"]
    assert not Receipt.objects.exclude(user=owner).exists()


def test_a_changed_password_drops_the_link(client, line_api, roles):
    owner = roles["owner"]
    _linked(owner)
    client.force_login(owner)
    new = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    assert client.post(reverse("password_change"), new).status_code == 302
    assert _dropped(owner)


def test_a_reset_password_drops_the_link(client, line_api, roles):
    owner = roles["owner"]
    _linked(owner)
    uid, token = urlsafe_base64_encode(force_bytes(owner.pk)), default_token_generator.make_token(owner)
    form = client.get(reverse("accounts:reset_confirm", args=[uid, token]), follow=True)
    assert client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}).status_code == 302
    assert _dropped(owner)


def test_setting_up_a_second_factor_drops_the_link(client, line_api, central_user):
    _linked(central_user)
    enrol(signed_in(client, central_user), central_user)
    assert _dropped(central_user)


def test_turning_the_second_factor_off_drops_the_link(client, line_api, central_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    enrol(signed_in(client, central_user), central_user)
    _linked(central_user)
    client.post("/accounts/me/", {"do": "remove", "token": app_code(central_user)})
    assert _dropped(central_user)


def test_central_staff_resetting_a_lost_factor_drops_the_link(line_api, central_user, chiang_mai, settings):
    settings.CDD4_SECOND_FACTOR = "offered"
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    TOTPDevice.objects.create(user=organiser, name="app", confirmed=True)
    _linked(organiser)
    admin = Client()
    admin.force_login(central_user)
    admin.post(
        reverse("admin:auth_user_changelist"), {"action": "second_factor_reset", "_selected_action": [organiser.pk]}
    )
    assert _dropped(organiser)


def test_a_wrong_set_up_code_keeps_the_link(client, line_api, central_user):
    _linked(central_user)
    signed_in(client, central_user)
    client.get(PAGE)
    assert client.post(PAGE, {"token": "000000", "next": "/"}).status_code == 400
    assert LineLink.objects.filter(user=central_user).exists()
