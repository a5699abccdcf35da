"""A day's reminders written in bulk (notices.reminders_told): each person told of each obligation once per kind and
due day, through the inbox and the channels they chose, in a number of queries that does not grow with the
number of entrants (settled once met: tests/notices/test_asks.py)."""

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from contests.models import Unit
from notices.models import Delivery, DeliveryState, Kind, Mode, Notice, Preference, Receipt, Reminder
from notices.reminders_told import Due, reminders_record
from people.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the send waits for the commit
DUE_ON = date(2023, 6, 30)


def due(rubric, unit, people, *, code="1.2", kind=Kind.REMINDER_DUE, day=DUE_ON) -> Due:
    return Due(
        obligation=f"{rubric.key}:{unit.code}:{code}:0",
        due_on=day,
        kind=kind,
        people=people,
        contest_id=rubric.contest_id,
        unit_id=unit.pk,
        about=code,
        params={
            "contest": rubric.contest.name_th,
            "unit": unit.name_th,
            "what": code,
            "day": day.isoformat(),
            "left": 3,
        },
        link=f"/2566/{unit.code}/{code}/",
    )


def test_each_person_is_told_of_an_obligation_once_per_kind_and_day(rubric, chiang_mai, people, mailoutbox):
    cm = people["cm"]
    assert reminders_record([due(rubric, chiang_mai, [cm])]) == 1
    assert reminders_record([due(rubric, chiang_mai, [cm])]) == 0  # the job ran again
    assert reminders_record([due(rubric, chiang_mai, [cm], kind=Kind.REMINDER_OVERDUE)]) == 1
    assert reminders_record([due(rubric, chiang_mai, [cm], day=date(2023, 7, 14))]) == 1  # the date moved on
    assert Receipt.objects.filter(user=cm).count() == 3 and Notice.objects.count() == 3
    assert [m.to for m in mailoutbox] == [["cm@example.org"]] * 3
    notice = Notice.objects.get(kind=Kind.REMINDER_DUE, params__day="2023-06-30")
    assert notice.link == "/2566/TH-50/1.2/" and notice.unit == chiang_mai and notice.about == "1.2"


def test_a_colleague_who_joins_later_is_told_of_the_same_notice(rubric, chiang_mai, people):
    cm = people["cm"]
    reminders_record([due(rubric, chiang_mai, [cm])])
    newcomer = UserFactory(username="new", email="new@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    assert reminders_record([due(rubric, chiang_mai, [cm, newcomer])]) == 1
    (notice,) = Notice.objects.all()
    assert sorted(notice.receipts.values_list("user__username", flat=True)) == ["cm", "new"]


def test_the_database_refuses_a_second_record_of_one_reminder_to_one_person(rubric, chiang_mai, people):
    reminders_record([due(rubric, chiang_mai, [people["cm"]])])
    told = Reminder.objects.get()
    with pytest.raises(IntegrityError, match=r"reminder_once_per_obligation_person_kind|UNIQUE"), transaction.atomic():
        Reminder.objects.create(
            obligation=told.obligation, due_on=told.due_on, kind=told.kind, user=told.user, notice=told.notice
        )


def test_each_person_is_reached_as_they_chose_and_the_inbox_always(rubric, chiang_mai, people, mailoutbox):
    digest = UserFactory(username="digest", email="d@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    quiet = UserFactory(username="quiet", email="q@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    no_mail = UserFactory(username="nomail", email="", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    Preference.objects.create(user=digest, channel="email", mode=Mode.DIGEST)
    Preference.objects.create(user=quiet, channel="email", mode=Mode.NONE)
    reminders_record([due(rubric, chiang_mai, [people["cm"], digest, quiet, no_mail])])
    assert Receipt.objects.count() == 4  # every inbox
    rows = set(Delivery.objects.values_list("receipt__user__username", "digest", "state"))
    assert rows == {("cm", False, DeliveryState.SENT), ("digest", True, DeliveryState.PENDING)}
    assert [m.to for m in mailoutbox] == [["cm@example.org"]]


@pytest.mark.usefixtures("line_as_mail")
def test_line_reaches_the_same_people_and_counts_against_the_quota(rubric, chiang_mai, line_api):
    staff = UserFactory(username="s", email="s@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    reminders_record([due(rubric, chiang_mai, [staff])])
    assert [p.body["to"] for p in line_api.pushes()] == [f"U{staff.pk:032x}"]
    from notices.channels.line.models import LinePushMonth

    assert LinePushMonth.objects.get().pushes == 1


def test_the_queries_do_not_grow_with_the_number_of_entrants(rubric):
    provinces = list(Unit.objects.provinces().order_by("code")[:40])
    staff = {u.pk: UserFactory(email=f"{u.code}@example.org", role=Role.OFFICE_STAFF, role__unit=u) for u in provinces}
    for user in staff.values():  # waiting for the digest: what is timed is the writing, not the sending
        Preference.objects.create(user=user, channel="email", mode=Mode.DIGEST)

    assert rubric.contest  # loaded before counting

    def counted(units) -> int:
        with CaptureQueriesContext(connection) as ctx:
            reminders_record([due(rubric, u, [staff[u.pk]]) for u in units])
        return len([q for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))])

    few, many = counted(provinces[:4]), counted(provinces[4:])
    assert few == many == 8  # BEGIN, notices found, 3 INSERTs, the choices, the outbox's INSERT, COMMIT
    assert Reminder.objects.count() == 40
