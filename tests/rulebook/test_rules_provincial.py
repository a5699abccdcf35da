"""Rule features the provincial contests need: rubric rounding, lower-is-better bands,
differences of two facts, a zero denominator the rubric scores, a grade for "not reported", deadlines
chosen by a flag, and levels per dimension. Each is a rubric's choice: without it, today's behaviour."""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from rulebook.rules import RuleError, Score, build_rule
from rulebook.rules.values import DEFAULT_ROUNDING, Context, Rounding
from rulebook.spec import RubricError, parse_rubric
from rulebook.workdays import WorkCalendar

CTX = Context(calendar=WorkCalendar())
D = Decimal
SHARE = {"numerator": "met", "denominator": "all"}
LABELS = {"met": {"th": "ที่ทำได้", "en": "met"}, "all": {"th": "ทั้งหมด", "en": "all"}}


def bands(measure: dict, rows: list[dict], otherwise: str = "0", **more: object) -> dict:
    return {"kind": "bands", "measure": measure, "bands": rows, "otherwise": otherwise, "labels": LABELS, **more}


def five(measure: dict = SHARE, **more: object) -> dict:
    return bands(measure, [{"min": "5", "points": "5"}, {"min": "4", "points": "4"}], **more)


def run(params: dict, rounding: Rounding = DEFAULT_ROUNDING, **facts: str) -> Score:
    return build_rule(params["kind"], params, D(5), rounding).evaluate(facts, CTX)


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        ("half_up", "4.995", "5.00"),
        ("truncate", "4.999", "4.99"),
        ("truncate", "-3.456", "-3.45"),
        ("half_up", "97.005", "97.01"),
    ],
)
def test_rounding_modes(mode: str, value: str, expected: str) -> None:
    assert str(Rounding(2, mode).apply(D(value))) == expected


def test_percent_rounding_is_the_rubrics_not_global() -> None:
    # 4,999 of 100,000 = 4.999%: the national default rounds it to 5.00 and meets "at least 5"
    assert run(five(), met="4999", all="100000").points == 5
    truncated = run(five(), Rounding(2, "truncate"), met="4999", all="100000")
    assert truncated == Score(
        D(4),
        "ร้อยละของที่ทำได้ ๔.๙๙ ตั้งแต่ร้อยละ ๔ แต่น้อยกว่าร้อยละ ๕ → 4 คะแนน",
        "share of met 4.99%, at least 4% but less than 5% → 4 points",
    )


def test_lower_is_better_bands_read_maximums() -> None:
    days = {
        "fact": "days",
        "lower_is_better": True,
        "unit": {"th": " วัน", "en": " days"},
        "th": "ระยะเวลา",
        "en": "time",
    }
    rule = {
        "kind": "bands",
        "measure": days,
        "bands": [{"max": "7", "points": "5"}, {"max": "15", "points": "3"}],
        "otherwise": "1",
        "labels": {"days": {"th": "จำนวนวัน", "en": "days"}},
    }
    assert [run(rule, days=d).points for d in ("0", "7", "7.01", "15", "16")] == [5, 5, 3, 3, 1]
    assert run(rule, days="12").th == "ระยะเวลา ๑๒ วัน ไม่เกิน ๑๕ วัน แต่เกิน ๗ วัน → 3 คะแนน"
    assert run(rule, days="16").en == "time 16 days, more than 15 days → 1 point"


@pytest.mark.parametrize(
    ("rows", "en"),
    [
        ([{"min": "7", "points": "5"}], "missing parameter “max”"),
        (
            [{"max": "15", "points": "5"}, {"max": "7", "points": "3"}],
            "bands must list max from lowest to highest, without repeats",
        ),
    ],
)
def test_lower_is_better_bands_refuse_minimums_and_descending_maximums(rows: list, en: str) -> None:
    rule = {"kind": "bands", "measure": {"fact": "days", "lower_is_better": True}, "bands": rows, "otherwise": "0"}
    with pytest.raises(RuleError) as refused:
        build_rule("bands", rule, D(5))
    assert refused.value.en == en


def test_table_row_max_only_for_lower_is_better_measures() -> None:
    rule = {
        "kind": "table",
        "measures": {"share": SHARE, "days": {"fact": "days", "lower_is_better": True}},
        "rows": [{"max": {"share": "100"}, "min": {"days": "7"}, "points": "5"}],
        "otherwise": "0",
    }
    with pytest.raises(RuleError) as refused:
        build_rule("table", rule, D(5))
    assert refused.value.en == "rows 1: days, share: max is for lower_is_better measures only, min for the others"


@pytest.mark.parametrize(
    ("now", "expected", "en"),
    [
        ("700", 5, "share of start − now 30%, at least 5% → 5 points"),
        ("1200", 0, "share of start − now -20% (negative), less than 4% → 0 points"),
    ],
)
def test_difference_of_two_facts_may_be_negative(now: str, expected: int, en: str) -> None:
    measure = {"numerator": "start", "minus": "now", "denominator": "start", "amount": True}
    labels = {"start": {"th": "ต้นปี", "en": "start"}, "now": {"th": "ปัจจุบัน", "en": "now"}}
    score = run({**five(measure), "labels": labels}, start="1,000", now=now)
    assert (score.points, score.en) == (expected, en)


def test_difference_above_its_denominator_is_refused_unless_it_may_exceed() -> None:
    growth = {"numerator": "now", "minus": "before", "denominator": "before"}
    labels = {"now": {"th": "ปีนี้", "en": "this year"}, "before": {"th": "ปีก่อน", "en": "last year"}}
    refused = run({**five(growth), "labels": labels}, now="2500", before="1000")
    assert refused.en == "this year 1,500 is more than last year 1,000 → 0 points"
    allowed = run({**five({**growth, "may_exceed": True}), "labels": labels}, now="2500", before="1000")
    assert allowed.points == 5


def test_zero_denominator_scores_what_the_rubric_says_and_only_then() -> None:
    none = {"points": "5", "th": "ไม่มีหนี้ค้างชำระ", "en": "no arrears"}
    assert run(five(if_zero=none), met="0", all="0") == Score(
        D(5), "ไม่มีหนี้ค้างชำระ (ทั้งหมด เป็น 0) → 5 คะแนน", "no arrears (all is 0) → 5 points"
    )
    assert run(five(), met="0", all="0").en == "all is 0, so no percentage can be computed → 0 points"
    ratio = {"kind": "ratio", "numerator": "met", "denominator": "all", "weight": "5", "labels": LABELS}
    assert run({**ratio, "if_zero": none}, met="0", all="0").points == 5
    assert run(ratio, met="0", all="0").en == "all is 0, so no ratio can be computed → 0 points"


@pytest.mark.parametrize(
    ("if_zero", "en"),
    [
        ({"points": "5"}, "if_zero needs a fact, th and en"),
        ({"points": "5", "th": "ไม่มี", "en": "none", "when": "0"}, None),
        (
            {"fact": "met", "points": "5", "th": "ไม่มี", "en": "none"},
            "a ratio's if_zero applies to its denominator only",
        ),
    ],
)
def test_bad_if_zero_is_refused(if_zero: dict, en: str | None) -> None:
    ratio = {"kind": "ratio", "numerator": "met", "denominator": "all", "weight": "5", "if_zero": if_zero}
    with pytest.raises(RuleError) as refused:
        build_rule("ratio", ratio, D(5))
    assert refused.value.en == (
        en or "if_zero must be an object with points, th, en (and fact unless it is the denominator)"
    )


def test_grade_not_reported_takes_the_rubrics_grade_else_zero() -> None:
    grades = {"A": "5", "B": "4", "C": "3", "D": "2"}
    with_missing = build_rule("grade", {"grades": grades, "missing": "c"}, D(5))
    assert with_missing.evaluate({}, CTX).points == 3
    assert with_missing.evaluate({"grade": " "}, CTX).points == 3  # a blank cell is not a report
    assert build_rule("grade", {"grades": grades}, D(5)).evaluate({}, CTX).points == 0
    with pytest.raises(RuleError) as refused:
        build_rule("grade", {"grades": grades, "missing": "E"}, D(5))
    assert refused.value.en == "missing must be one of the grades (A, B, C, D)"


@pytest.mark.parametrize(
    ("steps", "en"),
    [
        (
            [{"by": "2022-01-31", "points": "5"}, {"by": "2021-12-30", "points": "4"}],
            "steps must run from the earliest date, with points never rising",
        ),
        ([{"by": "2021-12-30", "points": "5", "needs_flag": True}], "steps 1: needs_flag needs a flag fact"),
        ([{"by": "31/02/2565", "points": "5"}], None),
    ],
)
def test_deadlines_refuse_bad_steps(steps: list, en: str | None) -> None:
    with pytest.raises(RuleError) as refused:
        build_rule("deadlines", {"fact": "done_on", "steps": steps}, D(5))
    if en:
        assert refused.value.en == en
    else:
        assert refused.value.en.startswith("steps 1 by: ")


def test_deadline_on_a_closed_day_moves_to_the_next_working_day() -> None:
    # 13 Apr 2023 is Songkran: the step's deadline becomes Tue 18 Apr (docs/decisions.md, decision 9)
    rule = build_rule(
        "deadlines",
        {"fact": "done_on", "steps": [{"by": "2023-04-13", "points": "5"}], "otherwise": "1",
         "labels": {"done_on": {"th": "เสร็จเมื่อ", "en": "done on"}}},
        D(5),
    )  # fmt: skip
    assert [rule.evaluate({"done_on": d}, CTX).points for d in ("2023-04-18", "2023-04-19")] == [5, 1]
    assert rule.evaluate({"done_on": "2023-04-19"}, CTX).th == "เสร็จเมื่อ ๑๙ เม.ย. ๒๕๖๖ หลัง ๑๓ เม.ย. ๒๕๖๖ → 1 คะแนน"


RUBRIC = json.loads((Path(__file__).parents[1] / "rubrics" / "seed001_website.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"rounding": {"percent_places": 2, "mode": "floor"}},
            'การปัดเศษ (rounding): ต้องเป็น {"percent_places": 0–6, "mode": "half_up" หรือ "truncate"}',
        ),
        (
            {"rounding": {"percent_places": 2, "digits": 2}},
            "การปัดเศษ (rounding): ไม่รู้จัก digits",
        ),
        (
            {"contest": ["chonburi"]},
            "เกณฑ์การประเมิน: contest ต้องเป็นออบเจกต์หรือ null",
        ),
    ],
)
def test_bad_rounding_or_contest_is_refused(change: dict, message: str) -> None:
    with pytest.raises(RubricError) as refused:
        parse_rubric({**RUBRIC, **change})
    assert refused.value.messages == [message]


def test_dimension_level_bands_are_checked_and_give_the_dimensions_level() -> None:
    data = copy.deepcopy(RUBRIC)
    data["dimensions"][0]["level_bands"] = [
        {"min": "0", "max": "49", "level": 1},
        {"min": "50", "max": "100", "level": 2},
    ]
    spec = parse_rubric(data)
    assert [spec.dimensions[0].level_for(D(v)) for v in ("49.5", "50", "100", "101")] == [1, 2, 2, None]
    data["dimensions"][0]["level_bands"] = [
        {"min": "50", "max": "100", "level": 2},
        {"min": "0", "max": "49", "level": 1},
    ]
    with pytest.raises(RubricError) as refused:
        parse_rubric(data)
    assert refused.value.messages == [
        "มิติที่ web ระดับผลการดำเนินงาน (level_bands): ช่วงระดับ 2 และ 1 ต้องเรียงจากน้อยไปมากและไม่ทับกัน"
    ]


def test_lower_is_better_percentage_reads_at_most_a_percentage() -> None:
    rule = {**bands({**SHARE, "lower_is_better": True}, [{"max": "5", "points": "5"}]), "otherwise": "1"}
    assert run(rule, met="4", all="100").th == "ร้อยละของที่ทำได้ ๔ ไม่เกินร้อยละ ๕ → 5 คะแนน"
    assert run(rule, met="6", all="100").en == "share of met 6%, more than 5% → 1 point"
