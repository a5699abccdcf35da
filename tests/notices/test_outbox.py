"""The outbox sends each delivery on its own: whatever one delivery raises is that delivery's failure, recorded
with its reason, and the rest of the batch is sent; a name with a line break is sent on one subject line. A sender
killed half-way leaves only its chunk waiting out the lease, and sends nothing another took once its lease ran out."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.utils import timezone

from notices import outbox
from notices.models import Delivery, DeliveryState, Kind
from notices.services import notice_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def tell(key: str, people, contest: str = "ประกวดเว็บไซต์", **params):
    return notice_record(
        kind=Kind.DEADLINE_MOVED,
        key=key,
        recipients=lambda: people,
        params={"contest": contest, "code": "1.1", "old": "", "new": "2023-09-15", **params},
        link="/submissions/",
    )


@pytest.fixture
def three():
    return [UserFactory(username=f"p{i}", email=f"p{i}@example.org") for i in range(3)]


def test_a_line_break_in_a_name_is_sent_on_one_subject_line(three, mailoutbox):
    """The subject is the news: a unit's name stored before names were checked reaches it."""
    tell("a", three[:1])
    notice_record(
        kind=Kind.QUESTION_ASKED,
        key="b",
        recipients=lambda: three[1:2],
        params={"contest": "ประกวด\r\nเว็บไซต์", "unit": "หมู่บ้าน\r\nเศรษฐกิจ\x0bพอ\u2028เพียง", "code": "1.1"},
        link="/submissions/",
    )
    tell("c", three[2:])
    assert outbox.send_due() == 3
    assert [m.to for m in mailoutbox] == [["p0@example.org"], ["p1@example.org"], ["p2@example.org"]]
    assert "หมู่บ้าน เศรษฐกิจ พอ เพียง" in mailoutbox[1].subject
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}


def test_a_delivery_that_raises_anything_is_failed_with_its_reason_and_the_rest_of_the_batch_is_sent(three, mailoutbox):
    tell("a", three[:1])
    tell("b", three[1:2], new="วันที่ผิด")  # a stored day no date reads: the text cannot be made
    tell("c", three[2:])
    assert outbox.send_due() == 2
    assert [m.to for m in mailoutbox] == [["p0@example.org"], ["p2@example.org"]]
    rows = {d.receipt.user.username: d for d in Delivery.objects.select_related("receipt__user")}
    assert rows["p0"].state == rows["p2"].state == DeliveryState.SENT
    assert rows["p1"].state == DeliveryState.FAILED
    assert rows["p1"].last_error.startswith("ValueError: Invalid isoformat string")
    assert outbox.send_due() == 0  # failed stays failed: not tried again each minute


def test_a_digest_that_raises_fails_its_own_deliveries_and_the_other_persons_digests_go(three, mailoutbox):
    from notices.models import Mode, Preference

    for person in three:
        Preference.objects.create(user=person, channel="email", mode=Mode.DIGEST)
    tell("a", three[:1])
    tell("b", three[1:2], new="วันที่ผิด")
    tell("c", three[2:])
    assert outbox.send_digests() == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p2@example.org"]
    failed = Delivery.objects.get(state=DeliveryState.FAILED)
    assert failed.receipt.user == three[1] and failed.last_error.startswith("ValueError: ")


class Killed(BaseException):
    """The sender's process killed: nothing after it runs, no handler records anything."""


class DyingBackend(locmem.EmailBackend):
    """The mail server takes `taking` messages, then the sender dies while sending the next."""

    taking = 0

    def send_messages(self, messages):
        if len(mail.outbox) >= self.taking:
            raise Killed
        return super().send_messages(messages)


def test_a_sender_killed_half_way_leaves_only_its_chunk_waiting_and_each_message_goes_once(settings, mailoutbox):
    people = [UserFactory(username=f"k{i}", email=f"k{i}@example.org") for i in range(outbox.CHUNK + 5)]
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the commit's own send is not run here: the sender below is
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("notices.services._queue", lambda notice_id: None)
        tell("all", people)
    settings.EMAIL_BACKEND = f"{__name__}.DyingBackend"
    DyingBackend.taking = 3
    now = timezone.now()
    with pytest.raises(Killed):
        outbox.send_due(now=now)
    assert len(mailoutbox) == 3
    rows = Delivery.objects.order_by("pk")
    assert [r.state for r in rows].count(DeliveryState.SENT) == 3
    leased = rows.filter(state=DeliveryState.PENDING, next_try__gt=now)
    assert leased.count() == outbox.CHUNK - 3  # the rest of its chunk waits out the lease; the others are free
    DyingBackend.taking = len(people)
    assert outbox.send_due(now=now) == 5
    assert outbox.send_due(now=now + outbox.lease() + timedelta(seconds=1)) == outbox.CHUNK - 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)


def test_a_sender_whose_lease_ran_out_sends_nothing_another_sender_took_since(three, mailoutbox):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("notices.services._queue", lambda notice_id: None)
        tell("a", three)
    now = timezone.now()
    slow = outbox._claim(Delivery.objects.all(), now)  # claimed, then held past its lease
    assert outbox.send_due(now=now + outbox.lease() + timedelta(seconds=1)) == 3
    assert outbox._send_chunk(slow, now) == 0
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org", "p2@example.org"]


def test_a_notice_is_due_again_now_while_rows_wait_and_within_a_lease_while_a_killed_senders_claim_runs(three):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("notices.services._queue", lambda notice_id: None)
        notice = tell("a", three)
    now = timezone.now()
    assert outbox.next_due(notice_id=notice.pk, now=now) == 0
    outbox._claim(Delivery.objects.all(), now)
    wait = outbox.next_due(notice_id=notice.pk)
    assert wait is not None and 0 < wait <= outbox.lease().total_seconds()
    Delivery.objects.update(next_try=now + outbox.lease() * 2)  # a retry's longer wait: the beat job's to send
    assert outbox.next_due(notice_id=notice.pk, now=now) is None


class CountingBackend(locmem.EmailBackend):
    """A mail server that counts the connections opened to it, and drops the next `dropping` sessions mid-send."""

    opened = 0
    dropping = 0

    def open(self):
        CountingBackend.opened += 1
        return True

    def send_messages(self, messages):
        if CountingBackend.dropping:
            CountingBackend.dropping -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def test_a_chunk_s_e_mails_share_one_connection_and_a_dropped_one_is_opened_anew(settings, mailoutbox):
    people = [UserFactory(username=f"c{i}", email=f"c{i}@example.org") for i in range(6)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("notices.services._queue", lambda notice_id: None)
        tell("first", people[:3])
        tell("second", people[3:])
    settings.EMAIL_BACKEND = f"{__name__}.CountingBackend"
    CountingBackend.opened, CountingBackend.dropping = 0, 1
    assert outbox.send_due() == 5  # the first send's session dropped: that one waits to be tried again
    assert CountingBackend.opened == 2  # one connection for the chunk, opened anew after the drop
    (waiting,) = Delivery.objects.filter(state=DeliveryState.PENDING)
    assert waiting.last_error.startswith("RetryLater: SMTPServerDisconnected") and waiting.attempts == 1
    assert len(mailoutbox) == 5


def test_a_message_costs_its_sender_one_query_however_many_the_chunk_holds():
    """The claim, the renewal of the leases, the readers' roles and the hour's count are asked once a chunk; each
    message's send is recorded on its own (a sender dying later resends none of those already sent)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_to_send(n: int) -> int:
        people = [UserFactory(username=f"n{n}-{i}", email=f"n{n}-{i}@example.org") for i in range(n)]
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("notices.services._queue", lambda notice_id: None)
            tell(f"to{n}", people)
        with CaptureQueriesContext(connection) as ctx:
            assert outbox.send_due() == n
        return len(ctx.captured_queries)

    few, more = queries_to_send(3), queries_to_send(outbox.CHUNK)
    assert more - few == outbox.CHUNK - 3
    assert few - 3 <= 12  # the chunk's own: claims with their savepoints, the renewal, the readers, the hour
