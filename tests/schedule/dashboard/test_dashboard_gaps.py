from datetime import date
from decimal import Decimal

from rubrics.models import AwardTier, Criterion
from schedule.dashboard import Gap, tier_gaps
from scoring.models import Standing

TIERS = [AwardTier(code="winner", name_th="ชนะเลิศ", count=1), AwardTier(code="runner_up_1", name_th="รองฯ ๑", count=1),
         AwardTier(code="honourable", name_th="ชมเชย", count=2)]  # fmt: skip
CRITERIA = [
    Criterion(code="4.2", max_points=Decimal(10), deadline=date(2023, 7, 31)),
    Criterion(code="5.1", max_points=Decimal(6), deadline=None),
    Criterion(code="1.2", max_points=Decimal(5), deadline=date(2023, 6, 30)),
]


def result(pk, total, award, criteria=None):
    return Standing(pk=pk, total=Decimal(total), award=award, criteria=criteria or {})


def test_gap_is_distance_to_lowest_total_in_the_next_tier_with_open_criteria():
    results = [
        result(1, 90, "winner"),
        result(2, 80, "runner_up_1"),
        result(3, 70, "honourable", {"4.2": "10"}),
        result(4, 65, "honourable"),
        result(5, 62, "", {"4.2": "5", "5.1": "6", "1.2": "0"}),
    ]
    gaps = tier_gaps(results, TIERS, CRITERIA, today=date(2023, 7, 1))
    assert gaps[1].tier is None and gaps[1].th == "—"
    assert (gaps[2].tier.code, gaps[2].points) == ("winner", Decimal(10))
    assert (gaps[3].tier.code, gaps[3].points, gaps[3].open_codes) == ("runner_up_1", Decimal(10), ("5.1",))
    assert (gaps[5].tier.code, gaps[5].points, gaps[5].open_codes) == ("honourable", Decimal(3), ("4.2",))
    assert gaps[5].th == "ต้องการอีก ๓ คะแนน; ตัวชี้วัดที่ยังเปิด: ๔.๒"
    assert gaps[5].en == "needs 3 more points; open criteria: 4.2"
    assert gaps[5].reachable  # 5 points left in 4.2 ≥ 3


def test_gap_flags_an_unreachable_tier_and_lists_no_closed_criteria():
    results = [result(1, 90, "winner"), result(2, 10, "runner_up_1", {"4.2": "10", "5.1": "6"})]
    gap = tier_gaps(results, TIERS, CRITERIA, today=date(2023, 8, 1))[2]
    assert (gap.points, gap.open_codes, gap.reachable) == (Decimal(80), (), False)
    assert gap.th.endswith("ตัวชี้วัดที่ยังเปิด: ไม่มี")


def test_tie_at_the_cutoff_needs_nothing_more():
    results = [result(1, 90, "winner"), result(2, 90, "winner")]
    assert all(g.tier is None for g in tier_gaps(results, TIERS, CRITERIA, today=date(2023, 7, 1)).values())


def test_gap_prints_points_without_trailing_zeros():
    assert Gap(TIERS[0], Decimal("0.5"), ("5.1",)).th == "ต้องการอีก ๐.๕ คะแนน; ตัวชี้วัดที่ยังเปิด: ๕.๑"


def test_vacant_places_need_only_eligibility():
    # Decision 10: one province holds points; the other places are vacant, so 0.01 more points (any
    # score above 0) or the year's minimum is all a province needs for the lowest vacant tier.
    results = [result(1, 20, "winner"), result(2, 0, "")]
    gap = tier_gaps(results, TIERS, CRITERIA, today=date(2023, 7, 1))[2]
    assert (gap.tier.code, gap.points) == ("honourable", Decimal("0.01"))
    gap = tier_gaps(results, TIERS, CRITERIA, today=date(2023, 7, 1), minimum=Decimal(15))[2]
    assert (gap.tier.code, gap.points) == ("honourable", Decimal(15))


def test_vacant_places_counted_in_order():
    from rulebook.engine import vacant_places

    tiers = [("winner", 1), ("runner_up_1", 1), ("honourable", 10)]
    assert vacant_places(tiers, 0) == {"winner": 1, "runner_up_1": 1, "honourable": 10}
    assert vacant_places(tiers, 2) == {"winner": 0, "runner_up_1": 0, "honourable": 10}
    assert vacant_places(tiers, 5) == {"winner": 0, "runner_up_1": 0, "honourable": 7}
    assert vacant_places(tiers, 13) == {"winner": 0, "runner_up_1": 0, "honourable": 0}


def test_frozen_year_gives_the_distance_and_no_open_criterion():
    results = [result(1, 90, "winner"), result(2, 80, "runner_up_1"), result(3, 70, "honourable"),
               result(4, 65, "honourable"), result(5, 62, "", {"4.2": "5"})]  # fmt: skip
    gap = tier_gaps(results, TIERS, CRITERIA, today=date(2023, 7, 1), frozen=True)[5]
    assert (gap.tier.code, gap.points, gap.open_codes, gap.frozen) == ("honourable", Decimal(3), (), True)
    assert (gap.th, gap.en) == ("ห่าง ๓ คะแนน; ผลตรึงแล้ว", "3 points short; results frozen")
