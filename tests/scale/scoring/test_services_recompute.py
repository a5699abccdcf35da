"""What the full recompute costs an entrant at N and 10 × N entrants (tests/scale/cost.py), and one entrant's
change whatever the number of others."""

from scoring.recompute import results_mark_dirty, standings_recompute
from tests.scale.contest import on_the_day, scaled_contest, tenfold
from tests.scale.cost import assert_linear_cost, assert_same_cost, cost


def test_a_full_recompute_costs_each_entrant_the_same_at_n_and_10_n_entrants(db, monkeypatch):
    on_the_day(monkeypatch)
    scaled = scaled_contest()  # a village contest of N entrants, to grow tenfold (tests/scale/contest.py)

    def full():
        assert standings_recompute(rubric_id=scaled.rubric.pk, full=True) == len(scaled.units)

    small = cost(full)
    n = tenfold(scaled)
    assert_linear_cost("the full recompute", n, small, cost(full))


def test_one_entrant_s_change_costs_the_same_at_n_and_10_n_entrants(db, monkeypatch):
    on_the_day(monkeypatch)
    scaled = scaled_contest()
    one = scaled.units[len(scaled.units) // 2]

    def change():
        results_mark_dirty(rubric_id=scaled.rubric.pk, unit_ids=[one])  # as the write of what it sent marks it
        assert standings_recompute(rubric_id=scaled.rubric.pk) == 1

    small = cost(change)
    n = tenfold(scaled)
    assert_same_cost("one entrant's change", n, small, cost(change))
