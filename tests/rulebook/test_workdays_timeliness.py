"""Working days (decision 3) and timeliness tables B, 2.2.2 and 4.1.2."""

import copy
from datetime import date
from decimal import Decimal

import pytest

from rulebook.rules import Score, build_rule
from rulebook.rules.base import Rule
from rulebook.rules.values import Context
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar
from tests.scoring import shipped_rubric

RUBRIC = parse_rubric(shipped_rubric(letter_deadlines=True))
D = Decimal
CAL = WorkCalendar()


def score(code: str, when: str, calendar: WorkCalendar = CAL, deadline: date | None = None) -> Score:
    c = RUBRIC.criterion(code)
    ctx = Context(calendar=calendar, deadline=deadline or c.deadline)
    return c.rule.evaluate({c.raw_rule["fact"]: when}, ctx)


def test_workdays_songkran_2023_not_counted() -> None:
    assert [CAL.is_working_day(date(2023, 4, d)) for d in range(12, 19)] == [
        True,
        False,
        False,
        False,
        False,
        False,
        True,
    ]  # 13-14 Songkran, 15-16 weekend, 17 substitution
    assert CAL.working_days_after(date(2023, 4, 12), date(2023, 4, 20)) == 3


def test_workdays_royal_ploughing_day_2023_is_a_holiday() -> None:
    assert not CAL.is_working_day(date(2023, 5, 17))
    assert CAL.holiday_name(date(2023, 5, 17)) == "วันพืชมงคล"
    assert CAL.holiday_name(date(2023, 5, 17), "en") == "Royal Ploughing Ceremony"
    assert CAL.working_days_after(date(2023, 5, 12), date(2023, 5, 18)) == 3


def test_workdays_none_on_or_before_deadline() -> None:
    assert CAL.working_days_after(date(2023, 4, 12), date(2023, 4, 12)) == 0
    assert CAL.working_days_after(date(2023, 4, 12), date(2023, 4, 1)) == 0


def test_workdays_override_adds_and_cancels_holidays() -> None:
    cal = WorkCalendar({date(2023, 5, 17): False, date(2023, 5, 16): True})
    assert cal.is_working_day(date(2023, 5, 17))
    assert not cal.is_working_day(date(2023, 5, 16))
    assert cal.holiday_name(date(2023, 5, 17)) is None
    assert cal.holiday_name(date(2023, 5, 16)) == "วันหยุดเพิ่มเติม (กำหนดโดยส่วนกลาง)"


@pytest.mark.parametrize(
    ("received", "points"),
    [
        ("2023-04-11", 5),
        ("2023-04-12", 4),
        ("2023-04-13", 3),
        ("2023-04-17", 3),
        ("2023-04-18", 3),
        ("2023-04-20", 3),
        ("2023-04-21", 2),
        ("2023-04-24", 2),
        ("2023-04-25", 1),
    ],
)
def test_timeliness_2_1_2_across_songkran(received: str, points: int) -> None:
    assert score("2.1.2", received).points == points


def test_timeliness_explanation_names_dates_count_and_holidays() -> None:
    assert score("2.1.2", "2023-04-18") == Score(
        D(3),
        "ส่ง ๑๘ เม.ย. ๒๕๖๖ หลังวันครบกำหนด ๑๒ เม.ย. ๒๕๖๖ 1 วันทำการ (ไม่เกิน 3 วันทำการ); ไม่นับวันหยุด "
        "๑๓ เม.ย. ๒๕๖๖ วันสงกรานต์, ๑๔ เม.ย. ๒๕๖๖ วันสงกรานต์, ๑๗ เม.ย. ๒๕๖๖ ชดเชยวันสงกรานต์ → 3 คะแนน",
        "submitted 18 Apr 2023, 1 working day after the deadline 12 Apr 2023 (at most 3); holidays not counted: "
        "13 Apr 2023 Songkran Festival, 14 Apr 2023 Songkran Festival, 17 Apr 2023 Songkran Festival (in lieu) "
        "→ 3 points",
    )


def test_timeliness_explanation_beyond_last_late_entry() -> None:
    # The holidays did not change the level, so they are not listed.
    assert score("2.1.2", "2023-04-25").th == (
        "ส่ง ๒๕ เม.ย. ๒๕๖๖ หลังวันครบกำหนด ๑๒ เม.ย. ๒๕๖๖ 6 วันทำการ (เกิน 5 วันทำการ) → 1 คะแนน"
    )


def test_timeliness_across_royal_ploughing_day() -> None:
    # Deadline Fri 12 May; Mon 15, Tue 16, (Wed 17 holiday), Thu 18 = 3 working days late.
    assert score("2.1.2", "2023-05-18", deadline=date(2023, 5, 12)).points == 3
    assert score("2.1.2", "2023-05-19", deadline=date(2023, 5, 12)).points == 2


def test_timeliness_cancelled_holiday_counts_as_working_day() -> None:
    cal = WorkCalendar({date(2023, 5, 17): False})
    assert score("2.1.2", "2023-05-18", cal, date(2023, 5, 12)).points == 2


def test_timeliness_extra_holiday_not_counted() -> None:
    cal = WorkCalendar({date(2023, 4, 21): True})  # the Friday after Songkran closed as well
    assert score("2.1.2", "2023-04-21", cal).points == 3
    # At most three holidays are named; the fourth (the override) is counted.
    assert score("2.1.2", "2023-04-21", cal).th.endswith("๑๗ เม.ย. ๒๕๖๖ ชดเชยวันสงกรานต์ และอีก 1 วัน → 3 คะแนน")
    assert "๒๑ เม.ย. ๒๕๖๖ วันหยุดเพิ่มเติม (กำหนดโดยส…" in score("2.1.2", "2023-04-21", cal, date(2023, 4, 19)).th


@pytest.mark.parametrize(
    ("sent_at", "points"),
    [
        ("2023-05-31T23:30", 3),
        ("2023-06-01T00:10", 1),
        ("2023-05-31T16:30:00Z", 3),
        ("2023-05-31T17:10:00Z", 1),
        ("2023-06-01T00:10+07:00", 1),
        ("2023-05-30T23:59:59+07:00", 5),
    ],
)
def test_timeliness_4_1_2_timestamps_in_bangkok_time(sent_at: str, points: int) -> None:
    assert score("4.1.2", sent_at).points == points


def test_timeliness_utc_timestamp_explained_in_bangkok_time() -> None:
    assert score("4.1.2", "2023-05-31T17:10:00Z").th == (
        "ส่ง ๑ มิ.ย. ๒๕๖๖ 00:10 น. (เวลาประเทศไทย) หลังวันครบกำหนด ๓๑ พ.ค. ๒๕๖๖ 1 วันทำการ → 1 คะแนน"
    )


def test_timeliness_on_deadline_day_explained() -> None:
    assert score("4.1.2", "2023-05-31T23:30") == Score(
        D(3),
        "ส่ง ๓๑ พ.ค. ๒๕๖๖ 23:30 น. (เวลาประเทศไทย) ตรงวันครบกำหนด ๓๑ พ.ค. ๒๕๖๖ → 3 คะแนน",
        "submitted 31 May 2023 23:30 Bangkok time, on the deadline day 31 May 2023 → 3 points",
    )


def test_timeliness_never_submitted_scores_missing() -> None:
    rule = RUBRIC.criterion("2.1.2").rule
    assert rule.evaluate({}, Context(CAL, deadline=date(2023, 4, 12))) == Score(
        D(0), "ยังไม่ส่ง → 0 คะแนน", "not submitted → 0 points"
    )


def test_timeliness_without_deadline_scores_missing() -> None:
    rule = RUBRIC.criterion("2.1.2").rule
    assert rule.evaluate({"received_on": "2023-04-01"}, Context(CAL)) == Score(
        D(0), "ยังไม่กำหนดวันครบกำหนด → 0 คะแนน", "deadline not set → 0 points"
    )


def test_timeliness_2_2_2_late_any_amount_scores_3() -> None:
    assert score("2.2.2", "2023-05-16").points == 5
    assert score("2.2.2", "2023-09-29").points == 3


def test_timeliness_bad_date_refused() -> None:
    assert score("2.1.2", "12 เมย 66x").points == 0


def test_timeliness_reads_thai_dates() -> None:
    # Decision 11: "12 เม.ย. 66" is 12 Apr 2566 = 2023, the deadline day itself.
    assert score("2.1.2", "12 เม.ย. 66").points == 4
    assert score("2.1.2", "๑๒/๐๔/๒๕๖๖").points == 4


def test_timeliness_levels() -> None:
    assert RUBRIC.criterion("2.1.2").rule.levels() == (D(0), D(1), D(2), D(3), D(4), D(5))


def timeliness_rule(**changes: object) -> Rule:
    raw = copy.deepcopy(RUBRIC.criterion("2.1.2").raw_rule) | changes
    return build_rule("timeliness", raw, D(5))


def test_timeliness_late_entries_must_increase() -> None:
    with pytest.raises(ValueError, match="จากน้อยไปมาก"):
        timeliness_rule(late=[{"max_working_days": 5, "points": "2"}, {"max_working_days": 3, "points": "3"}])
