"""Table A (2.1.1), tables C (2.2.1) and 3.3, ratio: every boundary RUBRIC.md names."""

import copy
from decimal import Decimal
from pathlib import Path

import pytest

from rulebook.rules import RuleError, Score, build_rule
from rulebook.rules.values import Context
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar
from tests.scoring import shipped_rubric

HERE = Path(__file__).parents[1] / "rubrics"
RUBRIC = parse_rubric(shipped_rubric())
CTX = Context(calendar=WorkCalendar())
D = Decimal


def score(code: str, **facts: str) -> Score:
    return RUBRIC.criterion(code).rule.evaluate(facts, CTX)


def table_a(collected: int, target: int, confidence: str) -> Score:
    return score("2.1.1", households_collected=str(collected), households_target=str(target), confidence_pct=confidence)


@pytest.mark.parametrize(
    ("collected", "confidence", "points"),
    [
        (10001, "95.01", 10),  # more than 100, more than 95
        (10001, "95.00", 6),  # confidence exactly 95 is not "more than 95"
        (10000, "95.01", 8),  # exactly 100% is the 8-point row
        (9901, "95.01", 8),
        (9900, "95.01", 6),  # 99.00 is below 99.01
        (9701, "90.01", 6),
        (9700, "90.01", 4),
        (9701, "90.00", 2),  # confidence exactly 90 meets no row
        (5500, "93", 4),
        (5499, "93", 2),
        (10050, "93", 6),  # decision 1: 100.5% with 93% falls to the 6-point row
        (10050, "100", 10),
    ],
)
def test_table_a_boundaries(collected: int, confidence: str, points: int) -> None:
    assert table_a(collected, 10000, confidence).points == points


def test_table_a_rounds_97_005_up_to_97_01() -> None:
    assert table_a(19401, 20000, "93").points == 6
    assert table_a(194009, 200000, "93").points == 4  # 97.0045 → 97.00


def test_table_a_rounds_99_005_up_to_99_01() -> None:
    assert table_a(19801, 20000, "96").points == 8


def test_table_a_explanation_shows_comparisons() -> None:
    assert table_a(9700, 10000, "93") == Score(
        D(4),
        "ผลการจัดเก็บเทียบเป้าหมาย ร้อยละ ๙๗ ตั้งแต่ร้อยละ ๕๕; ระดับความเชื่อมั่นคุณภาพข้อมูล ร้อยละ ๙๓ มากกว่าร้อยละ ๙๐"
        " (ไม่ถึง 6 คะแนน: ผลการจัดเก็บเทียบเป้าหมาย ร้อยละ ๙๗ ไม่เกินร้อยละ ๙๗) → 4 คะแนน",
        "coverage of target households 97%, at least 55%; data-quality confidence 93%, more than 90%"
        " (not 6 points: coverage of target households 97%, not more than 97%) → 4 points",
    )


def test_table_a_explanation_when_no_row_met() -> None:
    assert table_a(5000, 10000, "80") == Score(
        D(2),
        "ไม่ถึง 4 คะแนน: ผลการจัดเก็บเทียบเป้าหมาย ร้อยละ ๕๐ น้อยกว่าร้อยละ ๕๕;"
        " ระดับความเชื่อมั่นคุณภาพข้อมูล ร้อยละ ๘๐ ไม่เกินร้อยละ ๙๐ → 2 คะแนน",
        "not 4 points: coverage of target households 50%, less than 55%;"
        " data-quality confidence 80%, not more than 90% → 2 points",
    )


def test_table_a_thai_digits_and_separators() -> None:
    assert table_a_raw("๑๐,๐๐๑", "10,000", "๙๖").points == 10


def table_a_raw(collected: str, target: str, confidence: str) -> Score:
    return score("2.1.1", households_collected=collected, households_target=target, confidence_pct=confidence)


def test_table_a_confidence_above_100_refused() -> None:
    assert table_a(9000, 10000, "100.5").th == "ระดับความเชื่อมั่นเฉลี่ยระดับจังหวัด 100.5 เกินค่าสูงสุด 100 → 0 คะแนน"


def test_table_a_zero_target_refused() -> None:
    assert table_a(10, 0, "93") == Score(
        D(0),
        "ครัวเรือนเป้าหมายเป็น 0 จึงคำนวณร้อยละไม่ได้ → 0 คะแนน",
        "target households is 0, so no percentage can be computed → 0 points",
    )


def test_table_a_partial_facts_score_zero_until_complete() -> None:
    assert score("2.1.1", households_collected="100", households_target="100").th == (
        "ยังไม่มีข้อมูลระดับความเชื่อมั่นเฉลี่ยระดับจังหวัด → 0 คะแนน"
    )


def test_table_a_levels() -> None:
    assert RUBRIC.criterion("2.1.1").rule.levels() == (D(0), D(2), D(4), D(6), D(8), D(10))


@pytest.mark.parametrize(
    ("databases", "points", "pct"),
    [(8, 1, "๖๖.๖๗"), (9, 2, "๗๕"), (10, 3, "๘๓.๓๓"), (11, 4, "๙๑.๖๗"), (12, 5, "๑๐๐")],
)
def test_table_c_twelve_databases(databases: int, points: int, pct: str) -> None:
    result = score("2.2.1", databases_up_to_date=str(databases))
    assert result.points == points
    assert f"ฐานข้อมูลที่เป็นปัจจุบัน ร้อยละ {pct} " in result.th


def test_table_c_explanations() -> None:
    # "more than 80–90" is said the manual's way, not as "≥ 80.01%" (decision 2's 2-decimal bounds).
    assert score("2.2.1", databases_up_to_date="8").th == "ฐานข้อมูลที่เป็นปัจจุบัน ร้อยละ ๖๖.๖๗ น้อยกว่าร้อยละ ๗๐ → 1 คะแนน"
    assert score("2.2.1", databases_up_to_date="10").th == (
        "ฐานข้อมูลที่เป็นปัจจุบัน ร้อยละ ๘๓.๓๓ มากกว่าร้อยละ ๘๐ แต่ไม่เกินร้อยละ ๙๐ → 3 คะแนน"
    )
    assert score("2.2.1", databases_up_to_date="10").en == (
        "databases up to date 83.33%, more than 80% but not more than 90% → 3 points"
    )
    assert score("2.2.1", databases_up_to_date="9").th == (
        "ฐานข้อมูลที่เป็นปัจจุบัน ร้อยละ ๗๕ ตั้งแต่ร้อยละ ๗๐ แต่ไม่เกินร้อยละ ๘๐ → 2 คะแนน"
    )
    assert score("2.2.1", databases_up_to_date="12").th == "ฐานข้อมูลที่เป็นปัจจุบัน ร้อยละ ๑๐๐ มากกว่าร้อยละ ๙๙ → 5 คะแนน"


def test_table_c_more_than_twelve_refused() -> None:
    assert score("2.2.1", databases_up_to_date="13").th == (
        "จำนวนฐานข้อมูลที่บันทึกและเป็นปัจจุบัน (จาก ๑๒ ฐาน) 13 มากกว่าจำนวนทั้งหมด 12 → 0 คะแนน"
    )


def table_c_per_10000() -> object:
    raw = copy.deepcopy(RUBRIC.criterion("2.2.1").raw_rule)
    raw["measure"]["denominator_value"] = "10000"
    return build_rule(raw["kind"], raw, D(5))


@pytest.mark.parametrize(
    ("hundredths", "points"),
    [(6999, 1), (7000, 2), (8000, 2), (8001, 3), (9000, 3), (9001, 4), (9900, 4), (9901, 5), (10000, 5)],
)
def test_table_c_band_edges(hundredths: int, points: int) -> None:
    rule = table_c_per_10000()
    assert rule.evaluate({"databases_up_to_date": str(hundredths)}, CTX).points == points  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("installed", "points"),
    [(8499, 1), (8500, 2), (9000, 2), (9001, 3), (9500, 3), (9501, 4), (9900, 4), (9901, 5), (10000, 5)],
)
def test_antivirus_3_3_band_edges(installed: int, points: int) -> None:
    assert score("3.3", computers_with_antivirus=str(installed), computers_total="10000").points == points


def test_antivirus_more_than_computers_refused() -> None:
    rule = RUBRIC.criterion("3.3").rule
    [error] = rule.check({"computers_with_antivirus": "101", "computers_total": "100"})
    assert str(error) == ("เครื่องที่ติดตั้งแอนติไวรัส 101 มากกว่าจำนวนเครื่องทั้งหมด 100")
    assert rule.evaluate({"computers_with_antivirus": "101", "computers_total": "100"}, CTX) == Score(
        D(0), f"{error.th} → 0 คะแนน", f"{error.en} → 0 points"
    )


def test_antivirus_zero_computers_refused() -> None:
    assert score("3.3", computers_with_antivirus="0", computers_total="0").points == 0
    [error] = RUBRIC.criterion("3.3").rule.check({"computers_total": "0"})  # even before the numerator arrives
    assert error.th == "จำนวนเครื่องทั้งหมดเป็น 0 จึงคำนวณร้อยละไม่ได้"


def test_bands_unreachable_threshold_refused() -> None:
    with pytest.raises(RuleError, match="ค่าสูงสุดคือ 100%"):
        build_rule(
            "bands",
            {
                "measure": {"numerator": "a", "denominator": "b"},
                "bands": [{"min": "100.01", "points": "5"}],
                "otherwise": "0",
            },
            D(5),
        )


def test_bands_must_descend() -> None:
    with pytest.raises(RuleError, match="จากมากไปน้อย"):
        build_rule(
            "bands",
            {
                "measure": {"numerator": "a", "denominator": "b"},
                "bands": [{"min": "70", "points": "2"}, {"min": "80", "points": "3"}],
                "otherwise": "1",
            },
            D(3),
        )


def test_table_row_naming_unknown_measure_refused() -> None:
    with pytest.raises(RuleError, match="rows 1"):
        build_rule(
            "table",
            {"measures": {"x": {"fact": "x"}}, "rows": [{"min": {"y": "1"}, "points": "1"}], "otherwise": "0"},
            D(1),
        )


def test_ratio_weighted_and_rounded() -> None:
    rule = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": "30"}, D(30))
    assert rule.evaluate({"n": "900,000", "d": "983,316"}, CTX) == Score(
        D("27.46"), "n 900,000 ÷ d 983,316 × 30 → 27.46 คะแนน", "n 900,000 ÷ d 983,316 × 30 → 27.46 points"
    )
    assert rule.levels() is None
    assert rule.highest() == 30


def test_ratio_capped_at_weight() -> None:
    rule = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": "15"}, D(15))
    assert rule.evaluate({"n": "510", "d": "500"}, CTX).points == 15


def test_ratio_zero_denominator_refused() -> None:
    rule = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": "15"}, D(15))
    assert rule.evaluate({"n": "0", "d": "0"}, CTX).th == "dเป็น 0 จึงคำนวณสัดส่วนไม่ได้ → 0 คะแนน"
