"""Reminders are notices: "due in N working days" and "overdue" per round, to the
people the lock says owe it, through the inbox and each person's channels, once each, and never for a round
already met by an upload or the Department's receipt."""

import json
from datetime import date, datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import Panelist
from contests.models import Contest, Unit
from core.thai import BANGKOK
from notices.models import Delivery, DeliveryState, Kind, Mode, Notice, Preference, Receipt
from people.models import Conflict, Role
from rubrics import services, timetable
from rubrics.models import YearSettings
from schedule import tasks
from schedule.reminders import reminders_send
from scoring.facts.imports import fact_set
from submissions import services as evidence_services
from tests.factories import DistrictFactory, UserFactory

# The notices are sent once the job's writes commit. Each overdue round is told once here (a rhythm of 0), so that
# a day's reminders are those of the rounds the tests are about: the rhythm's tests set their own.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("told_once")]
JUNE_27 = date(2023, 6, 27)  # Tue; 1.2's second report is due Fri 30 June: 3 working days left
JULY_3 = date(2023, 7, 3)  # Mon: the second report is a working day overdue


def reminded(user) -> list[tuple[str, str]]:
    """(kind, what) of each reminder in the person's inbox, oldest first."""
    rows = Receipt.objects.filter(user=user, notice__kind__in=[Kind.REMINDER_DUE, Kind.REMINDER_OVERDUE])
    return [(r.notice.kind, r.notice.params["what"]) for r in rows.select_related("notice").order_by("notice_id")]


def upload(user, rubric, unit, code: str, when: datetime):
    evidence_services.evidence_submit(
        user=user, rubric=rubric, unit=unit, criterion_code=code, url="https://example.org/x", now=when
    )


@pytest.fixture
def told_once(rubric) -> YearSettings:
    return YearSettings.objects.create(rubric=rubric, overdue_every_working_days=0)


def test_a_round_is_reminded_of_though_the_office_sent_an_earlier_one(rubric, chiang_mai, staff, mailoutbox):
    """Each round is reminded of: Chiang Mai sent 1.2's first report in March and is reminded of June's second."""
    upload(staff["cm"], rubric, chiang_mai, "1.2", datetime(2023, 3, 29, 10, tzinfo=BANGKOK))
    assert reminders_send(JUNE_27) == 2
    ((kind, what),) = reminded(staff["cm"])
    assert kind == Kind.REMINDER_DUE and what.startswith("๑.๒ ") and what.endswith(" รายงานครั้งที่ ๒")
    assert reminded(staff["pk"]) == [(kind, what)]
    assert sorted(m.to[0] for m in mailoutbox) == ["cm@example.org", "pk@example.org"]


def test_a_reminder_is_told_once_however_often_the_job_runs(rubric, staff, mailoutbox):
    assert reminders_send(JUNE_27) == 2
    assert reminders_send(JUNE_27) == 0
    assert reminders_send(date(2023, 6, 28)) == 0  # the next day: the same round, the same kind
    assert len(mailoutbox) == 2


def test_the_round_met_is_not_reminded_of_and_its_waiting_reminder_is_not_sent(rubric, phuket, staff, mailoutbox):
    Preference.objects.create(user=staff["pk"], channel="email", mode=Mode.DIGEST)
    reminders_send(JUNE_27)
    upload(staff["pk"], rubric, phuket, "1.2", datetime(2023, 6, 28, 15, tzinfo=BANGKOK))
    assert set(Delivery.objects.filter(receipt__user=staff["pk"]).values_list("state", flat=True)) == {
        DeliveryState.MET
    }
    assert reminders_send(JULY_3) == 1  # Chiang Mai's overdue reminder; Phuket's round is met
    assert reminded(staff["pk"]) == [(Kind.REMINDER_DUE, reminded(staff["pk"])[0][1])]
    assert [k for k, _ in reminded(staff["cm"])] == [Kind.REMINDER_DUE, Kind.REMINDER_OVERDUE]


def test_the_department_s_receipt_meets_the_round(rubric, phuket, staff, central_user):
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="2.1.2", deadline=date(2023, 6, 30), reason="ตามหนังสือกรม"
    )
    fact_set(rubric=rubric, unit=phuket, criterion_code="2.1.2", name="received_on", value="2023-06-20")
    reminders_send(JUNE_27)
    assert any(what.startswith("๒.๑.๒") for _, what in reminded(staff["cm"]))
    assert not any(what.startswith("๒.๑.๒") for _, what in reminded(staff["pk"]))


def test_overdue_is_told_after_the_day_and_lands_on_the_criterion_s_upload(rubric, chiang_mai, staff):
    reminders_send(JULY_3)
    (notice,) = Notice.objects.filter(kind=Kind.REMINDER_OVERDUE, unit=chiang_mai)
    assert notice.link == reverse("submissions:criterion", args=[rubric.key, chiang_mai.code, "1.2"]) + "#upload"
    assert notice.params["day"] == "2023-06-30" and notice.about == "1.2"


def test_only_those_who_send_the_office_s_evidence_are_reminded(rubric, chiang_mai, staff):
    """Owner yes; another office only of its own; the committee (a conflicted member too), central staff and a
    closed account of the office, never."""
    member = UserFactory(username="member", role=Role.COMMITTEE)
    conflicted = UserFactory(username="conflicted", role=Role.COMMITTEE)
    Conflict.objects.create(member=conflicted, unit=chiang_mai)
    central = UserFactory(username="central", role=Role.CENTRAL)
    closed = UserFactory(username="closed", role=Role.OFFICE_STAFF, role__unit=chiang_mai, is_active=False)
    reminders_send(JUNE_27)
    told = set(Receipt.objects.values_list("user__username", "notice__unit__code"))
    assert told == {("cm", "TH-50"), ("pk", "TH-83")}
    assert not Receipt.objects.filter(user__in=[member, conflicted, central, closed]).exists()


def test_the_committee_is_reminded_of_its_judging_deadline(rubric, staff):
    Contest.objects.filter(pk=rubric.contest_id).update(judging_deadline=date(2023, 6, 30))
    UserFactory(username="member", email="m@example.org", role=Role.COMMITTEE)
    conflicted = UserFactory(username="conflicted", role=Role.COMMITTEE)
    Conflict.objects.create(member=conflicted, unit=Unit.objects.get(code="TH-50"))  # still judges the others
    UserFactory(username="chair", role=Role.CHAIR)
    UserFactory(username="central", role=Role.CENTRAL)
    reminders_send(JUNE_27)
    judging = Receipt.objects.filter(notice__about="judging")
    assert sorted(judging.values_list("user__username", flat=True)) == ["chair", "conflicted", "member"]
    assert {r.notice.params["what"] for r in judging.select_related("notice")} == {"การให้คะแนนผู้เข้าประกวด"}
    assert reminders_send(JUNE_27) == 0


def test_an_office_contest_s_panelist_is_not_reminded_of_the_national_judging(rubric, staff, central_user):
    chonburi = Unit.objects.get(code="TH-20")
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [DistrictFactory(parent=chonburi).code]}
    other = services.rubric_load(data=data).contest
    Contest.objects.filter(pk__in=[rubric.contest_id, other.pk]).update(judging_deadline=date(2023, 6, 30))
    panelist = UserFactory(username="panelist", role=Role.OFFICE_STAFF, role__unit=chonburi)
    Panelist.objects.create(contest=other, user=panelist, appointed_by=central_user)
    reminders_send(JUNE_27)
    assert not Receipt.objects.filter(user=panelist, notice__about="judging").exists()
    assert Receipt.objects.filter(user=panelist, notice__unit=chonburi).exists()  # its own office's evidence


def test_no_reminders_when_the_contest_switched_them_off(rubric, staff):
    YearSettings.objects.filter(rubric=rubric).update(reminder_working_days=0)
    assert reminders_send(JUNE_27) == 0 and not Notice.objects.exists()


def test_the_contest_s_n_decides_how_early(rubric, staff):
    YearSettings.objects.filter(rubric=rubric).update(reminder_working_days=5)
    due = Notice.objects.filter(kind=Kind.REMINDER_DUE, about="1.2")
    reminders_send(date(2023, 6, 22))  # Thu: 6 working days before
    assert not due.exists()
    reminders_send(date(2023, 6, 23))  # Fri: 5
    assert due.count() == 2


def test_the_day_s_queries_do_not_grow_with_the_number_of_entrants_staff(rubric):
    provinces = list(Unit.objects.provinces().order_by("code"))

    def staff_of(units):
        for unit in units:
            user = UserFactory(email=f"{unit.code}@example.org", role=Role.OFFICE_STAFF, role__unit=unit)
            Preference.objects.create(user=user, channel="email", mode=Mode.DIGEST)  # the writing counted, not sending

    def counted() -> int:
        Notice.objects.all().delete()
        with CaptureQueriesContext(connection) as ctx:
            reminders_send(JUNE_27)
        return len(ctx.captured_queries)

    reminders_send(date(2023, 1, 4))  # the rubric's spec and calendar cached, as in a running worker
    staff_of(provinces[:3])
    few = counted()
    assert Receipt.objects.count() == 3
    staff_of(provinces[3:])
    assert counted() == few
    assert Receipt.objects.count() == 76


def test_the_beat_job_is_named_and_scheduled_daily():
    assert settings.CELERY_BEAT_SCHEDULE["send-reminders"]["task"] == tasks.send_reminders.name
    assert tasks.send_reminders.name == "schedule.send_reminders"
    assert tasks.send_reminders.apply().get() == 0  # today is long after 2566's dates


def test_a_contest_read_in_chunks_tells_every_entrant_once(rubric, monkeypatch):
    monkeypatch.setattr("schedule.reminders.CHUNK", 10)  # 76 provinces: eight chunks, the last of six
    for unit in Unit.objects.provinces():
        UserFactory(email="", role=Role.OFFICE_STAFF, role__unit=unit)
    assert reminders_send(JUNE_27) == 76
    assert sorted(Notice.objects.values_list("unit__code", flat=True)) == sorted(
        Unit.objects.provinces().values_list("code", flat=True)
    )


def test_an_office_without_e_mail_finds_the_reminder_in_its_inbox(client, chiang_mai, mailoutbox):
    """An office that relies on the portal, its account without an address, is reminded in its inbox."""
    no_mail = UserFactory(username="nomail", email="", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    reminders_send(JUNE_27)
    client.force_login(no_mail)
    page = client.get(reverse("notices:inbox")).content.decode()
    assert "ครบกำหนด ๓๐ มิ.ย. ๒๕๖๖ อีก ๓ วันทำการ" in page and "หน่วยงาน: เชียงใหม่" in page
    assert mailoutbox == []


def test_an_overdue_round_is_told_again_on_the_contest_s_rhythm_until_it_is_met(rubric, phuket, staff, told_once):
    """The overdue reminder stopped five working days after the due day, whoever was still late."""
    told_once.overdue_every_working_days = 3
    told_once.save()
    june = Receipt.objects.filter(notice__kind=Kind.REMINDER_OVERDUE, notice__params__day="2023-06-30")

    def told(day: date) -> dict[str, list[int]]:
        reminders_send(day)
        found: dict[str, list[int]] = {}
        for user, late in june.order_by("notice_id").values_list("user__username", "notice__params__late"):
            found.setdefault(user, []).append(late)
        return found

    assert told(JULY_3) == {"cm": [1], "pk": [1]}  # 1.2's second report, due Fri 30 June
    assert told(date(2023, 7, 5)) == {"cm": [1], "pk": [1]}  # 3 working days late: the same telling
    assert told(date(2023, 7, 6)) == {"cm": [1, 4], "pk": [1, 4]}  # 4: the second
    upload(staff["pk"], rubric, phuket, "1.2", datetime(2023, 7, 7, 9, tzinfo=BANGKOK))
    assert told(date(2023, 7, 12)) == {"cm": [1, 4, 8], "pk": [1, 4]}  # 8: the third, to whoever still owes it
    assert told(date(2023, 7, 12)) == {"cm": [1, 4, 8], "pk": [1, 4]}  # each telling once
    cm_notice = Notice.objects.get(unit__code="TH-50", params__late=8, params__day="2023-06-30")
    assert cm_notice.reminders.get().repeat == 2


def test_an_overdue_reminder_says_by_how_many_working_days(client, rubric, chiang_mai, told_once):
    no_mail = UserFactory(username="nomail", email="", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    reminders_send(JULY_3)
    client.force_login(no_mail)
    assert "เลยกำหนดมาแล้ว ๑ วันทำการ" in client.get(reverse("notices:inbox")).content.decode()
