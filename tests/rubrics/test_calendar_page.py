"""The working-day calendar central staff see and correct (decisions 3 and 9): page, audit, rescoring."""

from datetime import date

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from rubrics import timetable
from rubrics.models import HolidayAction, HolidayOverride, HolidayOverrideChange
from rubrics.selectors import calendar_year
from scoring.facts.imports import fact_set
from scoring.models import Standing
from scoring.recompute import standings_recompute

from ..factories import DistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def seq_sum(rubric) -> int:
    return sum(Standing.objects.filter(rubric=rubric).values_list("change_seq", flat=True))


@pytest.mark.parametrize(("who", "status"), [("provincial_user", 403), ("committee_user", 403)])
def test_calendar_page_is_for_central_staff(client, rubric, request, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("rubrics:calendar", args=[2566])).status_code == status


def test_calendar_page_anonymous_sent_to_login(client, rubric):
    response = client.get(reverse("rubrics:calendar", args=[2566]))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_calendar_page_lists_closed_days_and_why(client, rubric, central_user):
    timetable.holiday_override_save(user=central_user, day=date(2023, 8, 15), is_holiday=True, name_th="น้ำท่วม")
    client.force_login(central_user)
    html = client.get(reverse("rubrics:calendar", args=[2566])).content.decode()
    assert "๓๑ กรกฎาคม ๒๕๖๖</td>\n    <td>วันหยุดพิเศษ (เพิ่มเติม)" in html  # the cabinet's special holiday
    assert "๑๕ สิงหาคม ๒๕๖๖</td>\n    <td>น้ำท่วม" in html
    assert "ส่วนกลางกำหนด" in html and '<tr class="reason-weekend">' not in html
    with_weekends = client.get(reverse("rubrics:calendar", args=[2566]), {"weekends": "1"}).content.decode()
    assert with_weekends.count('<tr class="reason-weekend">') == 97
    assert "๑ พฤษภาคม ๒๕๖๖</td><td>วันแรงงานแห่งชาติ " in html and "government offices open" not in html
    assert '">๑ พฤษภาคม ๒๕๖๖</td>\n    <td>' not in html  # Labour Day is not listed as closed


def test_calendar_year_counts(rubric):
    year = calendar_year(rubric)
    saturdays_and_sundays = 105  # 1 Oct 2022 is a Saturday; some of them carry a holiday's name instead
    named = sum(row["day"].day.weekday() >= 5 and row["day"].reason != "weekend" for row in year["closed"])
    assert year["weekends"] + named == saturdays_and_sundays
    assert year["weekdays_closed"] == len(year["closed"]) - saturdays_and_sundays
    assert date(2023, 4, 17) in [row["day"].day for row in year["closed"]]
    assert [row["day"].day for row in year["opened"]] == [date(2023, 5, 1)]


def test_override_add_change_remove_is_audited_and_rescores(rubric, central_user):
    before = seq_sum(rubric)
    saved = timetable.holiday_override_save(user=central_user, day=date(2023, 5, 1), is_holiday=True, name_th="ปิด")
    timetable.holiday_override_save(
        user=central_user, day=date(2023, 5, 1), is_holiday=True, name_th="ปิด", note="same again"
    )
    timetable.holiday_override_save(user=central_user, day=date(2023, 5, 1), is_holiday=True, name_th="ปิด")
    timetable.holiday_override_remove(user=central_user, override=saved)
    changes = list(HolidayOverrideChange.objects.order_by("id").values_list("action", "before", "after", "changed_by"))
    state = {"is_holiday": True, "name_th": "ปิด", "name_en": "", "note": ""}
    assert changes == [
        (HolidayAction.ADDED, None, state, central_user.pk),
        (HolidayAction.CHANGED, state, state | {"note": "same again"}, central_user.pk),
        (HolidayAction.CHANGED, state | {"note": "same again"}, state, central_user.pk),
        (HolidayAction.REMOVED, state, None, central_user.pk),
    ]
    assert not HolidayOverride.objects.exists()
    assert seq_sum(rubric) - before == 76 * 4


def test_override_saved_unchanged_writes_no_audit_and_no_rescore(rubric, central_user):
    timetable.holiday_override_save(user=central_user, day=date(2023, 8, 15), is_holiday=True, name_th="x")
    before = seq_sum(rubric)
    timetable.holiday_override_save(user=central_user, day=date(2023, 8, 15), is_holiday=True, name_th="x")
    assert HolidayOverrideChange.objects.count() == 1
    assert seq_sum(rubric) == before


def test_override_added_then_removed_leaves_every_score_as_it_was(
    rubric, central_user, django_capture_on_commit_callbacks
):
    unit = Unit.objects.get(code="TH-50")
    timetable.criterion_deadline_set(rubric=rubric, code="2.1.2", deadline=date(2023, 4, 26), reason="หนังสือกรม")
    fact_set(rubric=rubric, unit=unit, criterion_code="2.1.2", name="received_on", value="2/5/66")
    standings_recompute(rubric_id=rubric.pk, full=True)
    scored = Standing.objects.get(rubric=rubric, unit=unit).criteria["2.1.2"]
    assert scored == "2"  # Labour Day counts: 4th working day late
    override = timetable.holiday_override_save(
        user=central_user, day=date(2023, 5, 1), is_holiday=True, name_th="ปิดทำการ"
    )
    standings_recompute(rubric_id=rubric.pk)
    assert Standing.objects.get(rubric=rubric, unit=unit).criteria["2.1.2"] == "3"
    timetable.holiday_override_remove(user=central_user, override=override)
    standings_recompute(rubric_id=rubric.pk)
    assert Standing.objects.get(rubric=rubric, unit=unit).criteria["2.1.2"] == scored


def test_admin_add_reads_a_thai_date_and_audits(central_client, rubric):
    response = central_client.post(
        reverse("admin:rubrics_holidayoverride_add"),
        {"date": "14/08/2566", "is_holiday": "on", "name_th": "วันหยุดพิเศษ", "name_en": "Special holiday"},
    )
    assert response.status_code == 302
    assert HolidayOverride.objects.get().date == date(2023, 8, 14)
    assert HolidayOverrideChange.objects.get().action == HolidayAction.ADDED


def test_admin_refuses_an_unreadable_date(central_client, rubric):
    response = central_client.post(
        reverse("admin:rubrics_holidayoverride_add"), {"date": "31/02/2566", "is_holiday": "on", "name_th": "x"}
    )
    assert response.status_code == 200
    assert "ไม่มีวันที่ “๓๑/๐๒/๒๕๖๖” ในปฏิทิน" in response.content.decode()
    assert not HolidayOverride.objects.exists()


def test_admin_delete_is_audited(central_client, rubric, central_user):
    override = timetable.holiday_override_save(user=central_user, day=date(2023, 8, 15), is_holiday=True, name_th="x")
    response = central_client.post(reverse("admin:rubrics_holidayoverride_delete", args=[override.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert list(HolidayOverrideChange.objects.values_list("action", flat=True)) == [
        HolidayAction.REMOVED,
        HolidayAction.ADDED,
    ]


def test_province_page_shows_the_moved_deadline(client, rubric, provincial_user):
    timetable.criterion_deadline_set(rubric=rubric, code="2.1.2", deadline=date(2023, 4, 13), reason="หนังสือกรม")
    client.force_login(provincial_user)
    html = client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()
    assert "๑๓ เมษายน ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๘ เมษายน ๒๕๖๖" in html


def test_days_left_count_to_the_moved_deadline(rubric):
    from rulebook.workdays import WorkCalendar
    from schedule.obligations import days_left

    calendar = WorkCalendar()
    due = calendar.next_working_day(date(2023, 4, 13))  # Songkran: moves to Tue 18 Apr
    assert (due, days_left(calendar, date(2023, 4, 17), due), days_left(calendar, date(2023, 4, 19), due)) == (
        date(2023, 4, 18), 1, -1
    )  # fmt: skip


def test_the_holiday_links_are_offered_only_to_who_may_edit_holidays(client, chiang_mai, central_user):
    """An organiser checks its contest's calendar; the holidays every contest counts on are central staff's."""
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    url = reverse("rubrics:calendar", args=[rubric.key])
    edit = reverse("admin:rubrics_holidayoverride_changelist")
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    html = client.get(url).content.decode()
    assert "ปฏิทินวันทำการของส่วนราชการ" in html and edit not in html
    assert client.get(edit).status_code == 403  # what the link would have led to
    client.force_login(central_user)
    assert edit in client.get(url).content.decode()
