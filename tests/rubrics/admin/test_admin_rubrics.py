"""The rubric's admin: the whole rubric edited as JSON through the service, added, copied to next year and read by
the committee; a criterion's deadline moved from the list; a holiday override that rescores every result."""

import json
from datetime import date

import pytest
from django.urls import reverse

from rubrics import services
from rubrics.models import ContestPeriod, Criterion, HolidayOverride, RubricChange
from rubrics.selectors import rubric_data, rubric_data_next_year
from scoring.models import Standing

pytestmark = pytest.mark.django_db


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def _rubric_post(data, show_provisional=False):
    return {"data": json.dumps(data, ensure_ascii=False), **({"show_provisional": "on"} if show_provisional else {})}


def test_rubric_change_dimension_sum_wrong_refused_with_message_and_nothing_saved(central_client, rubric):
    data = rubric_data(rubric)
    name_en, data["name_en"] = data["name_en"], "Changed"
    c52 = next(d for d in data["dimensions"] if d["code"] == "5")["criteria"][1]
    c52["max_points"] = "5"  # the seed's slip: 6 + 5 in a 10-point dimension
    c52["rule"]["items"]["extra_item"] = {"points": "1", "th": "เพิ่ม", "en": "extra"}
    response = central_client.post(reverse("admin:rubrics_contestperiod_change", args=[rubric.pk]), _rubric_post(data))
    assert response.context["adminform"].form.errors["data"] == ["มิติที่ 5: 6 + 5 = 11 ไม่เท่ากับ 10 คะแนน"]
    rubric.refresh_from_db()
    assert (rubric.name_en, Criterion.objects.get(rubric=rubric, code="5.2").max_points) == (name_en, 4)


def test_rubric_change_valid_json_saved_through_service_and_recorded(central_client, central_user, rubric):
    data = rubric_data(rubric)
    data["name_en"] = "Digital Community Development 4.0 (edited)"
    post = {**_rubric_post(data, show_provisional=True), "reason": "แก้ชื่อภาษาอังกฤษตามหนังสือ"}
    response = central_client.post(reverse("admin:rubrics_contestperiod_change", args=[rubric.pk]), post)
    assert response.status_code == 302
    rubric.refresh_from_db()
    assert (rubric.name_en, rubric.show_provisional) == ("Digital Community Development 4.0 (edited)", True)
    change = RubricChange.objects.get(contest=rubric.contest)
    assert (change.user, change.reason) == (central_user, "แก้ชื่อภาษาอังกฤษตามหนังสือ")
    assert [f["field"] for f in change.changes["periods"][0]["fields"]] == ["name_en"]


def test_rubric_change_of_an_open_contest_without_a_reason_refused_beside_the_box_and_nothing_saved(
    central_client, rubric
):
    data = rubric_data(rubric)
    name_en, data["name_en"] = data["name_en"], "Changed without a reason"
    response = central_client.post(reverse("admin:rubrics_contestperiod_change", args=[rubric.pk]), _rubric_post(data))
    form = response.context["adminform"].form
    assert form.errors["reason"] == [services.revisions.REASON_NEEDED]
    assert "data" not in form.errors
    rubric.refresh_from_db()
    assert (rubric.name_en, RubricChange.objects.count()) == (name_en, 0)


def test_rubric_change_form_prefilled_with_pretty_thai_json(central_client, rubric):
    response = central_client.get(reverse("admin:rubrics_contestperiod_change", args=[rubric.pk]))
    initial = response.context["adminform"].form.fields["data"].initial
    assert json.loads(initial) == rubric_data(rubric)
    assert rubric.name_th in initial  # ensure_ascii=False: Thai is readable, not \\u0e..


def test_rubric_add_pasted_json_creates_new_year_once(central_client, rubric):
    post = _rubric_post(rubric_data_next_year(rubric))
    assert central_client.post(reverse("admin:rubrics_contestperiod_add"), post).status_code == 302
    assert ContestPeriod.objects.get(year=2567).criteria.count() == rubric.criteria.count()
    again = central_client.post(reverse("admin:rubrics_contestperiod_add"), post)
    assert again.context["adminform"].form.errors["data"] == ["มีเกณฑ์ปี 2567 แล้ว ให้แก้ไขเกณฑ์นั้น"]


def test_rubric_change_page_read_only_for_committee(client, committee_user, rubric):
    client.force_login(committee_user)
    response = client.get(reverse("admin:rubrics_contestperiod_change", args=[rubric.pk]))
    assert response.status_code == 200
    assert "data" not in response.context["adminform"].form.fields
    assert "<pre>{\n  &quot;year&quot;: 2566," in response.content.decode()


def test_rubric_copy_to_next_year_shifts_dates(central_client, rubric):
    response = central_client.post(
        reverse("admin:rubrics_contestperiod_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [rubric.pk]},
    )
    assert response.status_code == 302
    copied = ContestPeriod.objects.get(year=2567)
    assert (copied.starts_on, copied.ends_on) == (date(2023, 10, 1), date(2024, 9, 30))
    assert Criterion.objects.get(rubric=copied, code="1.1").deadline == date(2024, 7, 31)
    assert copied.criteria.count() == rubric.criteria.count()


def _deadline_post(criterion, value):
    management = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0"}
    # The 2566 contest is open: the list's deadlines move with a reason.
    return {**management, "form-0-id": str(criterion.pk), "form-0-deadline": value, "_save": "Save", "reason": "หนังสือ"}


def test_criterion_deadline_changelist_edit_saves_and_marks_results_dirty(
    central_client, rubric, django_capture_on_commit_callbacks
):
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    before = dict(Standing.objects.filter(rubric=rubric).values_list("pk", "change_seq"))
    with django_capture_on_commit_callbacks() as callbacks:
        response = central_client.post(
            reverse("admin:rubrics_criterion_changelist") + "?year=2566", _deadline_post(criterion, "2023-08-15")
        )
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.deadline == date(2023, 8, 15)
    after = dict(Standing.objects.filter(rubric=rubric).values_list("pk", "change_seq"))
    assert (len(after), all(after[pk] == seq + 1 for pk, seq in before.items())) == (76, True)
    assert len(callbacks) == 1  # the recompute, queued once the edit commits


def test_holiday_override_add_marks_every_result_dirty(central_client, rubric):
    def seq_sum():
        return sum(Standing.objects.filter(rubric=rubric).values_list("change_seq", flat=True))

    before = seq_sum()
    response = central_client.post(
        reverse("admin:rubrics_holidayoverride_add"),
        {"date": "2023-08-14", "is_holiday": "on", "name_th": "วันหยุดพิเศษ", "name_en": "Special holiday"},
    )
    assert response.status_code == 302
    assert HolidayOverride.objects.get().date == date(2023, 8, 14)
    assert seq_sum() - before == 76
