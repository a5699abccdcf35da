"""LINE as a notices channel, through the real SDK against the LINE stand-in: a failed push is retried and shown
once, a worker killed mid-send loses nothing, a blocked Official Account unlinks and stops, and near the monthly
quota each person gets one digest push instead of one push per notice."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notices import outbox
from notices.channels.line.client import line_pushes_this_month, line_retry_key
from notices.channels.line.models import LineLink
from notices.models import Delivery, DeliveryState, Kind, Mode, Preference
from notices.services import notice_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the send waits for the commit
LINK = "http://localhost:8000/committee/clarifications/7/"  # CDD4_PUBLIC_URL in the tests


@pytest.fixture
def linked(line_api):
    people = [UserFactory(username=f"p{i}", email="") for i in range(3)]
    for person in people:
        LineLink.objects.create(user=person, line_user_id=f"U{person.pk:032x}")
    return people


def tell(people, key="q1", kind=Kind.QUESTION_ASKED):
    return notice_record(
        kind=kind,
        key=key,
        recipients=lambda: people,
        params={"contest": "ประกวดเว็บไซต์", "unit": "เชียงใหม่", "code": "4.1.1"},
        link="/committee/clarifications/7/",
    )


def line_rows():
    return list(Delivery.objects.filter(channel="line").order_by("pk"))


def test_a_notice_reaches_the_linked_line_with_its_thai_text_its_link_and_the_deliverys_retry_key(linked, line_api):
    tell(linked[:1])
    (push,) = line_api.pushes()
    (row,) = line_rows()
    assert push.body["to"] == f"U{linked[0].pk:032x}" and row.state == DeliveryState.SENT
    assert push.text == (
        "คณะกรรมการขอคำชี้แจงจากเชียงใหม่ เรื่องตัวชี้วัด ๔.๑.๑\nประกวดเว็บไซต์\n"  # the news first, the contest after
        "ขอให้ท่านตอบคำขอชี้แจงของคณะกรรมการในหน้าตัวชี้วัดนั้น\n" + LINK
    )
    assert push.retry_key == line_retry_key("delivery", row.pk)


def test_a_push_line_fails_with_500_is_retried_with_the_same_key_and_shown_once(linked, line_api):
    line_api.fail_next(1, 500)
    tell(linked[:1])
    (row,) = line_rows()
    assert (row.state, row.attempts, line_api.pushes()) == (DeliveryState.PENDING, 1, [])
    assert "500" in row.last_error
    line_api.lose_next_answer()  # the second try reaches LINE, its answer is lost
    assert outbox.send_due(now=timezone.now() + timedelta(hours=1)) == 0
    assert outbox.send_due(now=timezone.now() + timedelta(hours=2)) == 1  # the third: 409, already taken = sent
    row.refresh_from_db()
    key = line_retry_key("delivery", row.pk)
    assert [(kind, status) for kind, status, k in line_api.asked] == [("push", 500), ("push", 500), ("push", 409)]
    assert {k for _, _, k in line_api.asked} == {key}
    assert len(line_api.pushes()) == 1 and row.state == DeliveryState.SENT


def test_a_worker_killed_while_sending_loses_no_line_notice(linked, line_api):
    with pytest.MonkeyPatch.context() as mp:  # the commit's own send never happens: the worker is down
        mp.setattr("notices.services._queue", lambda notice_id: None)
        tell(linked)
    now = timezone.now()
    assert len(outbox._claim(Delivery.objects.filter(channel="line"), now)) == 3  # claimed, then killed
    assert outbox.send_due(now=now) == 0 and line_api.pushes() == []
    assert outbox.send_due(now=now + outbox.lease() + timedelta(seconds=1)) == 3
    assert sorted(p.body["to"] for p in line_api.pushes()) == sorted(f"U{p.pk:032x}" for p in linked)
    assert {r.state for r in line_rows()} == {DeliveryState.SENT}


def test_a_person_who_blocked_the_official_account_is_unlinked_and_gets_no_more_line_rows(linked, line_api):
    line_api.blocked.add(f"U{linked[0].pk:032x}")
    tell(linked[:2])
    assert [(r.receipt.user_id, r.state) for r in line_rows()] == [
        (linked[0].pk, DeliveryState.FAILED),
        (linked[1].pk, DeliveryState.SENT),
    ]
    assert not LineLink.objects.filter(user=linked[0]).exists()
    tell(linked[:2], key="q2")
    assert [r.receipt.user_id for r in line_rows()][2:] == [linked[1].pk]
    assert [status for _, status, _ in line_api.asked].count(403) == 1


def test_near_the_monthly_quota_each_person_gets_one_digest_push_instead_of_one_per_notice(linked, line_api, settings):
    settings.CDD4_LINE_MONTHLY_QUOTA = 2  # fewer pushes left than the three people waiting
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("notices.services._queue", lambda notice_id: None)
        for i in range(4):
            tell(linked, key=f"q{i}")
    assert outbox.send_due() == 0 and line_api.pushes() == []
    assert {(r.state, r.digest) for r in line_rows()} == {(DeliveryState.PENDING, True)}
    settings.CDD4_LINE_MONTHLY_QUOTA = 300
    assert outbox.send_digests() == 3  # one LINE message per person (nobody here has an e-mail address)
    pushes = line_api.pushes()
    assert sorted(p.body["to"] for p in pushes) == sorted(f"U{p.pk:032x}" for p in linked)
    assert all(p.text.startswith("การแจ้งเตือน ๔ เรื่อง\n\n• คณะกรรมการขอคำชี้แจง") for p in pushes)
    assert all(p.text.count(LINK) == 4 for p in pushes)


def test_line_is_a_choice_on_my_account_and_none_writes_no_line_row(linked, line_api, client):
    client.force_login(linked[0])
    html = client.get(reverse("accounts:account")).content.decode()
    assert 'name="mode-line" value="digest"' in html
    client.post(reverse("notices:preferences"), {"mode-line": "none"})
    assert Preference.objects.get(user=linked[0], channel="line").mode == Mode.NONE
    tell(linked[:2])
    assert [r.receipt.user_id for r in line_rows()] == [linked[1].pk]


@pytest.mark.parametrize("count", [1, 3])
def test_a_notice_asks_once_who_has_line_however_many_it_tells(line_api, count, django_assert_num_queries):
    people = [UserFactory(username=f"q{i}", email="") for i in range(count)]
    LineLink.objects.bulk_create([LineLink(user=p, line_user_id=f"U{p.pk:032x}") for p in people])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("notices.services._queue", lambda notice_id: None)
        # the same for one person as for three: whose LINE is linked is asked once, not per person
        with django_assert_num_queries(10):
            tell(people)
    assert len(line_rows()) == count


def test_a_batch_of_pushes_counts_against_the_quota_exactly_the_pushes_line_took(linked, line_api):
    """The batch counts its pushes ahead (a worker killed half-way has counted too many, never too few), then
    gives back those LINE did not take: here the one refused for a blocked Official Account."""
    line_api.blocked.add(f"U{linked[0].pk:032x}")
    tell(linked)
    assert [r.state for r in line_rows()] == [DeliveryState.FAILED, DeliveryState.SENT, DeliveryState.SENT]
    assert line_pushes_this_month() == len(line_api.pushes()) == 2
