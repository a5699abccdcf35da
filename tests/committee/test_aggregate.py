from decimal import Decimal as D

import pytest

from committee.aggregate import aggregate, median, snap_down

LADDER = (D(0), D(1), D(3), D(5))


def test_snap_down_members_3_and_5_on_1_3_5_ladder_gives_3():
    assert aggregate([D(3), D(5)], LADDER).points == D(3)


def test_median_odd_count_is_middle_value():
    assert median([D(5), D(1), D(3)]) == D(3)


def test_median_even_count_is_mean_of_middle_values():
    assert median([D(1), D(3), D(5), D(5)]) == D(4)


def test_aggregate_even_count_mean_snapped_down_to_level():
    agg = aggregate([D(1), D(3), D(5), D(5)], LADDER)
    assert (agg.points, agg.median, agg.spread, agg.count, agg.source) == (D(3), D(3), D(4), 4, "median")


def test_aggregate_chair_final_wins_over_median():
    agg = aggregate([D(5), D(5), D(5)], LADDER, chair_final=D(1))
    assert (agg.points, agg.median, agg.spread, agg.source) == (D(1), D(5), D(0), "chair")


def test_aggregate_chair_final_without_member_scores():
    agg = aggregate([], LADDER, chair_final=D(3))
    assert (agg.points, agg.median, agg.spread, agg.count, agg.source) == (D(3), None, None, 0, "chair")


def test_aggregate_no_scores_leaves_rule_result():
    agg = aggregate([], LADDER)
    assert (agg.points, agg.source) == (None, "none")


def test_aggregate_spread_is_max_minus_min():
    assert aggregate([D(0), D(5), D(3)], LADDER).spread == D(5)


def test_snap_down_free_points_cut_to_two_decimals():
    assert snap_down(D("2.345"), None) == D("2.34")


def test_snap_down_exact_level_kept():
    assert snap_down(D(5), LADDER) == D(5)


def test_snap_down_below_lowest_level_gives_lowest():
    assert snap_down(D("0.5"), (D(1), D(3))) == D(1)


def test_median_of_nothing_refused():
    with pytest.raises(ValueError):
        median([])
