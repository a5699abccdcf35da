"""Scoring's pages over a contest's entrants cost the same at N and 10 × N entrants (tests/scale/cost.py): the same
queries, the same Python work, and no more than the entrants' rows in the database. The dashboard's and the
missing list's are tests/scale/schedule/test_dashboard.py's."""

import pytest
from django.urls import reverse

from tests.scale.contest import on_the_day, scaled_contest
from tests.scale.cost import assert_page_scales

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted


@pytest.fixture(autouse=True)
def day(monkeypatch):
    on_the_day(monkeypatch)


def test_the_ties_list_costs_the_same_at_n_and_10_n_entrants(client):
    scaled = scaled_contest(kept=True)
    assert_page_scales(client, scaled, reverse("scoring:ties", args=[scaled.key]), scaled.sender)
