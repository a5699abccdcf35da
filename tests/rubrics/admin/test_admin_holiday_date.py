"""A holiday override's date is read-only once saved: the service finds an override by its date, so a new
date would add a second override and leave the old one (a move is a removal and an addition)."""

from datetime import date

import pytest
from django.urls import reverse

from rubrics import timetable
from rubrics.models import HolidayAction, HolidayOverride, HolidayOverrideChange


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def test_holiday_override_change_page_cannot_move_its_date(central_client, central_user, rubric):
    override = timetable.holiday_override_save(
        user=central_user, day=date(2023, 8, 14), is_holiday=True, name_th="วันหยุดพิเศษ"
    )
    url = reverse("admin:rubrics_holidayoverride_change", args=[override.pk])
    page = central_client.get(url)
    assert ("date" in page.context["adminform"].form.fields, "๑๔ ส.ค. ๒๕๖๖" in page.content.decode()) == (False, True)
    post = {"date": "2023-08-15", "is_holiday": "on", "name_th": "วันหยุดพิเศษ (แก้)", "name_en": "", "note": ""}
    assert central_client.post(url, post).status_code == 302
    rows = list(HolidayOverride.objects.values_list("pk", "date", "name_th"))
    assert rows == [(override.pk, date(2023, 8, 14), "วันหยุดพิเศษ (แก้)")]
    actions = list(HolidayOverrideChange.objects.order_by("pk").values_list("date", "action"))
    assert actions == [(date(2023, 8, 14), HolidayAction.ADDED), (date(2023, 8, 14), HolidayAction.CHANGED)]
