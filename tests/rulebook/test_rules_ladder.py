"""Cumulative ladders (decision 5) and the 4.2 download target by province size."""

from decimal import Decimal

import pytest

from rulebook.rules import RuleError, Score, build_rule
from rulebook.rules.values import Context
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar
from tests.scoring import shipped_rubric

RUBRIC = parse_rubric(shipped_rubric())
D = Decimal
# seed 000 near line 534: ภูเก็ต is listed under จังหวัดขนาดเล็ก, เชียงใหม่ under จังหวัดขนาดใหญ่.
PHUKET, CHIANG_MAI = "small", "large"


def score(code: str, size_group: str = "medium", **facts: str) -> Score:
    ctx = Context(calendar=WorkCalendar(), size_group=size_group)
    return RUBRIC.criterion(code).rule.evaluate(facts, ctx)


@pytest.mark.parametrize(
    ("steps", "points"), [("1", 1), ("1,2,3", 3), ("1,2,3,4,5", 5), ("2,3,4,5", 0), ("5,4,3,2,1", 5), ("-", 0)]
)
def test_ladder_cumulative_steps(steps: str, points: int) -> None:
    assert score("1.3", steps=steps).points == points


def test_ladder_missing_step_stops_the_climb() -> None:
    assert score("1.3", steps="1,2,4,5") == Score(
        D(2),
        "ผ่านขั้นที่ 1, 2; ขั้นที่ 3 ไม่ผ่าน; ขั้นที่ 4, 5 ไม่นับ เพราะขั้นที่ 3 ยังไม่ผ่าน → 2 คะแนน",
        "steps 1, 2 met; step 3 not met; step 4, 5 not counted because step 3 is not met → 2 points",
    )


def test_ladder_first_step_unmet_scores_zero() -> None:
    assert score("1.3", steps="2").th == "ขั้นที่ 1 ไม่ผ่าน; ขั้นที่ 2 ไม่นับ เพราะขั้นที่ 1 ยังไม่ผ่าน → 0 คะแนน"


def test_ladder_unknown_step_refused() -> None:
    assert score("1.3", steps="1,9").th == "ขั้นที่ผ่าน: ไม่รู้จักรายการ 9 (ใช้ได้: 1, 2, 3, 4, 5) → 0 คะแนน"


def test_ladder_data_step_below_medium_target() -> None:
    assert score("4.2", "medium", steps="2,4,6,10", new_downloads="3500") == Score(
        D(6),
        "ผ่านขั้นที่ 2, 4, 6; ขั้นที่ 8 ไม่ผ่าน: ผู้ใช้งาน Click ชุมชน รายใหม่ 3,500 < เป้าหมาย 4,000 (จังหวัดขนาดกลาง); "
        "ขั้นที่ 10 ไม่นับ เพราะขั้นที่ 8 ยังไม่ผ่าน → 6 คะแนน",
        "steps 2, 4, 6 met; step 8 not met: new Click ชุมชน users 3,500 < target 4,000 (medium province); "
        "step 10 not counted because step 8 is not met → 6 points",
    )


def test_ladder_phuket_small_target_met() -> None:
    result = score("4.2", PHUKET, steps="2,4,6,10", new_downloads="2,500")
    assert result.points == 10
    assert result.th == (
        "ผ่านขั้นที่ 2, 4, 6, 8, 10; ขั้นที่ 8: ผู้ใช้งาน Click ชุมชน รายใหม่ 2,500 ≥ เป้าหมาย 2,000 (จังหวัดขนาดเล็ก) → 10 คะแนน"
    )


def test_ladder_chiang_mai_large_target_missed_with_same_downloads() -> None:
    assert score("4.2", CHIANG_MAI, steps="2,4,6,10", new_downloads="2500").points == 6
    assert score("4.2", CHIANG_MAI, steps="2,4,6,10", new_downloads="6000").points == 10


def test_ladder_data_step_not_reported() -> None:
    result = score("4.2", "small", steps="2,4,6,10")
    assert result.points == 6
    assert "ขั้นที่ 8 ไม่ผ่าน: ยังไม่มีข้อมูลผู้ใช้งาน Click ชุมชน รายใหม่" in result.th


def test_ladder_data_step_cannot_be_ticked() -> None:
    assert score("4.2", steps="2,4,6,8").th == "ขั้นที่ผ่าน: ขั้น 8 วัดจากข้อมูล ไม่ต้องติ๊ก → 0 คะแนน"


def test_ladder_unknown_size_group_explained() -> None:
    assert score("4.2", "", steps="2,4,6,10", new_downloads="9000").th == (
        "ไม่ทราบขนาดจังหวัด (“”) จึงหาเป้าหมายไม่ได้ → 0 คะแนน"
    )


def test_ladder_levels() -> None:
    assert RUBRIC.criterion("4.2").rule.levels() == (D(0), D(2), D(4), D(6), D(8), D(10))


def test_ladder_points_must_increase() -> None:
    with pytest.raises(RuleError, match="ต้องเพิ่มขึ้น"):
        build_rule("ladder", {"steps": [{"code": "1", "points": "2"}, {"code": "2", "points": "2"}]}, D(2))


def test_ladder_fixed_minimum_data_step() -> None:
    rule = build_rule(
        "ladder",
        {"steps": [{"code": "1", "points": "1"}, {"code": "2", "points": "3", "data": {"fact": "x", "min": "10"}}]},
        D(3),
    )
    ctx = Context(calendar=WorkCalendar())
    assert rule.evaluate({"steps": "1", "x": "10"}, ctx).points == 3
    assert rule.evaluate({"steps": "1", "x": "9.99"}, ctx).points == 1
