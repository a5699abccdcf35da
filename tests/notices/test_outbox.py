"""The outbox sends each delivery on its own: whatever one delivery raises is that delivery's failure, recorded
with its reason, and the rest of the batch is sent; a name with a line break is sent on one subject line."""

import pytest

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
