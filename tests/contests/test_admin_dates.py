"""The admin shows and reads dates in the Buddhist Era: Django's th locale prints
Gregorian years, so contests.admin.dates shows them through its own columns and widget."""

import re
from datetime import UTC, date, datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from people.models import Role
from rubrics import timetable
from rubrics.models import Criterion, HolidayOverride
from scoring.templatetags.scoring_tags import be_years
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BANGKOK_2PM = datetime.fromisoformat("2026-11-23T14:05:00+07:00")


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def _results(html: str) -> str:
    return re.search(r'<table id="result_list">.*?</table>', html, re.S)[0]


def _cells(html: str, field: str) -> list[str]:
    return re.findall(rf'<t[dh] class="field-{field}[^"]*">(?:<a [^>]*>)?([^<]*)<', _results(html))


def test_changelist_date_column_in_buddhist_era(central_client, central_user):
    timetable.holiday_override_save(user=central_user, day=date(2026, 11, 23), is_holiday=True, name_th="วันหยุด")
    html = central_client.get(reverse("admin:rubrics_holidayoverride_changelist")).content.decode()
    assert _cells(html, "date") == ["๒๓ พ.ย. ๒๕๖๙"]
    assert "2026" not in _results(html)


def test_changelist_timestamp_and_date_hierarchy_in_buddhist_era(central_client, central_user, clock):
    clock(2026, 11, 23, 14, 5)
    timetable.holiday_override_save(user=central_user, day=date(2026, 11, 23), is_holiday=True, name_th="วันหยุด")
    html = central_client.get(reverse("admin:rubrics_holidayoverridechange_changelist")).content.decode()
    assert _cells(html, "changed_at") == ["๒๓ พ.ย. ๒๕๖๙ ๑๔:๐๕ น."]
    assert _cells(html, "date") == ["๒๓ พ.ย. ๒๕๖๙"]
    assert "2026" not in _results(html)
    hierarchy = re.search(r'<nav class="toplinks">.*?</nav>', html, re.S)[0]
    # One day of one year: the year to go back to, and the day.
    assert re.findall(r">([^<>]+)</a>", hierarchy) == ["&lsaquo; ๒๕๖๙", "๒๓ พฤศจิกายน"]


def test_date_hierarchy_titles_get_buddhist_years_in_thai_only(settings):
    assert [be_years(t) for t in ("2026", "พฤศจิกายน 2026", "23 พฤศจิกายน", "ทุกวัน")] == [
        "2569",
        "พฤศจิกายน 2569",
        "23 พฤศจิกายน",
        "ทุกวัน",
    ]


def test_admin_date_field_reads_be_and_shows_it_back(central_client, rubric):
    response = central_client.post(
        reverse("admin:rubrics_holidayoverride_add"), {"date": "23/11/2569", "is_holiday": "on", "name_th": "วันหยุด"}
    )
    assert response.status_code == 302
    override = HolidayOverride.objects.get()
    assert override.date == date(2026, 11, 23)
    html = central_client.get(reverse("admin:rubrics_holidayoverride_change", args=[override.pk])).content.decode()
    # A saved override's date is read-only (a move is a removal and an addition): shown, not typed in.
    assert re.search(r'field-date.*?<div class="readonly">([^<]*)</div>', html, re.S)[1] == "๒๓ พ.ย. ๒๕๖๙"
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    Criterion.objects.filter(pk=criterion.pk).update(deadline=date(2023, 7, 31))
    html = central_client.get(reverse("admin:rubrics_criterion_change", args=[criterion.pk])).content.decode()
    # the box keeps its value as typed; the page around it reads in Thai digits
    assert re.search(r'<input type="text" name="deadline" value="([^"]*)"', html)[1] == "31 ก.ค. 2566"


def test_admin_date_field_refuses_an_unreadable_date_in_thai_first(central_client):
    response = central_client.post(
        reverse("admin:rubrics_holidayoverride_add"), {"date": "31/02/2569", "is_holiday": "on", "name_th": "วันหยุด"}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["date"] == [
        "ไม่มีวันที่ “31/02/2569” ในปฏิทิน (อ่านเป็น วัน 31 เดือน 2 ปี ค.ศ. 2026)"
    ]
    assert not HolidayOverride.objects.exists()


def test_view_only_detail_shows_the_date_in_buddhist_era(client, committee_user, rubric):
    criterion = Criterion.objects.get(rubric=rubric, code="1.1")
    Criterion.objects.filter(pk=criterion.pk).update(deadline=date(2023, 7, 31))
    client.force_login(committee_user)  # reads criteria, changes none: every field is read-only
    html = client.get(reverse("admin:rubrics_criterion_change", args=[criterion.pk])).content.decode()
    deadline = re.search(r'field-deadline.*?<div class="readonly">([^<]*)</div>', html, re.S)[1]
    assert deadline == "๓๑ ก.ค. ๒๕๖๖"


def test_read_only_timestamps_in_buddhist_era(central_client):
    user = UserFactory(date_joined=BANGKOK_2PM)
    html = central_client.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    joined = re.search(r'field-date_joined.*?<div class="readonly">([^<]*)</div>', html, re.S)[1]
    assert joined == "๒๓ พ.ย. ๒๕๖๙ ๑๔:๐๕ น."


def test_english_admin_shows_gregorian_dates_with_english_months(central_client, central_user):
    timetable.holiday_override_save(user=central_user, day=date(2026, 11, 23), is_holiday=True, name_th="วันหยุด")
    central_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    html = central_client.get(reverse("admin:rubrics_holidayoverride_changelist")).content.decode()
    assert _cells(html, "date") == ["23 Nov 2026"]


def test_object_history_in_buddhist_era(central_client, central_user):
    """An object's history page (Django's own template) dates each change in B.E. like the lists do."""
    central_client.post(
        reverse("admin:rubrics_holidayoverride_add"),
        {"date": "23/11/2569", "is_holiday": "on", "name_th": "วันหยุด", "name_en": ""},
    )
    override = HolidayOverride.objects.get()
    # LogEntry's default is bound to the real timezone.now, so the moment is set here.
    LogEntry.objects.update(action_time=datetime(2026, 11, 23, 7, 5, tzinfo=UTC))
    html = central_client.get(reverse("admin:rubrics_holidayoverride_history", args=[override.pk])).content.decode()
    history = re.search(r'<div id="change-history".*?</table>', html, re.S)[0]
    assert re.findall(r'<th scope="row">([^<]*)</th>', history) == ["๒๓ พ.ย. ๒๕๖๙ ๑๔:๐๕ น."]
    assert "2026" not in history


@pytest.mark.parametrize("role", [Role.CENTRAL, Role.CHAIR, Role.ORGANISER])
def test_no_changelist_shows_a_date_field_by_name(rf, role, chiang_mai):
    """Every admin's date and timestamp columns are B.E. columns, for every role's list: a get_list_display of its
    own that skipped ThaiDates' would print "24 พฤศจิกายน 2026, 11:46"."""
    from django.contrib import admin as django_admin
    from django.db import models as dj

    request = rf.get("/admin/")
    request.user = UserFactory(role=role, role__unit=chiang_mai if role == Role.ORGANISER else None)
    named = []
    for model, model_admin in django_admin.site._registry.items():
        dates = {f.name for f in model._meta.get_fields() if isinstance(f, dj.DateField)}
        dates -= set(model_admin.list_editable)  # typed in place: a B.E. date input (the criterion's deadline)
        named += [(model.__name__, n) for n in model_admin.get_list_display(request) if n in dates]
    assert named == []
