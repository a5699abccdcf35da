"""Every notice lands where its reader acts: for each kind, the notice is made the way the portal makes it,
then each person it reached (the lock's answer: notices.recipients) follows its link as themselves, and the
page answers 200. A reader who may be told of something may open where it lands: never a 403 or a 404, never
the sign-in page (a judge told that results froze is not sent to an entrant's own results)."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone

from accounts.calendar import calendar_address_make
from accounts.digital_id.providers import Provider, citizen_hash
from accounts.digital_id.services import Identity, Purpose, digital_link, digital_unlink
from accounts.invitation_notices import invitation_accepted_tell, invitation_sent_tell
from accounts.invitations import held_address_tell, invitation_send
from accounts.models import AccountEvent, Event
from accounts.services import password_reset_tell
from committee import clarify
from committee.judging import judging_deadline_set
from committee.panels import panelist_appoint
from committee.services import judgment_record
from notices import events
from notices.announcements import announcement_send
from notices.channels.line.linking import line_code_issue, line_code_redeem
from notices.models import Audience, Kind, Notice, Receipt
from notices.reminders_told import reminders_record
from ops.health import checks_run
from ops.models import CheckAlert
from ops.services import alerts_update
from people.models import Role
from rubrics import timetable
from rubrics.models import YearSettings
from schedule.reminders import reminders_send, rubric_reminders
from schedule.services import late_remind
from scoring import snapshots
from scoring.recompute import standings_recompute
from submissions.services import evidence_submit
from tests.factories import PASSWORD, DistrictFactory, UserFactory, office_contest
from tests.stages.stage_support import load_chain

LOGIN = "/accounts/login/"


@pytest.fixture
def national(rubric, people):
    return rubric, people


@pytest.fixture
def district(chiang_mai):
    """Chiang Mai's contest among two of its districts: its organiser, an entrant district's staff, a panelist
    from a third district that does not enter it."""
    mine, other, third = (DistrictFactory(parent=chiang_mai) for _ in range(3))
    rubric = office_contest("cm-web-2564", chiang_mai, mine, other)
    people = {
        "organiser": UserFactory(username="org", role=Role.ORGANISER, role__unit=chiang_mai),
        "district": UserFactory(username="d1", role=Role.OFFICE_STAFF, role__unit=mine),
        "panelist": UserFactory(username="panel", role=Role.OFFICE_STAFF, role__unit=third),
    }
    panelist_appoint(by=people["organiser"], contest=rubric.contest, user=people["panelist"])
    return rubric, people


def _deadline_moved(request):
    rubric, people = request.getfixturevalue("national")
    timetable.criterion_deadline_set(
        user=people["central"], rubric=rubric, code="1.1", deadline=date(2023, 9, 15), reason="ตามหนังสือกรม"
    )
    office, them = request.getfixturevalue("district")
    code = office.criteria.order_by("order").values_list("code", flat=True).first()
    timetable.criterion_deadline_set(
        user=them["organiser"], rubric=office, code=code, deadline=office.ends_on, reason="ตามหนังสือจังหวัด"
    )


def _question(request):
    rubric, people = request.getfixturevalue("national")
    chiang_mai = request.getfixturevalue("chiang_mai")
    thread = clarify.clarification_open(
        member=people["member"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message="ขอรูปเพิ่ม"
    )
    clarify.clarification_reply(user=people["cm"], clarification=thread, message="แนบแล้ว")


def _evidence(request):
    rubric, people = request.getfixturevalue("national")
    chiang_mai = request.getfixturevalue("chiang_mai")
    evidence_submit(
        user=people["cm"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", url="https://example.org/a"
    )


def _results(until: Kind):
    """Frozen, then published, then withdrawn (up to `until`, whose notice is followed while it is the news):
    the national contest's and a district contest's with its panel."""

    def made(request):
        for rubric, runner in (_national_runner(request), _district_runner(request)):
            standings_recompute(rubric_id=rubric.pk, full=True)
            snapshot = snapshots.standings_freeze(user=runner, rubric=rubric)
            if until == Kind.RESULTS_FROZEN:
                continue
            snapshots.publication_publish(
                user=runner, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
            )
            if until == Kind.RESULTS_WITHDRAWN:
                snapshots.publication_withdraw(user=runner, rubric=rubric, reason="ตรวจทานคะแนนใหม่")

    return made


def _national_runner(request):
    rubric, people = request.getfixturevalue("national")
    return rubric, people["central"]


def _district_runner(request):
    rubric, people = request.getfixturevalue("district")
    return rubric, people["organiser"]


def _opened(request):
    for rubric, runner in (_national_runner(request), _district_runner(request)):
        events.contest_opened(rubric=rubric, author=runner)


def _tie(request):
    rubric, _people = request.getfixturevalue("national")
    units = [request.getfixturevalue("chiang_mai"), request.getfixturevalue("phuket")]
    events.tie_waiting(rubric=rubric, award="รางวัลชนะเลิศ", units=units)


def _corrected(request):
    """The national contest's results published, then one entrant's award corrected: its staff are told."""
    rubric, runner = _national_runner(request)
    _results(Kind.RESULTS_PUBLISHED)(request)
    unit = request.getfixturevalue("chiang_mai")
    tier = rubric.award_tiers.first()
    snapshots.awards_correct(user=runner, rubric=rubric, awards={unit.pk: tier.code}, reason="ทบทวนตามข้อร้องเรียน")


def _final(request):
    rubric, people = request.getfixturevalue("national")
    other = UserFactory(username="member2", role=Role.COMMITTEE)
    cell = {"rubric": rubric, "unit": request.getfixturevalue("chiang_mai"), "criterion_code": "4.1.1"}
    judgment_record(member=people["member"], points="1", expected_version=0, **cell)
    judgment_record(member=other, points="3", expected_version=0, **cell)


def _invitation(request):
    _rubric, people = request.getfixturevalue("national")
    invited = UserFactory(username="newcomer", role=Role.OFFICE_STAFF, role__unit=request.getfixturevalue("phuket"))
    sent = AccountEvent.objects.create(user=invited, kind=Event.INVITED, by=people["central"])
    invitation_sent_tell(event=sent)
    invitation_accepted_tell(user=invited, event=AccountEvent.objects.create(user=invited, kind=Event.ACCEPTED))


def _judging(request):
    for rubric, runner in (_national_runner(request), _district_runner(request)):
        judging_deadline_set(user=runner, contest=rubric.contest, deadline=rubric.ends_on, reason="ตามหนังสือกรม")


def _line(request):
    _rubric, people = request.getfixturevalue("national")
    issued = line_code_issue(user=people["cm"])  # linked as a person links: the code, sent in the chat
    line_code_redeem(line_user_id="U" + "c" * 32, text=issued.code)


def _calendar(request):
    _rubric, people = request.getfixturevalue("national")
    calendar_address_make(user=people["cm"])


def _digital_id(request):
    """The owner links ThaID (its answer checked at the provider:
    tests/processes/accounts/test_digital_id_flow.py) and unlinks it, through the services that tell them."""
    _rubric, people = request.getfixturevalue("national")
    asked = RequestFactory().post("/")
    asked.user = people["cm"]
    thaid = Provider("thaid", "https://thaid.example/", "portal", "secret", ("openid",), "pid", (), (), ())
    confirmed = {"purpose": Purpose.LINK, "provider": "thaid", "user": people["cm"].pk}  # the owner typed it
    identity = Identity(thaid, citizen_hash("1101700203451"), "สมหญิง ใจดี", False)
    digital_link(request=asked, identity=identity, flow=confirmed)
    digital_unlink(request=asked, provider_key="thaid")


def _account_mail(request):
    """An invitation, a reset link, an e-mail change's link and the notices to an address's holder, each made by
    the service that makes it."""
    _rubric, people = request.getfixturevalue("national")
    invited = UserFactory(username="newcomer", email="new@example.org", role=Role.OFFICE_STAFF,
                          role__unit=request.getfixturevalue("phuket"))  # fmt: skip
    invited.set_unusable_password()
    invited.save()
    invitation_send(user=invited, by=people["central"])
    password_reset_tell(user=people["pk"], event=AccountEvent.objects.create(user=people["pk"], kind=Event.RESET_ASKED))
    held_address_tell(user=people["member"], by=people["central"])
    cache.clear()  # the e-mail change's limits, counted in the cache, start afresh for each kind
    client = Client()
    client.force_login(people["cm"])
    for address in ("cm-new@example.org", people["chair"].email):  # a free address, and one another account holds
        client.post("/accounts/me/", {"do": "email", "email": address, "password": PASSWORD})


def _check_red(request):
    settings = request.getfixturevalue("settings")  # put back at the test's end: django.conf's would stay for the next
    _rubric, people = request.getfixturevalue("national")
    settings.CDD4_OPERATORS, settings.CDD4_MIN_FREE_MB = [people["central"].email], 10**9
    alerts_update(checks=checks_run())
    CheckAlert.objects.filter(check_name="disk").update(red_since=timezone.now() - timedelta(minutes=4))
    alerts_update(checks=checks_run())


def _picks(request):
    chain = load_chain()
    UserFactory(username="rim", role=Role.ORGANISER, role__unit=chain.mae_rim)
    reminders_send(date(2021, 12, 1))  # the stage is open: its offices told
    reminders_send(date(2021, 12, 13))  # its date is near: those short of their quota reminded


def _reminders(request):
    """The national contest's rounds due soon and lately overdue, and its judging deadline near."""
    rubric, people = request.getfixturevalue("national")
    today = date(2023, 6, 27)  # 1.2's second report due 30 June, and the judging deadline
    judging_deadline_set(user=people["central"], contest=rubric.contest, deadline=today + timedelta(2))
    YearSettings.objects.update_or_create(rubric=rubric, defaults={"reminder_working_days": 5})
    for day in (date(2023, 4, 4), today):  # the first report, due 31 March, lately overdue; then the second due
        for batch in rubric_reminders(rubric, day):
            reminders_record(batch)
    _picks(request)


def _late(request):
    """The late list's button, pressed by central staff on the national contest in July."""
    rubric, people = request.getfixturevalue("national")
    late_remind(user=people["central"], rubric=rubric, today=date(2023, 7, 3))


def _announced(request):
    """An announcement to each audience: every office, every organiser, and each contest's entrants and judges."""
    rubric, people = request.getfixturevalue("national")
    office, _them = request.getfixturevalue("district")
    said = {"subject": "ประชุมชี้แจง", "body": "ขอเชิญประชุม"}
    for audience, contest in [
        (Audience.OFFICES, None),
        (Audience.ORGANISERS, None),
        (Audience.ENTRANTS, rubric.contest),
        (Audience.COMMITTEE, rubric.contest),
        (Audience.ENTRANTS, office.contest),
        (Audience.COMMITTEE, office.contest),
    ]:
        announcement_send(user=people["central"], audience=audience, contest=contest, **said)


MADE = {
    Kind.DEADLINE_MOVED: _deadline_moved,
    Kind.QUESTION_ASKED: _question,
    Kind.QUESTION_ANSWERED: _question,
    Kind.EVIDENCE_RECEIVED: _evidence,
    Kind.RESULTS_FROZEN: _results(Kind.RESULTS_FROZEN),
    Kind.RESULTS_PUBLISHED: _results(Kind.RESULTS_PUBLISHED),
    Kind.RESULTS_WITHDRAWN: _results(Kind.RESULTS_WITHDRAWN),
    Kind.CONTEST_OPENED: _opened,
    Kind.TIE_WAITING: _tie,
    Kind.AWARD_CORRECTED: _corrected,
    Kind.FINAL_WAITING: _final,
    Kind.ACCOUNT_INVITED: _invitation,
    Kind.INVITATION_ACCEPTED: _invitation,
    Kind.JUDGING_DEADLINE: _judging,
    Kind.PICK_DUE: _picks,
    Kind.LINE_LINKED: _line,
    Kind.CALENDAR_MADE: _calendar,
    Kind.DIGITAL_ID_LINKED: _digital_id,
    Kind.DIGITAL_ID_UNLINKED: _digital_id,
    Kind.INVITATION: _account_mail,
    Kind.PASSWORD_RESET: _account_mail,
    Kind.EMAIL_CONFIRM: _account_mail,
    Kind.ADDRESS_LISTED: _account_mail,
    Kind.ADDRESS_ASKED: _account_mail,
    Kind.CHECK_RED: _check_red,
    Kind.REMINDER_DUE: _reminders,
    Kind.REMINDER_OVERDUE: _reminders,
    Kind.LATE_REMINDED: _late,
    Kind.ANNOUNCEMENT: _announced,
}


def test_every_kind_is_followed_here():
    assert set(MADE) == set(Kind)


@pytest.mark.parametrize("kind", list(MADE), ids=[str(k) for k in MADE])
def test_each_reader_of_a_notice_opens_where_it_lands(kind, request, db, client):
    MADE[kind](request)
    receipts = list(Receipt.objects.filter(notice__kind=kind).select_related("notice", "user").order_by("pk"))
    assert receipts, f"no {kind} notice reached anyone"
    refused = []
    # One person told of one link many times (a day's reminders, each round of a criterion) lands on one page:
    # followed once.
    followed = {(receipt.user, receipt.notice.link): None for receipt in receipts}
    for user, link in followed:
        client.force_login(user)
        answer = client.get(link, follow=True)
        landed = answer.redirect_chain[-1][0] if answer.redirect_chain else link
        if answer.status_code != 200 or landed.startswith(LOGIN):
            refused.append((user.username, link, landed, answer.status_code))
    assert refused == []
    assert Notice.objects.filter(kind=kind, link="").count() == 0
