"""The committee's question is shown where the office answers it: on its page for that criterion, with who
asked, when (B.E.) and the text, and a form to answer there; the answered rounds keep their answers. Another
office never sees it, nor a member conflicted on the unit; the asking member's screen links to that page."""

from django.urls import reverse

from committee.clarify import clarification_close, clarification_open, clarification_reply
from committee.models import ClarificationStatus
from core.thai import thai_datetime
from people.models import Conflict, Role

from ..factories import UserFactory

PAGE = ("submissions:criterion", [2566, "TH-50", "1.1"])


def _page(client, user):
    client.force_login(user)
    return client.get(reverse(PAGE[0], args=PAGE[1]))


def test_the_office_reads_the_open_question_with_who_asked_and_when_and_answers_it_on_the_criterion_page(
    client, members, provincial_user, rubric, chiang_mai
):
    asker = members[0]
    asker.first_name, asker.last_name = "สมชาย", "ใจดี"
    asker.save()
    clar = clarification_open(
        member=asker, rubric=rubric, unit=chiang_mai, criterion_code="1.1", message="ขอรายงานฉบับเต็ม"
    )
    body = _page(client, provincial_user).content.decode()
    assert 'id="clarifications"' in body and "ขอรายงานฉบับเต็ม" in body and "สมชาย ใจดี" in body
    assert thai_datetime(clar.opened_at) in body  # พ.ศ., Thai digits
    answer = reverse("committee:clarification_answer", args=[clar.pk])
    assert f'action="{answer}"' in body

    response = client.post(answer, {"message": "แนบรายงานฉบับเต็มแล้ว"})
    assert response.status_code == 302 and response["Location"] == reverse(PAGE[0], args=PAGE[1])
    clar.refresh_from_db()
    assert clar.status == ClarificationStatus.ANSWERED
    body = client.get(response["Location"]).content.decode()
    assert "แนบรายงานฉบับเต็มแล้ว" in body and "ขอรายงานฉบับเต็ม" in body


def test_a_closed_round_keeps_its_question_and_answer_on_the_page_without_a_form(
    client, members, provincial_user, rubric, chiang_mai
):
    clar = clarification_open(
        member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="1.1", message="คำถามแรก"
    )
    clarification_reply(user=provincial_user, clarification=clar, message="คำตอบแรก")
    clarification_close(member=members[0], clarification=clar, message="ครบแล้ว")
    body = _page(client, provincial_user).content.decode()
    assert "คำถามแรก" in body and "คำตอบแรก" in body and "ครบแล้ว" in body
    assert reverse("committee:clarification_answer", args=[clar.pk]) not in body


def test_another_office_neither_sees_nor_answers_the_question(client, members, rubric, chiang_mai, phuket):
    clar = clarification_open(
        member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="1.1", message="คำถามลับ"
    )
    other = UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
    client.force_login(other)
    assert "คำถามลับ" not in client.get(reverse(PAGE[0], args=[2566, "TH-83", "1.1"])).content.decode()
    response = client.post(reverse("committee:clarification_answer", args=[clar.pk]), {"message": "แอบตอบ"})
    assert response.status_code == 404
    clar.refresh_from_db()
    assert clar.status == ClarificationStatus.OPEN and clar.messages.count() == 1


def test_a_member_conflicted_on_the_unit_does_not_see_the_question_on_its_page(client, members, rubric, chiang_mai):
    clarification_open(member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="1.1", message="คำถาม")
    Conflict.objects.create(member=members[1], unit=chiang_mai)
    response = _page(client, members[1])
    assert response.status_code == 404 or "คำถาม" not in response.content.decode()


def test_the_asking_members_screen_links_to_the_offices_page_for_the_criterion(client, members, rubric, chiang_mai):
    clarification_open(member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="1.1", message="คำถาม")
    client.force_login(members[0])
    body = client.get(reverse("admin:committee_score", args=[2566, "TH-50", "1.1"])).content.decode()
    assert f'href="{reverse(PAGE[0], args=PAGE[1])}#clarifications"' in body
    assert "คำถาม" in _page(client, members[0]).content.decode()


def test_the_criterion_page_costs_the_same_queries_with_one_round_or_three(
    client, members, provincial_user, rubric, chiang_mai, django_assert_num_queries
):
    clar = clarification_open(member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="1.1",
                              message="หนึ่ง")  # fmt: skip
    clarification_reply(user=provincial_user, clarification=clar, message="ตอบ")
    clarification_close(member=members[0], clarification=clar)
    client.force_login(provincial_user)
    url = reverse(PAGE[0], args=PAGE[1])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:  # one round, answered and closed (its notice settled)
        client.get(url)
    for _ in range(2):
        again = clarification_open(member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="1.1",
                                   message="อีก")  # fmt: skip
        clarification_reply(user=provincial_user, clarification=again, message="ตอบอีก")
        clarification_close(member=members[0], clarification=again)
    with django_assert_num_queries(len(one)):
        assert client.get(url).content.decode().count('class="clarification closed"') == 3
