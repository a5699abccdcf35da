"""Linking LINE from "บัญชีของฉัน" through signed webhooks, against the LINE stand-in (docs/line.md)."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.models import AccountEvent, Event
from notices.channels.line.models import LineLink, LineLinkCode
from tests.factories import PASSWORD, UserFactory
from tests.line_standin import follow_event, sign, text_event, unfollow_event, webhook_body

pytestmark = pytest.mark.django_db
LINE_USER = "U" + "a" * 32
OTHER_LINE_USER = "U" + "b" * 32


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # the codes a LINE user tried are counted in the cache


def _code(client) -> str:
    page = client.post("/accounts/me/line/connect/", {"password": PASSWORD})
    assert page.status_code == 200
    return re.search(r'id="line-code">([A-Z0-9]{6})<', page.content.decode()).group(1)


def _hook(client, *events, secret=None, signature=None):
    body = webhook_body(*events)
    signed = signature or sign(body, *([secret] if secret else []))
    headers = {} if signature == "" else {"HTTP_X_LINE_SIGNATURE": signed}
    return client.post("/line/webhook/", body, content_type="application/json", **headers)


def _kinds(user) -> list[str]:
    line = (Event.LINE_LINKED, Event.LINE_UNLINKED)
    return list(AccountEvent.objects.filter(user=user, kind__in=line).values_list("kind", flat=True))


def test_a_signed_webhook_with_the_live_code_links_the_account_and_answers_in_thai(client, line_api):
    user = UserFactory()
    client.force_login(user)
    code = _code(client)
    answered = _hook(client, text_event(LINE_USER, f" {code.lower()[:3]}-{code.lower()[3:]} "))  # as typed on a phone
    assert answered.status_code == 200
    assert LineLink.objects.get(user=user).line_user_id == LINE_USER
    [reply] = line_api.replies()
    assert reply.text.startswith(f"เชื่อมต่อบัญชี {user.username} ในพอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ กับ LINE นี้แล้ว")
    assert _kinds(user) == [Event.LINE_LINKED]
    assert "เชื่อมต่อแล้ว" in client.get("/accounts/me/").content.decode()

    _hook(client, text_event(OTHER_LINE_USER, code))  # used once
    assert LineLink.objects.get(user=user).line_user_id == LINE_USER
    assert line_api.replies()[-1].text.startswith("ไม่พบรหัสนี้ หรือรหัสหมดอายุแล้ว")


def test_a_forged_or_missing_signature_is_refused_and_changes_nothing(client, line_api):
    user = UserFactory()
    client.force_login(user)
    code = _code(client)
    assert _hook(client, text_event(LINE_USER, code), secret="not-the-channel-secret").status_code == 400
    assert _hook(client, text_event(LINE_USER, code), signature="").status_code == 400
    assert _hook(client, unfollow_event(LINE_USER), signature="c2lnbmVk").status_code == 400
    assert not LineLink.objects.exists() and line_api.asked == []
    assert LineLinkCode.objects.filter(user=user).exists()  # still live: the forged posts did not use it
    assert _hook(client, text_event(LINE_USER, code)).status_code == 200
    assert LineLink.objects.filter(user=user).exists()


def test_the_webhook_takes_posts_only_and_answers_lines_console_check(client, line_api):
    assert client.get("/line/webhook/").status_code == 405
    assert _hook(client).status_code == 200  # "Verify" in the LINE Developers Console: no events, signed


def test_an_expired_or_unknown_code_gets_a_neutral_answer_and_links_nothing(client, line_api):
    user = UserFactory()
    client.force_login(user)
    code = _code(client)
    LineLinkCode.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(seconds=1))
    _hook(client, text_event(LINE_USER, code), text_event(LINE_USER, "สวัสดีครับ"))
    assert not LineLink.objects.exists()
    expired, chat = line_api.replies()
    assert expired.text.startswith("ไม่พบรหัสนี้ หรือรหัสหมดอายุแล้ว")
    assert chat.text.startswith("หากต้องการรับการแจ้งเตือนจากพอร์ทัลที่นี่")  # not a code: how to link


def test_a_new_code_replaces_the_last_and_is_kept_only_as_a_hash(client, line_api):
    user = UserFactory()
    client.force_login(user)
    first, second = _code(client), _code(client)
    [kept] = LineLinkCode.objects.filter(user=user)
    assert first not in kept.code_hash and second not in kept.code_hash and len(kept.code_hash) == 64
    _hook(client, text_event(LINE_USER, first))
    assert not LineLink.objects.exists()
    _hook(client, text_event(LINE_USER, second))
    assert LineLink.objects.filter(user=user).exists()


def test_guessing_codes_is_limited_per_line_user(client, line_api, settings):
    settings.CDD4_LINE_LINK_RATE = "3/3600"
    user = UserFactory()
    client.force_login(user)
    code = _code(client)
    _hook(client, *[text_event(LINE_USER, guess) for guess in ("AAAAAA", "BBBBBB", "CCCCCC")])
    _hook(client, text_event(LINE_USER, code))
    assert not LineLink.objects.exists()
    assert line_api.replies()[-1].text.startswith("ลองรหัสหลายครั้งเกินไป")
    _hook(client, text_event(OTHER_LINE_USER, code))  # counted per LINE user: another's first try works
    assert LineLink.objects.get(user=user).line_user_id == OTHER_LINE_USER


def test_one_line_reaches_one_account_the_last_it_linked(client, line_api):
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    _hook(client, text_event(LINE_USER, _code(client)))
    client.force_login(second)
    _hook(client, text_event(LINE_USER, _code(client)))
    assert list(LineLink.objects.values_list("user", "line_user_id")) == [(second.pk, LINE_USER)]
    assert _kinds(first) == [Event.LINE_UNLINKED, Event.LINE_LINKED]


def test_unlinked_from_the_page_and_by_unfollowing(client, line_api):
    user = UserFactory()
    client.force_login(user)
    _hook(client, text_event(LINE_USER, _code(client)))
    page = client.post("/accounts/me/line/unlink/", follow=True)
    assert not LineLink.objects.exists()
    assert "ยกเลิกการเชื่อมต่อ LINE แล้ว" in page.content.decode()
    assert "ยังไม่เชื่อมต่อ" in page.content.decode()
    _hook(client, text_event(LINE_USER, _code(client)))
    assert _hook(client, unfollow_event(LINE_USER)).status_code == 200
    assert not LineLink.objects.exists()
    assert _kinds(user) == [Event.LINE_UNLINKED, Event.LINE_LINKED, Event.LINE_UNLINKED, Event.LINE_LINKED]


def test_following_the_official_account_is_answered_with_how_to_link(client, line_api):
    _hook(client, follow_event(LINE_USER))
    [reply] = line_api.replies()
    assert reply.text.startswith("หากต้องการรับการแจ้งเตือนจากพอร์ทัลที่นี่ กด “เชื่อมต่อ LINE”")


def test_without_a_token_line_is_off_and_the_page_says_so(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/accounts/me/").content.decode()
    assert "พอร์ทัลยังไม่ส่งการแจ้งเตือนทาง LINE" in page and 'id="line-connect"' not in page
    assert client.post("/accounts/me/line/connect/")["Location"] == "/accounts/me/"
    assert not LineLinkCode.objects.exists()
    body = webhook_body(text_event(LINE_USER, "AAAAAA"))
    refused = client.post("/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body))
    assert refused.status_code == 404


def test_a_closed_accounts_code_links_nothing(client, line_api):
    user = UserFactory()
    client.force_login(user)
    code = _code(client)
    user.is_active = False
    user.save()
    _hook(client, text_event(LINE_USER, code))
    assert not LineLink.objects.exists()


def test_the_code_page_is_never_cached_and_without_a_line_id_says_whom_to_ask(client, line_api, settings):
    settings.CDD4_LINE_BASIC_ID = ""
    client.force_login(UserFactory())
    page = client.post("/accounts/me/line/connect/", {"password": PASSWORD})
    assert "no-store" in page["Cache-Control"]
    text = page.content.decode()
    assert "สอบถาม LINE ID จากเจ้าหน้าที่ส่วนกลาง" in text and 'id="line-qr"' not in text
    assert client.get("/accounts/me/line/connect/").status_code == 405
