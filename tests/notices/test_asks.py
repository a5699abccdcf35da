"""An ask settles when its work is done (notices.asks): a reminder once its own round is met, never another round
still owed; a late reminder once every round it names is sent; a tie notice once its tie is decided."""

from datetime import date, datetime

import pytest

from core.thai import BANGKOK
from notices.models import Delivery, DeliveryState, Kind, Mode, Notice, Preference
from notices.reminders_told import Due, reminders_record
from people.models import Role
from schedule.services import late_remind
from scoring.ties.settle import tie_settle
from submissions.services import evidence_submit
from tests.awards.chiang_mai_contests import tied_contest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NOVEMBER, DECEMBER = date(2022, 11, 15), date(2022, 12, 15)  # 4.2's first two monthly reports of B.E. 2566


def reminder(rubric, unit, people, number: int, due_on: date, kind: Kind) -> Due:
    return Due(
        obligation=f"{rubric.key}:{unit.code}:4.2:{number}",
        due_on=due_on,
        kind=kind,
        people=people,
        contest_id=rubric.contest_id,
        unit_id=unit.pk,
        about="4.2",
        params={"contest": rubric.contest.name_th, "unit": unit.name_th, "what": "4.2", "day": due_on.isoformat()},
        link=f"/{rubric.key}/{unit.code}/4.2/#upload",
    )


def waiting(notice: Notice) -> list[str]:
    return list(Delivery.objects.filter(receipt__notice=notice).values_list("state", flat=True))


def send(rubric, unit, user, code: str, number: int | None, day: date):
    return evidence_submit(
        user=user, rubric=rubric, unit=unit, criterion_code=code, url=f"https://example.org/{code}/{number}",
        answers_round=number, now=datetime(day.year, day.month, day.day, 10, tzinfo=BANGKOK),
    )  # fmt: skip


def test_decembers_report_settles_decembers_reminder_and_novembers_still_owed_stays_owed(rubric, chiang_mai):
    staff = UserFactory(email="cm@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    Preference.objects.create(user=staff, channel="email", mode=Mode.DIGEST)  # both wait for the digest
    reminders_record([
        reminder(rubric, chiang_mai, [staff], 1, NOVEMBER, Kind.REMINDER_OVERDUE),
        reminder(rubric, chiang_mai, [staff], 2, DECEMBER, Kind.REMINDER_DUE),
    ])  # fmt: skip
    november = Notice.objects.get(kind=Kind.REMINDER_OVERDUE)
    december = Notice.objects.get(kind=Kind.REMINDER_DUE)

    send(rubric, chiang_mai, staff, "4.2", 2, date(2022, 12, 1))  # December's, named so; November never sent

    november.refresh_from_db(), december.refresh_from_db()
    assert (november.settled_at is None, december.settled_at is not None) == (True, True)
    assert (waiting(november), waiting(december)) == ([DeliveryState.PENDING], [DeliveryState.MET])

    send(rubric, chiang_mai, staff, "4.2", 1, date(2022, 12, 2))  # November's, late: now it is met too

    november.refresh_from_db()
    assert november.settled_at is not None and waiting(november) == [DeliveryState.MET]


def test_a_report_naming_no_round_settles_the_round_its_day_falls_in(rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    reminders_record([
        reminder(rubric, chiang_mai, [staff], 1, NOVEMBER, Kind.REMINDER_OVERDUE),
        reminder(rubric, chiang_mai, [staff], 2, DECEMBER, Kind.REMINDER_DUE),
    ])  # fmt: skip

    send(rubric, chiang_mai, staff, "4.2", None, date(2022, 12, 1))  # after November fell due: December's window

    settled = {n.kind: n.settled_at is not None for n in Notice.objects.exclude(kind=Kind.EVIDENCE_RECEIVED)}
    assert settled == {Kind.REMINDER_OVERDUE: False, Kind.REMINDER_DUE: True}


def test_a_late_reminder_waits_until_every_round_it_names_is_sent(rubric, chiang_mai, central_user):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    late_remind(user=central_user, rubric=rubric, today=date(2023, 7, 3))
    notice = Notice.objects.get(kind=Kind.LATE_REMINDED, unit=chiang_mai)
    owed = [key.rsplit(":", 2)[-2:] for key in notice.params["owed"]]
    assert len(owed) == notice.params["count"] > 1

    for code, number in owed[:-1]:
        send(rubric, chiang_mai, staff, code, int(number) or None, date(2023, 7, 3))
    notice.refresh_from_db()
    assert notice.settled_at is None  # one round named is still owed

    code, number = owed[-1]
    send(rubric, chiang_mai, staff, code, int(number) or None, date(2023, 7, 3))
    notice.refresh_from_db()
    assert notice.settled_at is not None


def test_the_tie_notice_settles_once_the_tie_is_decided(chiang_mai):
    rubric, units = tied_contest(chiang_mai)
    (notice,) = Notice.objects.filter(kind=Kind.TIE_WAITING)
    assert notice.settled_at is None and notice.params["units"] == "หางดง, สารภี"
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)

    tie_settle(user=organiser, rubric=rubric, entrants=[units["หางดง"].pk, units["สารภี"].pk], method="shared",
               reason="มติคณะกรรมการ")  # fmt: skip

    notice.refresh_from_db()
    assert notice.settled_at is not None
