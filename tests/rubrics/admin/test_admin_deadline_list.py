"""The admin's deadline list (the README's deadline procedure) is read contest by contest: a year holds the
national contest and every office's, each with its own 1.1."""

import re

import pytest
from django.urls import reverse

from rubrics.models import ContestPeriod
from tests.factories import DistrictFactory, office_contest

pytestmark = pytest.mark.django_db

LIST = reverse("admin:rubrics_criterion_changelist")


@pytest.fixture
def two_contests(chiang_mai):
    office = office_contest("cm-web-2566", chiang_mai, DistrictFactory(parent=chiang_mai), year=2566)
    return ContestPeriod.objects.get(year=2566, contest__slug="cdd4-2566"), office


def _rows(html: str) -> list[tuple[str, str]]:
    """(contest cell, code) per row of the changelist."""
    cells = re.findall(r'<td class="field-contest">(.*?)</td>.*?<th class="field-code"><a [^>]*>(.*?)</a>', html, re.S)
    return [(re.sub(r"<[^>]+>", "", contest), code) for contest, code in cells]


def test_deadline_list_names_each_rows_contest_and_groups_them(client, central_user, two_contests):
    national, office = two_contests
    client.force_login(central_user)
    rows = _rows(client.get(LIST, {"year": "2566"}).content.decode())
    contests = [slug for slug, _ in rows]
    assert contests == ["cdd4-2566"] * national.criteria.count() + ["cm-web-2566"] * office.criteria.count()
    assert [code for slug, code in rows if slug == "cm-web-2566"] == ["๑.๑", "๒.๑", "๓.๑", "๔.๑", "๕.๑"]
    assert [code for slug, code in rows].count("๑.๑") == 2


def test_deadline_list_filtered_to_one_contest(client, central_user, two_contests):
    national, office = two_contests
    client.force_login(central_user)
    response = client.get(LIST, {"contest": office.contest_id})
    assert _rows(response.content.decode()) == [("cm-web-2566", c) for c in ["๑.๑", "๒.๑", "๓.๑", "๔.๑", "๕.๑"]]
    filters = response.context["cl"].filter_specs
    contest_filter = next(f for f in filters if f.parameter_name == "contest")
    first = contest_filter.lookup_choices[0]
    assert first == (str(national.contest_id), f"2566 · {national.contest.name_th} (cdd4-2566)")
