"""Who can link a LINE and what drops a link (SECURITY.md, "LINE"): a link code only after the password or a current
code, asked again of whoever holds the session; the owner told by e-mail and in the inbox when a LINE is linked,
whatever they chose for notices. The link and any live code dropped by every remedy: tests/accounts/test_remedies.py."""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from accounts.models import AccountEvent, Event
from notices.channels.line import hooks
from notices.channels.line.models import LineLinkCode
from notices.models import Delivery, Kind, Mode, Preference, Receipt
from people.models import Conflict, Role
from tests.accounts.support import app_code
from tests.accounts.test_second_factor import enrol, signed_in
from tests.factories import PASSWORD, UserFactory
from tests.line_standin import sign, text_event, webhook_body

pytestmark = pytest.mark.django_db
CONNECT, STATUS = "/accounts/me/line/connect/", "/accounts/me/line/status/"
LINE_USER = "U" + "e" * 32


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
