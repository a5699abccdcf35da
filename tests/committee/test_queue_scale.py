"""The committee's work over a contest's entrants costs the same at N and 10 × N entrants (tests/scale.py):
its home's line of what is left, its matrix (a page of entrants) and the next cell to score."""

import pytest
from django.urls import reverse

from people.models import Role
from tests.factories import UserFactory
from tests.scale import assert_page_scales, on_the_day, scaled_contest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def day(monkeypatch):
    on_the_day(monkeypatch)


@pytest.fixture
def scaled(db):
    return scaled_contest(kept=True)


def test_a_member_s_home_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    assert_page_scales(client, scaled, reverse("submissions:home"), UserFactory(role=Role.COMMITTEE))


# committee.screens.matrix makes every entrant's cells (18 a village) before the page takes its rows:
# 576,483 → 1,431,556 calls, 93.1 → 212.0 ms, at 100 → 1,000 villages.
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="committee.screens.matrix makes every entrant's cells, then pages them"
)
def test_the_scoring_matrix_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    url = reverse("admin:committee_matrix") + f"?year={scaled.key}"
    assert_page_scales(client, scaled, url, UserFactory(role=Role.COMMITTEE))


# committee.queue.next_with_evidence reads every entrant and every cell with evidence to find the next one:
# 30,506 → 66,658 calls, 15.8 → 32.3 ms, at 100 → 1,000 villages.
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="committee.queue.next_with_evidence reads every entrant's cells"
)
def test_the_next_cell_to_score_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    url = reverse("admin:committee_next") + f"?year={scaled.key}"
    assert_page_scales(client, scaled, url, UserFactory(role=Role.COMMITTEE), status=302)
