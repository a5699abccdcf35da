"""A clarification's messages are limited per person and thread, and the judges hear of a thread's answers at
once at most once an hour: the rest of the hour's answers wait for the daily digest (one message a day)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committee import clarify
from committee.errors import CommitteeError
from notices import outbox
from notices.models import Delivery, Kind

from .conftest import mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]


def pushed_to(line_api, *people) -> list[str]:
    """The usernames each push went to, sorted (every account here is linked: tests/notices/conftest.py)."""
    ids = {f"U{person.pk:032x}": person.username for person in people}
    return sorted(ids[p.body["to"]] for p in line_api.pushes() if p.body["to"] in ids)


@pytest.fixture
def thread(rubric, people, chiang_mai, mailoutbox):
    made = clarify.clarification_open(
        member=people["member"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message="ขอรูปเพิ่ม"
    )
    mailoutbox.clear()
    return made


def answer(people, thread, times: int, who: str = "cm") -> list[str]:
    """Each refusal's text; the answers taken are in the thread."""
    refused = []
    for i in range(times):
        try:
            clarify.clarification_reply(user=people[who], clarification=thread, message=f"แนบเพิ่ม {i}")
        except CommitteeError as exc:
            refused.append(str(exc))
    return refused


def test_twelve_answers_in_a_row_tell_each_judge_once_and_the_office_is_stopped_after_five(
    people, thread, mailoutbox, line_as_mail
):
    refused = answer(people, thread, 12)
    assert thread.messages.filter(author=people["cm"]).count() == clarify.THREAD_HOURLY == 5
    assert refused == ["คุณส่งข้อความในคำชี้แจงนี้ครบ ๕ ข้อความภายในหนึ่งชั่วโมงแล้ว "
                       "กรุณาส่งข้อความต่อไปภายหลัง หรือรวมไว้ในข้อความเดียว"] * 7  # fmt: skip
    assert mailed(mailoutbox) == ["chair@example.org", "member@example.org"]  # one each, the first answer
    assert pushed_to(line_as_mail, people["member"], people["chair"]) == ["chair", "member"]
    waiting = Delivery.objects.filter(receipt__notice__kind=Kind.QUESTION_ANSWERED, state="pending")
    assert waiting.filter(digest=True).count() == 4 * 2 * 2  # four answers, two judges, e-mail and LINE
    mailoutbox.clear()
    assert outbox.send_digests() == 4  # the morning: one message a judge a channel, the four answers in it
    assert mailed(mailoutbox) == ["chair@example.org", "member@example.org"]


def test_an_answer_an_hour_after_the_last_one_told_at_once_is_told_at_once_again(
    people, thread, mailoutbox, monkeypatch
):
    answer(people, thread, 2)
    assert mailed(mailoutbox) == ["chair@example.org", "member@example.org"]
    later = timezone.now() + timedelta(minutes=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert answer(people, thread, 1) == []
    assert mailed(mailoutbox) == ["chair@example.org"] * 2 + ["member@example.org"] * 2


def test_a_member_asking_on_the_same_thread_is_stopped_after_five_and_the_office_told_once(people, thread, mailoutbox):
    refused = answer(people, thread, 7, who="member")  # the opening question counts: five in the hour
    assert len(refused) == 3
    assert mailed(mailoutbox) == []  # the question's first telling was the opening one, within the hour


def test_a_person_is_stopped_after_twenty_messages_an_hour_across_threads(rubric, people, chiang_mai, phuket):
    codes = list(rubric.criteria.order_by("pk").values_list("code", flat=True))
    cells = [(unit, code) for unit in (chiang_mai, phuket) for code in codes][: clarify.PERSON_HOURLY + 1]
    refused = []
    for unit, code in cells:
        try:
            clarify.clarification_open(member=people["member"], rubric=rubric, unit=unit, criterion_code=code,
                                       message="ขอเอกสาร")  # fmt: skip
        except CommitteeError as exc:
            refused.append(str(exc))
    assert clarify.PERSON_HOURLY == 20
    assert refused == ["คุณส่งข้อความคำชี้แจงครบ ๒๐ ข้อความภายในหนึ่งชั่วโมงแล้ว กรุณาส่งข้อความต่อไปภายหลัง"]


def test_the_office_answering_past_the_limit_on_the_criterions_page_is_told_why_and_nothing_is_kept(
    people, thread, client
):
    from django.urls import reverse

    client.force_login(people["cm"])
    url = reverse("committee:clarification_answer", args=[thread.pk])
    for i in range(clarify.THREAD_HOURLY):
        client.post(url, {"message": f"แนบเพิ่ม {i}"})
    page = client.post(url, {"message": "อีกครั้ง"}, follow=True).content.decode()
    assert "คุณส่งข้อความในคำชี้แจงนี้ครบ ๕ ข้อความภายในหนึ่งชั่วโมงแล้ว" in page
    assert not thread.messages.filter(body="อีกครั้ง").exists()
