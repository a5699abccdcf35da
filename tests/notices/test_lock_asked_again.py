"""A notice's readers are the lock's answer, asked again when it is sent, when the digest is made and when the
inbox is read: a member declared conflicted on the unit after the notice was made, or a panelist removed, is
neither sent it nor shown it, and a closed account's waiting deliveries are dropped (marked, never sent)."""

import datetime as dt

import pytest
from django.urls import reverse

from committee import clarify
from committee.judging import judging_deadline_set
from committee.panels import panelist_appoint, panelist_remove
from committee.services import conflict_set
from notices import outbox, selectors
from notices.models import Delivery, DeliveryState, Kind
from notices.services import notice_record
from people.models import Role
from submissions.services import evidence_submit
from tests.factories import UserFactory

from .conftest import mailed

pytestmark = pytest.mark.django_db  # the change commits only in the test: the outbox is sent by hand


def states(user) -> list[str]:
    return sorted(Delivery.objects.filter(receipt__user=user).values_list("state", flat=True))


@pytest.fixture
def answered(rubric, people, chiang_mai):
    """The committee asked Chiang Mai and it answered: member and chair each hold an answer to be sent."""
    thread = clarify.clarification_open(
        member=people["chair"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message="ขอรูปเพิ่ม"
    )
    clarify.clarification_reply(user=people["cm"], clarification=thread, message="แนบแล้ว")
    return thread


def test_a_member_declared_conflicted_after_the_answer_is_not_sent_it(answered, people, chiang_mai, mailoutbox):
    conflict_set(by=people["central"], member=people["member"], unit=chiang_mai, conflicted=True, reason="บ้านเกิด")
    outbox.send_due()
    assert mailed(mailoutbox) == ["chair@example.org"]  # cm's question, answered before it went: met, not sent
    assert states(people["member"]) == [DeliveryState.DROPPED]
    assert Delivery.objects.get(receipt__user=people["member"]).last_error == "no longer the reader's to know"


def test_a_member_declared_conflicted_after_the_answer_does_not_see_it_in_the_inbox(
    answered, people, chiang_mai, client
):
    assert selectors.unread_count(people["member"]) == 1
    conflict_set(by=people["central"], member=people["member"], unit=chiang_mai, conflicted=True, reason="บ้านเกิด")
    member = type(people["member"]).objects.get(pk=people["member"].pk)  # as the next request reads them
    assert selectors.unread_count(member) == 0
    assert selectors.inbox_entries(member) == []
    client.force_login(people["member"])
    html = client.get(reverse("notices:inbox")).content.decode()
    assert "4.1.1" not in html and 'class="unread"' not in html
    assert len(selectors.inbox_entries(people["chair"])) == 1  # the chair may still judge Chiang Mai


def test_a_member_declared_conflicted_before_the_morning_gets_no_digest_of_the_units_evidence(
    rubric, people, chiang_mai, phuket, mailoutbox
):
    evidence_submit(user=people["cm"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", url="https://a.org/1")
    evidence_submit(user=people["pk"], rubric=rubric, unit=phuket, criterion_code="4.1.1", url="https://a.org/2")
    conflict_set(by=people["central"], member=people["member"], unit=chiang_mai, conflicted=True, reason="บ้านเกิด")
    assert outbox.send_digests() == 3  # member, chair and the member conflicted on Chiang Mai only: one e-mail each
    member_mail = next(m for m in mailoutbox if m.to == ["member@example.org"])
    assert "ภูเก็ต" in member_mail.body and "เชียงใหม่" not in member_mail.body
    assert states(people["member"]) == [DeliveryState.DROPPED, DeliveryState.SENT]
    (entry,) = selectors.inbox_entries(people["member"])
    assert [r.notice.unit for r in entry.receipts] == [phuket] and entry.unread


def test_a_closed_accounts_waiting_deliveries_are_dropped_at_once_and_in_the_digest(
    answered, rubric, people, chiang_mai, mailoutbox
):
    evidence_submit(user=people["cm"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", url="https://a.org/1")
    people["member"].is_active = False
    people["member"].save(update_fields=["is_active"])
    outbox.send_due()
    outbox.send_digests()
    assert "member@example.org" not in mailed(mailoutbox)
    assert states(people["member"]) == [DeliveryState.DROPPED, DeliveryState.DROPPED]
    assert DeliveryState.SENT in states(people["chair"])


def test_a_panelist_removed_after_the_judging_deadline_moved_is_not_sent_it_nor_sees_it(office, mailoutbox):
    rubric, people = office
    contest = rubric.contest
    kept, removed = (
        UserFactory(username=name, email=f"{name}@x.org", role=Role.OFFICE_STAFF, role__unit=contest.organiser)
        for name in ("stays", "leaves")
    )
    for panelist in (kept, removed):
        panelist_appoint(by=people["organiser"], contest=contest, user=panelist)
    judging_deadline_set(user=people["organiser"], contest=contest, deadline=dt.date(2021, 10, 1), reason="กำหนด")
    panelist_remove(by=people["organiser"], contest=contest, user=removed)
    outbox.send_due()
    assert mailed(mailoutbox) == ["stays@x.org"]
    assert states(removed) == [DeliveryState.DROPPED]
    assert selectors.inbox_entries(removed) == [] and selectors.unread_count(removed) == 0
    assert len(selectors.inbox_entries(kept)) == 1


def test_a_member_reads_an_answer_recorded_about_no_unit(rubric, people, client):
    """An answer recorded without its unit has no conflict to ask about: the inbox shows it, it does not fail."""
    notice_record(
        kind=Kind.QUESTION_ANSWERED, key="answered", recipients=lambda: [people["member"]], contest=rubric.contest,
        params={"contest": rubric.contest.name_th, "unit": "เชียงใหม่", "code": "3.4"}, link="/",
    )  # fmt: skip
    assert selectors.unread_count(people["member"]) == 1
    client.force_login(people["member"])
    response = client.get(reverse("notices:inbox"))
    assert response.status_code == 200
    assert "เชียงใหม่ ตอบคำขอชี้แจงตัวชี้วัด ๓.๔ แล้ว" in response.content.decode()
