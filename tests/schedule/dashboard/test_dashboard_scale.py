"""Central's dashboard and missing list over a contest's entrants cost the same at N and 10 × N entrants
(tests/scale.py): the same queries, the same Python work, and no more than the entrants' rows in the database,
whether the rounds are kept and current or never counted yet (the live statement)."""

import pytest
from django.urls import reverse

from schedule import missing_views
from tests.scale import assert_page_scales, on_the_day, scaled_contest

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted
KEPT = pytest.mark.parametrize("kept", [True, False], ids=["rounds kept", "never counted"])


@pytest.fixture(autouse=True)
def day(monkeypatch):
    on_the_day(monkeypatch)


def _scales(client, view: str, *, kept: bool = True, query: str = "", n: int | None = None) -> None:
    scaled = scaled_contest(**({"n": n} if n else {}), kept=kept)
    assert_page_scales(client, scaled, reverse(view, args=[scaled.key]) + query, scaled.sender)


@KEPT
def test_the_dashboard_costs_the_same_at_n_and_10_n_entrants(client, kept):
    _scales(client, "schedule:dashboard", kept=kept)


@KEPT
def test_the_missing_list_costs_the_same_at_n_and_10_n_entrants(client, kept):
    _scales(client, "schedule:missing", kept=kept)


@KEPT
def test_one_criterion_s_missing_list_costs_the_same_at_n_and_10_n_entrants(client, kept, monkeypatch):
    # 20 names a round, as when every criterion is shown: the page is full at N entrants too (200 would not be).
    monkeypatch.setattr(missing_views, "NAMES_SHOWN", missing_views.NAMES_SHOWN_ALL)
    _scales(client, "schedule:missing", kept=kept, query="?criterion=1.2")


def test_a_page_of_the_standings_costs_the_same_at_n_and_10_n_entrants(client):
    _scales(client, "schedule:dashboard", query="?page=2", n=200)  # a hundred a page: page 2 at 200 as at 2,000


def test_the_standings_polled_by_the_dashboard_cost_the_same_at_n_and_10_n_entrants(client):
    _scales(client, "schedule:live")
