"""Every act that sends a notice, hammered as the lowest role that can take it: nobody gets more than
AT_ONCE_HOURLY e-mails or LINE pushes at once in an hour, whoever causes them; the rest wait for the daily digest
(one message a channel a day). The numbers are stated in SECURITY.md, "Sending limits"."""

from collections import Counter

import pytest

from notices import catalogue, outbox
from notices.models import Delivery, DeliveryState, Kind
from notices.services import notice_record
from tests.factories import UserFactory

from .test_office_kinds import office  # noqa: F401  (the fixture: an office's contest, its people)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]
HAMMER = 25
LIMIT = outbox.AT_ONCE_HOURLY

# Each kind, the act that tells it and the lowest role that can take it: a kind added without a line here fails
# `test_every_kind_is_walked`, so its limit is stated before it ships.
WALKED = {
    Kind.DEADLINE_MOVED: "an office's organiser moves a criterion's deadline (timetable.criterion_deadline_set)",
    Kind.JUDGING_DEADLINE: "an office's organiser moves its contest's judging deadline (judging_deadline_set)",
    Kind.QUESTION_ASKED: "a committee member or panelist asks an office (clarification_open, _reply)",
    Kind.QUESTION_ANSWERED: "an office's staff answer (clarification_reply)",
    Kind.EVIDENCE_RECEIVED: "an office's staff send evidence (evidence_submit): the digest only",
    Kind.RESULTS_FROZEN: "whoever runs the contest freezes: the digest only",
    Kind.RESULTS_PUBLISHED: "whoever runs the contest publishes: the digest only",
    Kind.RESULTS_WITHDRAWN: "whoever runs the contest withdraws: each time at once, under the hour's limit",
    Kind.CONTEST_OPENED: "whoever runs the contest opens it: once a contest",
    Kind.TIE_WAITING: "a recompute finds a tie: once a tie",
    Kind.FINAL_WAITING: "members disagree on a cell: once a disagreement, under the hour's limit",
    Kind.ACCOUNT_INVITED: "an organiser invites an account: the digest only",
    Kind.INVITATION_ACCEPTED: "the invited person sets a password: the digest only",
    Kind.PICK_DUE: "the morning's reminder job: once a stage, office and reminder",
}


def at_once(mailoutbox, line_api) -> Counter:
    """(channel, person) → messages sent (every account here is linked: tests/notices/conftest.py)."""
    from accounts.models import LineLink

    linked = dict(LineLink.objects.values_list("line_user_id", "user__username"))
    mails = Counter(("email", address.split("@")[0]) for message in mailoutbox for address in message.to)
    return mails + Counter(("line", linked[push.body["to"]]) for push in line_api.pushes())


def test_every_kind_is_walked():
    assert set(WALKED) == set(Kind)


@pytest.mark.parametrize("kind", list(Kind))
def test_any_kind_told_twenty_five_times_in_an_hour_reaches_a_person_at_most_ten_times_a_channel(
    kind, mailoutbox, line_as_mail
):
    """The floor under every act: whatever tells one person many times, the outbox sends ten a channel an hour."""
    person = UserFactory(username="reader", email="reader@x.org")
    params = {"contest": "ประกวด", "unit": "เชียงใหม่", "code": "1.1", "name": "สมศรี", "username": "somsri",
              "award": "ดีเด่น", "units": "หางดง, สารภี", "old": "2023-09-01", "new": "2023-09-15",
              "day": "2023-09-15"}  # fmt: skip
    for i in range(HAMMER):
        notice_record(kind=kind, key=f"hammer:{i}", recipients=lambda: [person], params=params, link="/")
    told_at_once = LIMIT if catalogue.soon(kind) else 0
    expected = Counter({("email", "reader"): told_at_once, ("line", "reader"): told_at_once})
    assert at_once(mailoutbox, line_as_mail) == +expected
    assert Delivery.objects.filter(state=DeliveryState.PENDING, digest=True).count() == 2 * (HAMMER - told_at_once)
    assert outbox.send_digests() == 2  # the morning: one message a channel
