"""done, items_count, checklist, choice, grade and points rules."""

from decimal import Decimal

import pytest

from rulebook.rules import RuleError, Score, build_rule
from rulebook.rules.values import Context
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar
from tests.scoring import shipped_rubric

RUBRIC = parse_rubric(shipped_rubric())
CTX = Context(calendar=WorkCalendar())
D = Decimal


def score(code: str, **facts: str) -> Score:
    return RUBRIC.criterion(code).rule.evaluate(facts, CTX)


def test_done_yes_full_points() -> None:
    assert score("1.1", done="ใช่") == Score(D(5), "ดำเนินการแล้ว → 5 คะแนน", "done → 5 points")


def test_done_no_zero() -> None:
    assert score("1.1", done="no") == Score(D(0), "ไม่ได้ดำเนินการ → 0 คะแนน", "not done → 0 points")


def test_done_no_facts_no_data_yet() -> None:
    assert score("1.1") == Score(D(0), "ยังไม่มีข้อมูล → 0 คะแนน", "no data yet → 0 points")


def test_done_blank_value_counts_as_no_data() -> None:
    assert score("1.1", done="  ") == Score(D(0), "ยังไม่มีข้อมูล → 0 คะแนน", "no data yet → 0 points")


def test_done_bad_word_scores_zero_with_reason() -> None:
    assert score("1.1", done="maybe") == Score(
        D(0),
        "การดำเนินการ ต้องเป็น ใช่/ไม่ใช่ แต่ได้รับ “maybe” → 0 คะแนน",
        "done must be yes/no, got “maybe” → 0 points",
    )


def test_done_unknown_fact_reported_by_check() -> None:
    [error] = RUBRIC.criterion("1.1").rule.check({"finished": "yes"})
    assert str(error) == ("ไม่รู้จักข้อมูล “finished” ในเกณฑ์นี้ (ใช้ได้: done)")


@pytest.mark.parametrize(("items", "points"), [("-", 0), ("2", 1), ("1,3", 3), ("3, 1, 3", 3), ("1,2,3", 5)])
def test_items_count_points_by_number_met(items: str, points: int) -> None:
    assert score("3.1", items=items).points == points


def test_items_count_explanation_lists_items() -> None:
    assert score("3.1", items="3,1") == Score(
        D(3), "ทำได้ 2 จาก 3 ข้อ (1, 3) → 3 คะแนน", "2 of 3 items met (1, 3) → 3 points"
    )


def test_items_count_unknown_item_refused() -> None:
    assert score("3.2", items="1,4").points == 0
    assert "ไม่รู้จักรายการ 4" in score("3.2", items="1,4").th


def test_items_count_levels() -> None:
    assert RUBRIC.criterion("3.4").rule.levels() == (D(0), D(1), D(3), D(5))


def test_items_count_mapping_must_cover_every_count() -> None:
    with pytest.raises(RuleError, match="0, 1, 2"):
        build_rule(
            "items_count",
            {"items": {"1": {"th": "ก", "en": "a"}, "2": {"th": "ข", "en": "b"}}, "points": {"0": "0", "2": "5"}},
            D(5),
        )


def test_checklist_sums_items_met() -> None:
    # The shipped labels are long, so each is cut short (…); the points and the sum stay whole.
    assert score("5.2", items="used,communicated") == Score(
        D(2),
        "มีการสื่อสาร ส่งต่อนวัตกรรมไปยังประชาชนหรือบุคล… 1 + ผลสัมฤทธิ์ความสำเร็จของผลงานนวัตกรรม เป็นนวัตกร… 1 → 2 คะแนน",
        "Communicated/handed on to the public or relevan… 1 + Actually used in work or in serving the public… 1"
        " → 2 points",
    )


def test_checklist_levels_are_all_sums() -> None:
    assert RUBRIC.criterion("5.1").rule.levels() == (D(0), D(3), D(6))
    assert RUBRIC.criterion("5.2").rule.levels() == (D(0), D(1), D(2), D(3), D(4))


@pytest.mark.parametrize(("level", "points"), [("1", 1), ("3", 3), ("๕", 5), ("0", 0)])
def test_choice_picks_level(level: str, points: int) -> None:
    assert score("4.1.1", level=level).points == points


def test_choice_explanation_quotes_level() -> None:
    assert score("4.1.1", level="3").th == (
        "เอกสารถอดบทเรียนมีองค์ประกอบครบถ้วนตามที่กรมฯ กำหนด และเผยแพร่วีดิทัศน์ผ่านสื่อสังคมออนไลน์อย่างน้อย ๒ ช่องทาง → 3 คะแนน"
    )


def test_choice_value_between_levels_refused() -> None:
    result = score("4.1.1", level="4")
    assert result.points == 0
    assert result.th == ("ระดับที่คณะกรรมการเลือก ต้องเป็นคะแนนของระดับใดระดับหนึ่ง (0, 1, 3, 5) แต่ได้รับ “4” → 0 คะแนน")


SEED004 = {"kind": "grade", "grades": {"A": "5", "B": "4", "C": "3", "D": "2"}}


@pytest.mark.parametrize(("grade", "points"), [("A", 5), ("B", 4), ("c", 3), (" D ", 2)])
def test_grade_seed004_letters(grade: str, points: int) -> None:
    rule = build_rule("grade", SEED004, D(5))
    assert rule.evaluate({"grade": grade}, CTX).points == points


def test_grade_seed004_explanation_and_levels() -> None:
    rule = build_rule("grade", SEED004, D(5))
    assert rule.evaluate({"grade": "B"}, CTX) == Score(D(4), "ระดับ B → 4 คะแนน", "grade B → 4 points")
    assert rule.levels() == (D(0), D(2), D(3), D(4), D(5))


def test_grade_unknown_letter_refused() -> None:
    rule = build_rule("grade", SEED004, D(5))
    assert rule.evaluate({"grade": "E"}, CTX).th == "ระดับผลงาน ต้องเป็น A, B, C, D แต่ได้รับ “E” → 0 คะแนน"


def test_points_committee_value_kept_exactly() -> None:
    rule = build_rule("points", {}, D(25))
    assert rule.evaluate({"points": "22.5"}, CTX) == Score(
        D("22.5"), "กรรมการให้ 22.5 จาก 25 คะแนน → 22.5 คะแนน", "the committee gave 22.5 of 25 → 22.5 points"
    )
    assert rule.levels() is None


def test_points_above_maximum_refused() -> None:
    rule = build_rule("points", {}, D(25))
    assert rule.evaluate({"points": "26"}, CTX).th == "คะแนนที่กรรมการให้ 26 เกินค่าสูงสุด 25 → 0 คะแนน"


def test_build_rule_unknown_kind_refused() -> None:
    with pytest.raises(RuleError, match="ไม่รู้จักชนิดเกณฑ์ “stars”"):
        build_rule("stars", {}, D(5))


def test_build_rule_misspelt_parameter_refused() -> None:
    with pytest.raises(RuleError) as info:
        build_rule("done", {"kind": "done", "points": "5", "pionts": "5"}, D(5))
    assert str(info.value) == ("ไม่รู้จักพารามิเตอร์ pionts ของเกณฑ์ชนิด done")


def test_build_rule_number_must_be_string() -> None:
    with pytest.raises(RuleError, match="ต้องเป็นตัวเลขในรูปข้อความ"):
        build_rule("done", {"points": 5.0}, D(5))
