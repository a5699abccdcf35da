"""Work no request should be able to cost: a contest's dates stay within its fiscal year ±1 (one check,
`rulebook.dates.fiscal_year` + `check_window`), working days are counted, not walked, every cache is bounded by
size, and a typed number has at most 18 digits."""

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from committee.errors import CommitteeError
from committee.guards import allowed
from rubrics.contest_spec import parse_rubric_file
from rubrics.models import ContestPeriod
from rubrics.selectors import calendar_year
from rulebook import workdays
from rulebook.dates import fiscal_year
from rulebook.rules import FactError
from rulebook.rules.base import FACT_TEXT_MAX, PARSED_TEXT_MAX
from rulebook.rules.facts import NUMBER_DIGITS_MAX
from rulebook.spec import RubricError, parse_rubric
from rulebook.workdays import CATEGORIES, GovernmentOffices, WorkCalendar

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files"


def _load(name: str) -> dict:
    return json.loads((RUBRICS / f"{name}.json").read_text(encoding="utf-8"))


def _refusal(data: dict) -> list[str]:
    with pytest.raises(RubricError) as caught:
        parse_rubric_file(data)
    return caught.value.messages


# -- dates: the fiscal year ±1 -------------------------------------------------------------------------------


def test_a_fiscal_year_runs_from_1_october_to_30_september_and_is_named_in_buddhist_era():
    assert fiscal_year(2566) == (date(2022, 10, 1), date(2023, 9, 30))
    assert fiscal_year("2568") == fiscal_year("๒๕๖๘") == (date(2024, 10, 1), date(2025, 9, 30))
    assert [fiscal_year(y) for y in (2023, 9999, "25 66", "٢٥٦٦", True, None)] == [None] * 6


def test_a_contest_from_year_2_to_9999_is_refused_beside_its_dates_thai_first():
    data = _load("2566")
    data["starts_on"], data["ends_on"] = "0002-01-01", "9999-12-31"
    messages = _refusal(data)
    assert len(messages) == 2
    assert messages[0].startswith("เกณฑ์การประเมิน: “starts_on”: วันที่ “0002-01-01” อ่านได้เป็น")
    assert "ซึ่งห่างจากปีงบประมาณ (๑ ต.ค. ๒๕๖๕ – ๓๐ ก.ย. ๒๕๖๖) เกิน ๑ ปี" in messages[0]
    assert messages[1].startswith("เกณฑ์การประเมิน: “ends_on”: วันที่ “9999-12-31” อ่านได้เป็น")


def test_a_start_in_year_1_is_a_refusal_not_a_crash():
    data = _load("2566")  # its criteria have deadlines: they were checked a year either side of year 1
    data["starts_on"] = "0001-01-01"
    assert "“starts_on”: วันที่ “0001-01-01”" in _refusal(data)[0]


def test_the_fiscal_year_either_side_is_accepted_and_a_day_further_is_not():
    data = _load("2566")
    data["starts_on"], data["ends_on"] = "2021-10-01", "2024-09-30"
    assert parse_rubric(data).ends_on == date(2024, 9, 30)
    data["ends_on"] = "2024-10-01"
    assert "“ends_on”: วันที่ “2024-10-01”" in _refusal(data)[0]


def test_a_deadline_is_checked_against_the_fiscal_year_not_a_year_beyond_the_contests_own_dates():
    data = _load("2566")
    data["starts_on"], data["ends_on"] = "2021-10-01", "2024-09-30"  # the fiscal year ±1: accepted
    data["dimensions"][3]["criteria"][1]["deadline"] = "2025-05-31"  # within a year of ends_on, not of 2566
    assert "“deadline”: วันที่ “2025-05-31”" in " ".join(_refusal(data))


def test_a_period_deadline_is_checked_against_the_fiscal_year():
    data = _load("ubon-milestones-2568")
    data["contest"]["periods"][0]["deadline"] = "9999-04-20"
    messages = _refusal(data)
    assert any(m.startswith("รอบที่ 1 “2568-04”: “deadline”: วันที่ “9999-04-20” อ่านได้เป็น") for m in messages)


# -- working days: arithmetic, equal to walking the days ---------------------------------------------------


def _reference(overrides: dict[date, bool], after: date, until: date) -> int:
    """Day by day, as a plain calendar counts: the package's own lookup, the overrides first."""
    package = GovernmentOffices(categories=CATEGORIES, language="th")
    count = 0
    for n in range(1, (until - after).days + 1):
        d = after + timedelta(n)
        count += (not overrides[d]) if d in overrides else (d.weekday() < 5 and d not in package)
    return count


SPAN = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    after=SPAN,
    length=st.integers(-5, 800),
    overrides=st.dictionaries(SPAN, st.booleans(), max_size=12),
    songkran=st.booleans(),
)
def test_working_days_counted_equal_the_days_walked(after, length, overrides, songkran):
    if songkran:  # a holiday cancelled and its substitution day: both kinds of override on the package's days
        overrides = {**overrides, date(2023, 4, 13): False, date(2023, 4, 17): False}
    until = after + timedelta(length)
    calendar = WorkCalendar(overrides)
    assert calendar.working_days_after(after, until) == _reference(overrides, after, until)


@settings(max_examples=60, deadline=None)
@given(after=SPAN, length=st.integers(0, 120), overrides=st.dictionaries(SPAN, st.booleans(), max_size=8))
def test_the_closed_weekdays_listed_are_the_weekdays_walked_and_found_closed(after, length, overrides):
    calendar = WorkCalendar(overrides)
    until = after + timedelta(length)
    walked = [after + timedelta(n) for n in range(1, length + 1)]
    want = [d for d in walked if d.weekday() < 5 and not calendar.is_working_day(d)]
    assert calendar.closed_weekdays(after, until) == want


def test_a_count_over_centuries_walks_no_day_and_keeps_few_years():
    workdays._holidays.cache_clear()
    calendar = WorkCalendar({date(2023, 4, 19): True})
    assert calendar.working_days_after(date(2023, 4, 12), date(2023, 4, 20)) == 2  # Songkran, then the override
    assert workdays._holidays.cache_info().currsize == 1  # one year of one language: no calendar kept per range
    calendar.working_days_after(date(1900, 1, 1), date(2100, 12, 31))
    assert workdays._holidays.cache_info().currsize == workdays.YEARS_KEPT == 64


def test_every_process_wide_cache_of_the_calendar_is_bounded_by_size():
    assert workdays._holidays.cache_info().maxsize == workdays.YEARS_KEPT
    assert workdays._closed_weekdays.cache_info().maxsize == workdays.YEARS_KEPT
    # no per-day memo grows with a range ("moves": how the contest reads a closed day, one flag)
    assert set(vars(WorkCalendar({}))) == {"overrides", "_override_days", "moves"}


# -- numbers: at most 18 digits, no text past 200 kept ------------------------------------------------------


@pytest.fixture
def spec():
    return parse_rubric(_load("2566"))


def test_a_number_of_19_digits_is_refused_thai_first(spec):
    rule = spec.criterion("2.1.1").rule
    assert rule.parse_fact("households_target", "9" * NUMBER_DIGITS_MAX) == Decimal("9" * 18)
    with pytest.raises(FactError) as caught:
        rule.parse_fact("households_target", "9" * (NUMBER_DIGITS_MAX + 1))
    assert caught.value.th.endswith("มีตัวเลขเกิน 18 หลัก")
    assert caught.value.en.endswith("has more than 18 digits")


def test_a_million_digits_typed_is_scored_as_unreadable_and_kept_nowhere(spec):
    rule = spec.criterion("2.1.1").rule
    name = "households_collected"
    huge = "1" * 1_000_001
    with pytest.raises(FactError) as caught:
        rule.parse_fact(name, huge)
    assert caught.value.en.endswith(f"is longer than {FACT_TEXT_MAX} characters")
    with pytest.raises(FactError):  # refused for its digits, and not remembered either
        rule.parse_fact(name, "1" * (PARSED_TEXT_MAX + 1))
    assert rule.parse_fact(name, "1,250") == Decimal(1250)
    assert max(len(raw) for _, raw in rule._parsed) == len("1,250")


def test_a_score_of_a_million_digits_is_refused_not_a_crash(spec):
    criterion = spec.criterion("4.1.1")
    with pytest.raises(CommitteeError) as caught:
        allowed(criterion, "1" * 1_000_001)
    assert caught.value.th.startswith("ตัวชี้วัด 4.1.1: คะแนน 111111111111111111… ไม่ใช่ระดับที่กำหนด")
    assert allowed(criterion, "3") == Decimal(3)


def test_the_calendar_page_of_dates_stored_before_the_bound_lists_only_the_fiscal_year_either_side(rubric):
    ContestPeriod.objects.filter(pk=rubric.pk).update(starts_on=date(2015, 1, 1), ends_on=date(2030, 12, 31))
    rubric.refresh_from_db()
    closed = calendar_year(rubric)["closed"]
    assert (closed[0]["day"].day, closed[-1]["day"].day) == (date(2021, 10, 2), date(2024, 9, 29))  # weekends


def test_a_date_a_rule_names_is_checked_against_the_fiscal_year():
    data = _load("ubon-milestones-2568")
    data["dimensions"][0]["criteria"][0]["rule"]["levels"][0]["when"][1] = {"fact": "use_report_on", "by": "2100-01-01"}
    assert any(m.startswith("เกณฑ์ 4.1.1: “rule”: วันที่ “2100-01-01” อ่านได้เป็น") for m in _refusal(data))
    data["dimensions"][0]["criteria"][0]["rule"]["levels"][0]["when"][1]["by"] = "2025-07-20"
    parse_rubric_file(data)
