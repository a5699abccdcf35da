"""Pushes to a linked LINE through the real SDK against the LINE stand-in: the token, the text, the retry key, the
errors a notices channel retries or gives up on, and the month's count against the quota (docs/line.md)."""

import socket
from datetime import date

import pytest

from accounts.models import AccountEvent, Event
from notices.channels.line.client import (
    LinePermanent,
    LineRetryable,
    line_push,
    line_pushes_this_month,
    line_quota_left,
    line_retry_key,
)
from notices.channels.line.models import LineLink, LinePushMonth
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LINE_USER = "U" + "c" * 32
LINK = "https://cdd4.example.go.th/standings/2570/"


@pytest.fixture
def linked(db):
    user = UserFactory()
    LineLink.objects.create(user=user, line_user_id=LINE_USER)
    return user


def _push(user, key=None, text="เลื่อนกำหนดส่ง ๒.๑.๒ เป็น ๑๕ ธ.ค. ๒๕๖๙"):
    line_push(user_id=user.pk, text=text, url=LINK, retry_key=key or line_retry_key("delivery", 1))


def test_a_push_carries_the_channel_token_the_text_and_the_link_to_the_linked_line(linked, line_api):
    _push(linked)
    [push] = line_api.pushes()
    assert push.body == {
        "to": LINE_USER,
        "messages": [{"type": "text", "text": f"เลื่อนกำหนดส่ง ๒.๑.๒ เป็น ๑๕ ธ.ค. ๒๕๖๙\n{LINK}"}],
        "notificationDisabled": False,
    }
    assert push.retry_key == line_retry_key("delivery", 1)
    assert line_api.asked == [("push", 200, push.retry_key)]  # the stand-in checked the bearer token
    assert (line_pushes_this_month(), line_quota_left()) == (1, 299)


def test_the_retry_key_names_what_is_sent(linked):
    assert line_retry_key("delivery", 7) == line_retry_key("delivery", 7) != line_retry_key("delivery", 8)


def test_a_refused_token_is_retried_once_set_anew_and_keeps_the_link(linked, line_api, settings):
    settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN = "revoked"
    with pytest.raises(LineRetryable) as refused:
        _push(linked)
    assert refused.value.status == 401
    assert LineLink.objects.filter(user=linked).exists() and line_api.pushes() == []
    assert line_pushes_this_month() == 0
    settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN = line_api.token
    _push(linked)
    assert len(line_api.pushes()) == 1


def test_a_request_line_calls_wrong_is_permanent_and_keeps_the_link(linked, line_api):
    line_api.fail_next(1, 400)
    with pytest.raises(LinePermanent) as refused:
        _push(linked)
    assert refused.value.status == 400
    assert LineLink.objects.filter(user=linked).exists()


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_busy_or_failing_line_is_retried_with_the_same_key_and_shown_once(linked, line_api, status):
    line_api.fail_next(1, status)
    key = line_retry_key("delivery", 42)
    with pytest.raises(LineRetryable) as busy:
        _push(linked, key)
    assert busy.value.status == status
    _push(linked, key)
    assert [(a[1], a[2]) for a in line_api.asked] == [(status, key), (200, key)]
    assert len(line_api.pushes()) == 1 and line_pushes_this_month() == 1


def test_a_push_taken_whose_answer_was_lost_is_not_shown_twice(linked, line_api):
    line_api.lose_next_answer()
    key = line_retry_key("delivery", 43)
    with pytest.raises(LineRetryable):
        _push(linked, key)
    _push(linked, key)  # LINE: 409, this key was taken; the push counts, once
    assert [a[1] for a in line_api.asked] == [500, 409]
    assert len(line_api.pushes()) == 1 and line_pushes_this_month() == 1


def test_a_line_out_of_reach_is_retryable(linked, line_api, settings):
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        settings.CDD4_LINE_API_HOST = f"http://127.0.0.1:{closed.getsockname()[1]}"
    with pytest.raises(LineRetryable):
        _push(linked)
    assert line_pushes_this_month() == 0


def test_a_person_who_blocked_the_official_account_is_unlinked(linked, line_api):
    line_api.blocked.add(LINE_USER)
    with pytest.raises(LinePermanent) as gone:
        _push(linked)
    assert gone.value.status == 403
    assert not LineLink.objects.exists()
    assert AccountEvent.objects.filter(user=linked, kind=Event.LINE_UNLINKED).count() == 1
    with pytest.raises(LinePermanent):  # nothing to push to any more, and nothing asked of LINE
        _push(linked, line_retry_key("delivery", 2))
    assert len(line_api.asked) == 1


def test_nothing_is_sent_to_an_account_without_line_or_while_line_is_off(linked, line_api, settings):
    with pytest.raises(LinePermanent):
        _push(UserFactory())
    settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN = ""
    with pytest.raises(LinePermanent):
        _push(linked)
    assert line_api.asked == []


def test_a_long_notice_is_cut_to_lines_limit_and_keeps_its_link(linked, line_api):
    _push(linked, text="ก" * 6000)
    [push] = line_api.pushes()
    text = push.text
    assert len(text) == 5000 and text.endswith(f"\n{LINK}")


def test_the_quota_counts_this_months_pushes_only(linked, line_api, settings):
    settings.CDD4_LINE_MONTHLY_QUOTA = 3
    LinePushMonth.objects.create(month=date(2000, 1, 1), pushes=500)  # an earlier month
    for n in range(4):
        _push(linked, line_retry_key("delivery", n))
    assert (line_pushes_this_month(), line_quota_left()) == (4, 0)
    assert LinePushMonth.objects.get(month=date(2000, 1, 1)).pushes == 500
