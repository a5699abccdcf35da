"""LINE as the person reads it: before linking, the notice preferences say LINE is not linked, link to
the LINE box and tick nothing; the chat's answer names the account and its office; the code's page asks a status
that says only whether the person's own LINE is linked."""

import re

import pytest
from django.core.cache import cache

from notices.channels.line.models import LineLink
from people.models import Conflict, Role
from tests.factories import PASSWORD, UserFactory
from tests.line_standin import sign, text_event, webhook_body

pytestmark = pytest.mark.django_db
CONNECT, STATUS = "/accounts/me/line/connect/", "/accounts/me/line/status/"
LINE_USER = "U" + "f" * 32
LINE_RADIOS = re.compile(r'<input type="radio" name="mode-line"[^>]*>')


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


def _link(client, line_user: str = LINE_USER) -> str:
    code = re.search(r'id="line-code">([A-Z0-9]{6})<', client.post(CONNECT, {"password": PASSWORD}).content.decode())
    body = webhook_body(text_event(line_user, code.group(1)))
    client.post("/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body))
    return code.group(1)


def _choice(page: str, legend: str) -> str:
    [fieldset] = re.findall(rf"<fieldset>\s*<legend>{legend}</legend>.*?</fieldset>", page, re.S)
    return fieldset


def _line_choice(page: str) -> str:
    return _choice(page, "LINE")


@pytest.mark.parametrize("where", ["/accounts/me/", "/notices/"])
def test_before_linking_the_line_choice_says_not_linked_links_to_the_box_and_ticks_nothing(
    client, line_api, provincial_user, where
):
    client.force_login(provincial_user)
    before = _line_choice(client.get(where).content.decode())
    assert "ยังไม่ได้เชื่อมต่อ LINE" in before and 'href="/accounts/me/#line"' in before
    assert "ยังไม่มีที่อยู่" not in before and LINE_RADIOS.findall(before) == []
    mail = _choice(client.get(where).content.decode(), "อีเมล")  # the other channel a person may lack, alike
    assert "บัญชีนี้ยังไม่มีอีเมล" in mail and 'href="/accounts/me/#email-change"' in mail and "radio" not in mail

    _link(client)

    after = _line_choice(client.get(where).content.decode())
    assert "ยังไม่ได้เชื่อมต่อ" not in after
    assert [r for r in LINE_RADIOS.findall(after) if "checked" in r] == [
        '<input type="radio" name="mode-line" value="immediate" checked>'
    ]


def test_the_chat_answer_names_the_account_and_its_office(client, line_api, chiang_mai):
    user = UserFactory(username="cm.somsri", first_name="สมศรี", last_name="ใจดี", role=Role.OFFICE_STAFF,
                       role__unit=chiang_mai)  # fmt: skip
    client.force_login(user)
    _link(client)
    [reply] = line_api.replies()
    assert reply.text.startswith("เชื่อมต่อบัญชี cm.somsri (สมศรี ใจดี, จังหวัดเชียงใหม่) ในพอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ กับ LINE นี้แล้ว")


def test_the_chat_answer_names_the_role_of_an_account_without_an_office(client, line_api, committee_user):
    client.force_login(committee_user)
    _link(client)
    [reply] = line_api.replies()
    assert reply.text.startswith(f"เชื่อมต่อบัญชี {committee_user.username} (กรรมการ) ในพอร์ทัล")


def test_the_status_says_whether_ones_own_line_is_linked_and_nothing_else(client, line_api, chiang_mai, phuket):
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    others = [
        UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        UserFactory(role=Role.COMMITTEE),
        UserFactory(role=Role.COMMITTEE),
    ]
    Conflict.objects.create(member=others[2], unit=chiang_mai)
    client.force_login(owner)
    assert client.get(STATUS).json() == {"linked": False, "waiting": False}
    client.post(CONNECT, {"password": PASSWORD})
    assert client.get(STATUS).json() == {"linked": False, "waiting": True}
    _link(client)
    answer = client.get(STATUS)
    assert answer.json() == {"linked": True, "waiting": False} and "no-cache" in answer["Cache-Control"]
    for other in others:  # another office, a panelist, a conflicted member: their own, never the owner's
        client.force_login(other)
        assert client.get(STATUS).json() == {"linked": False, "waiting": False}
    assert list(LineLink.objects.values_list("user", flat=True)) == [owner.pk]


def test_the_code_page_polls_the_status_and_goes_back_to_the_line_box(client, line_api, provincial_user):
    client.force_login(provincial_user)
    page = client.post(CONNECT, {"password": PASSWORD}).content.decode()
    assert f'data-status="{STATUS}"' in page and 'data-linked="/accounts/me/#line"' in page
    assert "ระบบจะกลับไปที่หน้าบัญชีของฉันเอง" in page
    assert re.search(r'<script src="/static/line/link\.js[^"]*" defer></script>', page)
