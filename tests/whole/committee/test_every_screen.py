"""Every scoring screen of the shipped rubric opens, for a member and for the chair."""

import random

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from rubrics.selectors import rubric_spec
from scoring import demo
from scoring.facts.imports import facts_import
from scoring.models import FactSource
from tests.factories import UserFactory

PROVINCES = ["TH-50", "TH-83", "TH-40"]


@pytest.fixture
def facts(rubric):
    """The demo's facts for three provinces: among them facts named `items` (3.1, 3.2, 3.4, 5.1, 5.2)."""
    rows = []
    for unit in Unit.objects.filter(code__in=PROVINCES):
        rng = random.Random(unit.code)
        for criterion, fact, value in demo.unit_facts(rng, unit.size_group):
            rows.append({"province": unit.code, "criterion": criterion, "fact": fact, "value": value})
    facts_import(rubric=rubric, rows=rows, source=FactSource.DEMO)


@pytest.mark.parametrize("role", [Role.COMMITTEE, Role.CHAIR])
def test_every_criterion_and_province_opens(client, rubric, facts, role):
    client.force_login(UserFactory(role=role))
    codes = [c.code for c in rubric_spec(rubric).criteria()]
    assert len(codes) == 18
    opened = []
    for unit in PROVINCES:
        for code in codes:
            response = client.get(reverse("admin:committee_score", args=[2566, unit, code]))
            assert response.status_code == 200, (unit, code)
            assert code.encode() in response.content
            opened.append((unit, code))
    assert len(opened) == 54  # × 2 roles = the 108 pages of the issue


def test_items_facts_show_as_a_table_row(client, rubric, facts):
    client.force_login(UserFactory(role=Role.COMMITTEE))
    response = client.get(reverse("admin:committee_score", args=[2566, "TH-50", "3.1"]))
    assert response.status_code == 200
    row = [pair for pair in response.context["facts"] if pair[0] == "items"]
    assert len(row) == 1
    assert b"<th>items</th>" in response.content
