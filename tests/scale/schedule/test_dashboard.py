"""Central's dashboard and missing list over a contest's entrants cost the same at N and 10 × N entrants
(tests/scale/cost.py): the same queries, the same Python work, and no more than the entrants' rows in the database,
whether the rounds are kept and current or never counted yet: counted live where a page may (the live statement),
else shown as being counted."""

import pytest
from django.urls import reverse

from schedule import missing_views
from tests.scale.contest import N, on_the_day, scaled_contest
from tests.scale.cost import assert_page_scales

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted
KEPT = "rounds kept"
UNCOUNTED = "never counted, too many to count live"
# The rounds kept; or never counted, the entrants a page counts live (`schedule.kept.STALE_MOST`) set over 10 × N
# (every sending counted, at both sizes) or under N (nothing counted, at both sizes).
MOST = {KEPT: None, "never counted, counted live": 10 * N, UNCOUNTED: N // 2}
ROUNDS = pytest.mark.parametrize("rounds", list(MOST))


@pytest.fixture(autouse=True)
def day(monkeypatch):
    on_the_day(monkeypatch)


def _scales(client, monkeypatch, view: str, *, rounds: str = KEPT, query: str = "", n: int | None = None) -> None:
    if MOST[rounds] is not None:
        monkeypatch.setattr("schedule.kept.STALE_MOST", MOST[rounds])
    scaled = scaled_contest(**({"n": n} if n else {}), kept=rounds == KEPT)
    url = reverse(view, args=[scaled.key]) + query
    assert_page_scales(client, scaled, url, scaled.sender)
    assert ('id="rounds-uncounted"' in client.get(url).content.decode()) is (rounds == UNCOUNTED)


@ROUNDS
def test_the_dashboard_costs_the_same_at_n_and_10_n_entrants(client, monkeypatch, rounds):
    _scales(client, monkeypatch, "schedule:dashboard", rounds=rounds)


@ROUNDS
def test_the_missing_list_costs_the_same_at_n_and_10_n_entrants(client, monkeypatch, rounds):
    _scales(client, monkeypatch, "schedule:missing", rounds=rounds)


@ROUNDS
def test_one_criterion_s_missing_list_costs_the_same_at_n_and_10_n_entrants(client, monkeypatch, rounds):
    # 20 names a round, as when every criterion is shown: the page is full at N entrants too (200 would not be).
    monkeypatch.setattr(missing_views, "NAMES_SHOWN", missing_views.NAMES_SHOWN_ALL)
    _scales(client, monkeypatch, "schedule:missing", rounds=rounds, query="?criterion=1.2")


def test_a_page_of_the_standings_costs_the_same_at_n_and_10_n_entrants(client, monkeypatch):
    # A hundred a page: page 2 at 200 as at 2,000.
    _scales(client, monkeypatch, "schedule:dashboard", query="?page=2", n=200)


def test_the_standings_polled_by_the_dashboard_cost_the_same_at_n_and_10_n_entrants(client, monkeypatch):
    _scales(client, monkeypatch, "schedule:live")
