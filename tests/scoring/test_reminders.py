import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from contests.models import Unit
from people.models import Role
from scoring import reminders, services, tasks
from scoring.facts.imports import fact_set
from scoring.models import ReminderSent, YearSettings
from submissions import services as evidence_services
from tests.factories import DistrictFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = date(2023, 6, 27)  # Tue; criterion 1.2 is due Fri 30 June: 3 working days left


@pytest.fixture
def staff(chiang_mai, phuket):
    cm = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="cm@example.go.th")
    UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket, email="pk@example.go.th")
    UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="")  # no address: skipped
    return cm


def test_reminds_provinces_without_submission_once(rubric, staff, phuket, mailoutbox):
    phuket_staff = phuket.staff.get(user__email="pk@example.go.th").user
    evidence_services.evidence_submit(
        user=phuket_staff, rubric=rubric, unit=phuket, criterion_code="1.2", url="https://example.org/pk"
    )
    assert reminders.reminders_send(TODAY) == 75 - 74  # only Chiang Mai has staff with an address
    (mail,) = mailoutbox
    assert mail.to == ["cm@example.go.th"] and "แจ้งเตือน" in mail.subject
    assert "1.2" in mail.body and "๓๐ มิถุนายน ๒๕๖๖" in mail.body and "เหลือ 3 วันทำการ" in mail.body
    assert "1.1" not in mail.body  # due 31 July: not yet
    assert ReminderSent.objects.count() == 75  # recorded for every province still missing it
    assert reminders.reminders_send(TODAY) == 0 and len(mailoutbox) == 1  # never twice


def test_a_fact_is_no_evidence_where_the_criterion_asks_for_some(rubric, staff, phuket, mailoutbox):
    """Issue #26: "Criteria with no evidence yet" must go to a province whose facts central imported."""
    fact_set(rubric=rubric, unit=phuket, criterion_code="1.2", name="done", value="yes")
    assert reminders.reminders_send(TODAY) == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["cm@example.go.th", "pk@example.go.th"]


def test_no_reminder_far_from_a_deadline_or_when_switched_off(rubric, staff, mailoutbox):
    assert reminders.reminders_send(date(2023, 6, 20)) == 0
    YearSettings.objects.create(rubric=rubric, reminder_working_days=0)
    assert reminders.reminders_send(TODAY) == 0
    assert mailoutbox == [] and not ReminderSent.objects.exists()


def test_central_staff_choose_how_many_working_days_ahead(rubric, staff, mailoutbox):
    YearSettings.objects.create(rubric=rubric, reminder_working_days=5)
    assert reminders.reminders_send(date(2023, 6, 23)) == 2  # Fri → 5 working days before 30 June
    assert {m.to[0] for m in mailoutbox} == {"cm@example.go.th", "pk@example.go.th"}


def test_beat_task_is_registered_and_runs(rubric, staff, mailoutbox):
    from django.conf import settings

    assert settings.CELERY_BEAT_SCHEDULE["send-reminders"]["task"] == tasks.send_reminders.name
    assert tasks.send_reminders.apply().get() == 0  # today is long after 2566's deadlines
    assert Unit.objects.count() == 76


def test_an_office_contests_reminders_go_to_its_own_entrants_only(staff, mailoutbox):
    """Issue #24: an organiser's criterion names were mailed to the staff of all 76 provinces (Chiang Mai got
    Chonburi's phishing link) while Chonburi's own entrant got nothing."""
    chonburi = Unit.objects.get(code="TH-20")
    entrant = DistrictFactory(parent=chonburi, name_th="บ้านบึง", name_en="Ban Bueng")
    UserFactory(role=Role.OFFICE_STAFF, role__unit=entrant, email="bb@example.go.th")
    data = json.loads(open("scoring/rubrics/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [entrant.code]}
    data["dimensions"][0]["criteria"][0]["deadline"] = "2021-07-30"  # Fri
    data["dimensions"][0]["criteria"][0]["name_th"] = "ส่งที่ https://phish.example/"
    rubric = services.rubric_load(data=data)
    assert reminders.reminders_send(date(2021, 7, 27)) == 1  # Tue: 3 working days left
    (mail,) = mailoutbox
    assert mail.to == ["bb@example.go.th"]
    assert mail.body.startswith("เรียน สำนักงานพัฒนาชุมชนอำเภอบ้านบึง\n")
    assert "Dear Ban Bueng district CDD office," in mail.body
    assert list(ReminderSent.objects.filter(rubric=rubric).values_list("unit__code", flat=True)) == [entrant.code]


def _chonburi_due_saturday(closed_day: str | None):
    """Chonburi's web contest, one entrant with an address, criterion 1.1 due Saturday 31 July 2564 (Mon 2 Aug is
    the next working day), read as the contest's `closed_day` says."""
    chonburi = Unit.objects.get(code="TH-20")
    entrant = DistrictFactory(parent=chonburi, name_th="บ้านบึง", name_en="Ban Bueng")
    UserFactory(role=Role.OFFICE_STAFF, role__unit=entrant, email="bb@example.go.th")
    data = json.loads(open("scoring/rubrics/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [entrant.code]}
    if closed_day:
        data["closed_day"] = closed_day
    data["dimensions"][0]["criteria"][0]["deadline"] = "2021-07-31"
    return services.rubric_load(data=data)


def _line(body: str, start: str) -> str:
    (line,) = [line for line in body.splitlines() if line.startswith(start)]
    return line


def test_an_as_written_contest_is_reminded_of_the_day_it_wrote(mailoutbox):
    """Scoring holds an as-written contest to Saturday 31 July; the reminder must not promise 2 August."""
    _chonburi_due_saturday("as_written")
    # Tue 27 Jul: Wed 28 is the King's birthday, so Thu 29 and Fri 30 are the working days left.
    assert reminders.reminders_send(date(2021, 7, 27)) == 1
    (mail,) = mailoutbox
    assert "เลื่อนเป็น" not in mail.body and "moved to" not in mail.body
    assert _line(mail.body, "- ๑ ความ") == (
        "- ๑ ความครบถ้วนและถูกต้องของข้อมูลพื้นฐานในเว็บไซต์ กำหนดส่ง ๓๑ กรกฎาคม ๒๕๖๔ (เหลือ 2 วันทำการ)"
    )
    assert _line(mail.body, "- ๑ Comp") == (
        "- ๑ Completeness and accuracy of the website's basic information: due 31 July 2021 (2 working days left)"
    )


def test_an_ordinary_contest_is_reminded_of_the_day_the_deadline_moved_to(mailoutbox):
    _chonburi_due_saturday(None)
    assert reminders.reminders_send(date(2021, 7, 27)) == 1
    (mail,) = mailoutbox
    assert _line(mail.body, "- ๑ ความ") == (
        "- ๑ ความครบถ้วนและถูกต้องของข้อมูลพื้นฐานในเว็บไซต์ กำหนดส่ง ๓๑ กรกฎาคม ๒๕๖๔"
        " (วันหยุดราชการ) → เลื่อนเป็น ๒ สิงหาคม ๒๕๖๔ (เหลือ 3 วันทำการ)"
    )
    assert _line(mail.body, "- ๑ Comp") == (
        "- ๑ Completeness and accuracy of the website's basic information: due 31 July 2021"
        " (offices closed) → moved to 02 August 2021 (3 working days left)"
    )


def test_rubric_deadline_shows_an_as_written_deadline_unmoved():
    _chonburi_due_saturday("as_written")
    out = io.StringIO()
    by = UserFactory(role=Role.CENTRAL).username
    call_command(
        "rubric_deadline", "chonburi-web-2564", "1.1", "31/07/2564", "--reason", "หนังสือจังหวัด", "--by", by, stdout=out
    )
    assert out.getvalue().startswith("chonburi-web-2564 1.1: กำหนดส่ง 31 ก.ค. 2564")
