"""With districts and subdistricts loaded, the national contest still sees exactly its 76 provinces."""

import pytest
from django.urls import reverse

from committee.querysets import units_for_member
from contests.models import Level, Unit
from contests.units import units_load
from core.sheets import exporter
from rubrics import services
from schedule.reminders import rubric_reminders
from scoring import selectors
from scoring.facts.imports import fact_set
from scoring.models import Standing
from scoring.standings import standings_rows
from tests.factories import DistrictFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

BANGKOK = [("10", "กรุงเทพมหานคร", "Bangkok"), ("1001", "เขตพระนคร", "Khet Phra Nakhon")]


def _add_units(chiang_mai, phuket):
    units_load(rows=BANGKOK)
    for unit in (chiang_mai, phuket):
        district = DistrictFactory(parent=unit)
        SubdistrictFactory(parent=district)
        SubdistrictFactory(parent=district)
    assert Unit.objects.exclude(level=Level.PROVINCE).count() == 7


def _national(client, api, rubric, central_user, committee_user) -> dict:
    client.force_login(central_user)
    api.force_authenticate(central_user)
    dashboard = client.get(reverse("schedule:dashboard", args=[rubric.year])).content.decode()
    home = client.get(reverse("submissions:provinces")).content.decode()
    return {
        "results": Standing.objects.filter(rubric=rubric).count(),
        "standings": [(r["province"], r["total"]) for r in standings_rows(rubric)],
        "dashboard": (dashboard.count('class="prov"'), dashboard.count("<tr data-province=")),
        "home": home.count("<tr><td><a href="),
        "api": [p["code"] for p in api.get(reverse("api-provinces")).json()],
        "standings.csv": exporter.export(rubric, "standings", "csv")[0],
        "fact-template.csv": exporter.export(rubric, "fact-template", "csv")[0],
        "lookup": len(set(selectors.province_lookup().values())),
        "committee": units_for_member(committee_user).count(),
        "reminders": sum(len(batch) for batch in rubric_reminders(rubric, rubric.ends_on)),
    }


def test_units_change_no_national_page_export_or_standing(
    client, api, rubric, central_user, committee_user, chiang_mai, phuket, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fact_set(rubric=rubric, unit=phuket, criterion_code="1.1", name="done", value="yes")
    before = _national(client, api, rubric, central_user, committee_user)
    assert before["results"] == len(before["standings"]) == len(before["api"]) == before["lookup"] == 76
    assert before["dashboard"] == (76, 76) and before["committee"] == before["home"] == 76

    _add_units(chiang_mai, phuket)
    after = _national(client, api, rubric, central_user, committee_user)
    assert after == before


def test_bootstrap_makes_results_for_provinces_only(rubric, chiang_mai, phuket):
    _add_units(chiang_mai, phuket)
    services.provinces_load(entries=[])  # bootstrap's step that adds a result row for any province missing one
    assert Standing.objects.filter(rubric=rubric).count() == 76
    assert not Standing.objects.exclude(unit__level=Level.PROVINCE).exists()


def test_province_choices_offer_the_76_offices_only(rf, central_user, chiang_mai, phuket):
    from django.contrib import admin

    from accounts.forms import MembershipForm
    from awards.forms import DocumentRequestForm
    from people.models import Conflict
    from scoring.models import Fact

    _add_units(chiang_mai, phuket)
    request = rf.get("/")
    request.user = central_user
    # A membership may name a district office too (its staff are set up there); never a subdistrict.
    offices = MembershipForm().fields["unit"].queryset
    assert offices.count() == 76 + Unit.objects.filter(level=Level.DISTRICT, is_cdd_office=True).count()
    assert not offices.filter(level=Level.SUBDISTRICT).exists()
    fields = [
        DocumentRequestForm().fields["province"],
        admin.site._registry[Fact].formfield_for_foreignkey(Fact._meta.get_field("unit"), request),
    ]
    assert [f.queryset.count() for f in fields] == [76, 76]
    # A conflict of interest is declared at any level a contest is entered: every unit.
    conflict = admin.site._registry[Conflict].formfield_for_foreignkey(Conflict._meta.get_field("unit"), request)
    assert conflict.queryset.count() == Unit.objects.count()
