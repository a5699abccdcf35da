"""Raw fact strings as people type them: Thai digits, separators, yes/no words, lists, times."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from rulebook.rules.errors import FactError, Label
from rulebook.rules.facts import (
    fmt_num,
    fmt_points,
    parse_amount,
    parse_bool,
    parse_codes,
    parse_number,
    parse_when,
    percent,
)

L = Label("จำนวนเครื่อง", "computers")
BKK = ZoneInfo("Asia/Bangkok")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234", "1234"),
        ("1,234", "1234"),
        ("๑,๒๓๔", "1234"),
        (" 12.50 ", "12.50"),
        ("๙๓.๕", "93.5"),
        ("93%", "93"),
        ("1,234,567.8", "1234567.8"),
        ("0", "0"),
    ],
)
def test_parse_number_accepts_thai_digits_and_separators(raw: str, expected: str) -> None:
    assert parse_number("n", L, raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["1,23", "abc", "1.2.3", "", "12a", "1 234"])
def test_parse_number_refuses_garbage_naming_fact_and_value(raw: str) -> None:
    with pytest.raises(FactError) as info:
        parse_number("n", L, raw)
    assert str(info.value) == (f"จำนวนเครื่อง ต้องเป็นตัวเลข แต่ได้รับ “{raw}”")
    assert info.value.fact == "n"


def test_parse_amount_negative_refused() -> None:
    with pytest.raises(FactError, match="ต้องไม่ติดลบ"):
        parse_amount("n", L, "-1")


def test_parse_amount_above_top_refused() -> None:
    with pytest.raises(FactError) as info:
        parse_amount("n", L, "100.5", Decimal(100))
    assert info.value.th == "จำนวนเครื่อง 100.5 เกินค่าสูงสุด 100"


@pytest.mark.parametrize("raw", ["yes", "TRUE", "1", "ใช่", "ทำ", "๑", " Y "])
def test_parse_bool_yes_words(raw: str) -> None:
    assert parse_bool("done", L, raw) is True


@pytest.mark.parametrize("raw", ["no", "False", "0", "ไม่ใช่", "ไม่ทำ", "๐"])
def test_parse_bool_no_words(raw: str) -> None:
    assert parse_bool("done", L, raw) is False


def test_parse_bool_unknown_word_refused() -> None:
    with pytest.raises(FactError, match="ต้องเป็น ใช่/ไม่ใช่ แต่ได้รับ “maybe”"):
        parse_bool("done", L, "maybe")


@pytest.mark.parametrize(
    ("raw", "expected"), [("1,3", {"1", "3"}), ("1, 3", {"1", "3"}), ("๑,๓,3", {"1", "3"}), ("-", set())]
)
def test_parse_codes_lists(raw: str, expected: set[str]) -> None:
    assert parse_codes("items", L, raw, ("1", "2", "3")) == expected


def test_parse_codes_unknown_item_refused() -> None:
    with pytest.raises(FactError) as info:
        parse_codes("items", L, "1,4", ("1", "2", "3"))
    assert info.value.th == "จำนวนเครื่อง: ไม่รู้จักรายการ 4 (ใช้ได้: 1, 2, 3)"


def test_parse_when_date_stays_a_date() -> None:
    assert parse_when("d", L, "2023-04-12") == date(2023, 4, 12)


def test_parse_when_naive_timestamp_is_bangkok_time() -> None:
    assert parse_when("d", L, "2023-04-12T23:30") == datetime(2023, 4, 12, 23, 30, tzinfo=BKK)


def test_parse_when_utc_timestamp_converted_to_bangkok_next_day() -> None:
    moment = parse_when("d", L, "2023-04-12T17:10:00Z")
    assert isinstance(moment, datetime)
    assert (moment.date(), moment.hour, moment.minute) == (date(2023, 4, 13), 0, 10)


def test_parse_when_bad_date_refused() -> None:
    with pytest.raises(FactError, match="อ่านวันที่ “12/04/2566 บ่าย” ไม่ได้"):
        parse_when("d", L, "12/04/2566 บ่าย")


def test_parse_when_reads_thai_dates() -> None:
    # Decision 11: once refused, "12/04/2566" is how Thai offices write 12 Apr 2023.
    assert parse_when("d", L, "12/04/2566") == date(2023, 4, 12)


def test_parse_when_refuses_a_date_far_outside_the_fiscal_year() -> None:
    window = (date(2022, 10, 1), date(2023, 9, 30))
    with pytest.raises(FactError) as error:
        parse_when("d", L, "2026-04-12", window)
    assert "อ่านได้เป็น ๑๒ เม.ย. ๒๕๖๙ = 12 Apr 2026" in error.value.th


@pytest.mark.parametrize(
    ("n", "d", "expected"),
    [(19401, 20000, "97.01"), (19801, 20000, "99.01"), (8, 12, "66.67"), (194009, 200000, "97.00")],
)
def test_percent_rounds_half_up_to_two_places(n: int, d: int, expected: str) -> None:
    assert str(percent(Decimal(n), Decimal(d))) == expected


@pytest.mark.parametrize(
    ("value", "text"), [("4.00", "4"), ("2.50", "2.5"), ("10", "10"), ("0.00", "0"), ("27.46", "27.46")]
)
def test_fmt_points_without_trailing_zeros(value: str, text: str) -> None:
    assert fmt_points(Decimal(value)) == text


def test_fmt_num_thousands_separator() -> None:
    assert fmt_num(Decimal("3500")) == "3,500"
