"""Every act that sends a notice, hammered as the lowest role that can take it: nobody gets more than
AT_ONCE_HOURLY e-mails or LINE pushes at once in an hour, whoever causes them; the rest wait for the daily digest
(one message a channel a day). The numbers are stated in SECURITY.md, "Sending limits"."""

import datetime as dt
from collections import Counter

import pytest

from committee import clarify
from committee.errors import CommitteeError
from committee.judging import judging_deadline_set
from notices import catalogue, outbox
from notices.models import Delivery, DeliveryState, Kind
from notices.services import notice_record
from people.models import Role
from rubrics import timetable
from submissions.services import evidence_submit
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]
LIMIT = outbox.AT_ONCE_HOURLY
# Two past the hour's limit: the limit holds and the rest wait for the digest, in the plural, as for any number past
# it; each telling sends on its own commit, so every one more costs a whole sender's run.
HAMMER = LIMIT + 2

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
    Kind.AWARD_CORRECTED: "whoever runs the contest corrects published awards (a confirmed factor): once an awardee",
    Kind.FINAL_WAITING: "members disagree on a cell: once a disagreement, under the hour's limit",
    Kind.ACCOUNT_INVITED: "an organiser invites an account: the digest only",
    Kind.INVITATION_ACCEPTED: "the invited person sets a password: the digest only",
    Kind.PICK_DUE: "the morning's reminder job: once a stage, office and reminder",
    Kind.REMINDER_DUE: "the morning's reminder job: once an obligation, person, kind and due day",
    Kind.REMINDER_OVERDUE: "the morning's reminder job: once an obligation, person, kind and due day",
    Kind.LATE_REMINDED: "whoever runs the contest presses the late list's button (late_remind): once an office a day",
    Kind.ANNOUNCEMENT: "central staff send an announcement (announcement_send, a confirmed factor): once a reader each",
    Kind.LINE_LINKED: "the owner links a LINE (the password or a code first, link codes rate-limited): e-mail only",
    Kind.CALENDAR_MADE: "the owner makes a calendar address (the password or a code first): e-mail only",
    Kind.DIGITAL_ID_LINKED: "the owner links a digital ID (signed in, then at the provider): e-mail only",
    Kind.DIGITAL_ID_UNLINKED: "the owner unlinks their digital ID (signed in): e-mail only",
    Kind.INVITATION: "an organiser's sheet makes an account (once an account), central staff invite again: sealed",
    Kind.PASSWORD_RESET: "anyone asks a reset for an address (CDD4_PASSWORD_RESET_ACCOUNT_RATE an account): sealed",
    Kind.EMAIL_CONFIRM: "the owner asks for a new address (CDD4_EMAIL_CHANGE_*_RATE): sealed, to the new address",
    Kind.ADDRESS_LISTED: "an organiser's sheet lists another's address: once an uploader a day, the digest only",
    Kind.ADDRESS_ASKED: "an account asks for another's address (CDD4_EMAIL_CHANGE_ADDRESS_RATE): the digest only",
    Kind.CHECK_RED: "no role: a readiness check stays red, once an incident, to the operators' accounts",
}


def sealed_params(kind: Kind, person) -> dict:
    """What a sealed kind's notice keeps to make its link when sent (accounts.sealed_links), as its service records it;
    a new address whose name is the reader's, so that the mail is counted as theirs."""
    from accounts.invitations import invitation_state
    from accounts.sealed_links import reset_state

    made = {Kind.INVITATION: {"state": invitation_state(person)}, Kind.PASSWORD_RESET: {"state": reset_state(person)}}
    made[Kind.EMAIL_CONFIRM] = {"address": "reader@new.example.org", "old_address": person.email}
    return made.get(kind, {})


def at_once(mailoutbox, line_api) -> Counter:
    """(channel, person) → messages sent (every account here is linked: tests/notices/conftest.py)."""
    from notices.channels.line.models import LineLink

    linked = dict(LineLink.objects.values_list("line_user_id", "user__username"))
    mails = Counter(("email", address.split("@")[0]) for message in mailoutbox for address in message.to)
    return mails + Counter(("line", linked[push.body["to"]]) for push in line_api.pushes())


def test_every_kind_is_walked():
    assert set(WALKED) == set(Kind)


@pytest.mark.parametrize("kind", list(Kind))
def test_any_kind_told_past_the_hours_limit_reaches_a_person_at_most_ten_times_a_channel(
    kind, mailoutbox, line_as_mail
):
    """The floor under every act: whatever tells one person many times, the outbox sends ten a channel an hour."""
    person = UserFactory(username="reader", email="reader@x.org")
    params = {"contest": "ประกวด", "unit": "เชียงใหม่", "code": "1.1", "name": "สมศรี", "username": "somsri",
              "award": "ดีเด่น", "units": "หางดง, สารภี", "old": "2023-09-01", "new": "2023-09-15",
              "day": "2023-09-15", "provider": "ThaID"}  # fmt: skip
    params |= sealed_params(kind, person)
    for i in range(HAMMER):
        notice_record(kind=kind, key=f"hammer:{i}", recipients=lambda: [person], params=params, link="/")
    told_at_once = LIMIT if catalogue.soon(kind) else 0
    only_safe = catalogue.safety(kind) and not catalogue.everywhere(kind)
    channels = catalogue.SAFE_CHANNELS if only_safe else ("email", "line")
    expected = Counter({(channel, "reader"): told_at_once for channel in channels})
    assert at_once(mailoutbox, line_as_mail) == +expected
    if catalogue.sealed(kind):  # never in a digest: the rest wait, pending, for the hour's room
        assert Delivery.objects.filter(state=DeliveryState.PENDING, digest=False).count() == HAMMER - LIMIT
        assert outbox.send_digests() == 0
        return
    waiting = Delivery.objects.filter(state=DeliveryState.PENDING, digest=True).count()
    assert waiting == len(channels) * (HAMMER - told_at_once)
    assert outbox.send_digests() == len(channels)  # the morning: one message a channel


def hammered(mailoutbox, line_api, people: dict) -> dict[str, tuple[int, int]]:
    """username → (e-mails, pushes) each got at once."""
    sent = at_once(mailoutbox, line_api)
    return {p.username: (sent[("email", p.email.split("@")[0])], sent[("line", p.username)]) for p in people.values()}


def test_an_organiser_moving_a_deadline_past_the_hours_limit_reaches_its_entrants_ten_times_and_nobody_else(
    office, mailoutbox, line_as_mail
):
    rubric, people = office
    for i in range(HAMMER + 1):  # the first sets it: told to nobody
        day = dt.date(2021, 8, 1) + dt.timedelta(days=i)
        timetable.criterion_deadline_set(user=people["organiser"], rubric=rubric, code="1.1", deadline=day,
                                         reason="ขยายเวลา")  # fmt: skip
    got = hammered(mailoutbox, line_as_mail, people)
    assert got == {"org": (0, 0), "d1": (LIMIT, LIMIT), "d3": (0, 0), "pkorg": (0, 0), "pkpanel": (0, 0),
                   "central": (LIMIT, LIMIT)}  # fmt: skip


def test_an_organiser_moving_the_judging_deadline_past_the_hours_limit_reaches_its_panel_ten_times(
    office, mailoutbox, line_as_mail
):
    from committee.panels import panelist_appoint

    rubric, people = office
    panelist = UserFactory(username="cmpanel", email="cmpanel@x.org", role=Role.OFFICE_STAFF,
                           role__unit=rubric.contest.organiser)  # fmt: skip
    panelist_appoint(by=people["organiser"], contest=rubric.contest, user=panelist)
    for i in range(HAMMER):
        judging_deadline_set(user=people["organiser"], contest=rubric.contest,
                             deadline=dt.date(2021, 10, 1) + dt.timedelta(days=i), reason="เลื่อน")  # fmt: skip
    got = hammered(mailoutbox, line_as_mail, {**people, "cmpanel": panelist})
    assert got["cmpanel"] == (LIMIT, LIMIT)
    assert {name for name, told in got.items() if told != (0, 0)} == {"cmpanel"}


def test_an_office_answering_twelve_times_reaches_each_judge_once_and_the_conflicted_member_never(
    rubric, people, chiang_mai, mailoutbox, line_as_mail
):
    thread = clarify.clarification_open(member=people["member"], rubric=rubric, unit=chiang_mai,
                                        criterion_code="4.1.1", message="ขอรูปเพิ่ม")  # fmt: skip
    refused = 0
    for i in range(12):
        try:
            clarify.clarification_reply(user=people["cm"], clarification=thread, message=f"แนบเพิ่ม {i}")
        except CommitteeError:
            refused += 1
    got = hammered(mailoutbox, line_as_mail, people)
    assert refused == 12 - clarify.THREAD_HOURLY
    assert got == {
        "cm": (1, 1),
        "pk": (0, 0),
        "central": (0, 0),
        "member": (1, 1),
        "conflicted": (0, 0),
        "chair": (1, 1),
    }  # fmt: skip  (cm: the question)


def test_a_member_asking_on_every_criterion_reaches_the_office_ten_times_an_hour(
    rubric, people, chiang_mai, mailoutbox, line_as_mail
):
    for code in rubric.criteria.values_list("code", flat=True):  # 18 threads, under the person's 20 an hour
        clarify.clarification_open(member=people["member"], rubric=rubric, unit=chiang_mai, criterion_code=code,
                                   message="ขอเอกสาร")  # fmt: skip
    got = hammered(mailoutbox, line_as_mail, people)
    assert got == {"cm": (LIMIT, LIMIT), "pk": (0, 0), "central": (0, 0), "member": (0, 0), "conflicted": (0, 0),
                   "chair": (0, 0)}  # fmt: skip
    assert Delivery.objects.filter(receipt__user=people["cm"], digest=True, state="pending").count() == 2 * 8


def test_an_office_sending_evidence_past_the_hours_limit_reaches_nobody_at_once(
    rubric, people, chiang_mai, mailoutbox, line_as_mail
):
    for i in range(HAMMER):
        evidence_submit(user=people["cm"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1",
                        url=f"https://example.org/{i}")  # fmt: skip
    assert hammered(mailoutbox, line_as_mail, people) == {name: (0, 0) for name in people}
    assert outbox.send_digests() == 4  # the morning: member and chair, one message a channel


def test_a_reset_link_past_the_hours_limit_waits_for_the_hours_room_and_is_then_sent_alone(mailoutbox):
    """A sealed kind is sent at once within the hour's limit, and past it once the hour has room, never in the
    morning's digest, where its link would come a day late."""
    from accounts.sealed_links import reset_state

    person = UserFactory(username="reader", email="reader@x.org")
    now = dt.datetime.now(dt.UTC)
    for i in range(LIMIT + 2):
        notice_record(kind=Kind.PASSWORD_RESET, key=f"reset:{i}", recipients=lambda: [person],
                      params={"username": "reader", "state": reset_state(person), "hours": 24}, link="/")  # fmt: skip
    assert len(mailoutbox) == LIMIT
    assert outbox.send_due(now=now + outbox.ROOM_WAIT) == 0  # the hour is still full: counted again later
    assert outbox.send_due(now=now + outbox.HOUR + outbox.ROOM_WAIT) == 2
    assert len(mailoutbox) == LIMIT + 2 and all("/accounts/password-reset/" in m.body for m in mailoutbox)
    assert not Delivery.objects.filter(digest=True).exists()
