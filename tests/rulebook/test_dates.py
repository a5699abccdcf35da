"""The one date parser (decision 11)."""

from datetime import date, datetime

import pytest

from core.thai import thai_date
from rulebook.dates import BANGKOK, DateInputError, en_date, parse_date, parse_moment, reading

FY2566 = (date(2022, 10, 1), date(2023, 9, 30))


@pytest.mark.parametrize(
    "text",
    [
        "2023-04-18",
        "2566-04-18",
        "18/04/2566",
        "18/4/66",
        "18/04/2023",
        "18-04-2566",
        "๑๘/๐๔/๒๕๖๖",
        "๒๕๖๖-๐๔-๑๘",
        "๑๘ เม.ย. ๒๕๖๖",
        "18 เมษายน 2566",
        "18 เมย 66",
        " 18/4/66 ",
    ],
)
def test_parse_date_reads_the_ways_thai_offices_type_a_date(text):
    assert parse_date(text, window=FY2566) == date(2023, 4, 18)


def test_parse_date_two_digit_year_is_b_e():
    assert parse_date("1/10/65") == date(2022, 10, 1)


def test_parse_date_year_2400_or_more_is_b_e_below_is_a_d():
    assert parse_date("2400-01-01") == date(1857, 1, 1)
    assert parse_date("2399-01-01") == date(2399, 1, 1)


@pytest.mark.parametrize("text", ["", "abc", "18/04", "2023/13/01", "18/04/2566 บ่าย", "40.5", "2023-04-18x"])
def test_parse_date_refuses_what_it_cannot_read(text):
    with pytest.raises(DateInputError) as error:
        parse_date(text)
    assert error.value.th.startswith(("อ่านวันที่", "ไม่มีวันที่"))
    assert error.value.en


def test_parse_date_refuses_a_day_not_in_the_calendar():
    with pytest.raises(DateInputError) as error:
        parse_date("29/02/2566")
    assert error.value.th == "ไม่มีวันที่ “29/02/2566” ในปฏิทิน (อ่านเป็น วัน 29 เดือน 2 ปี ค.ศ. 2023)"


def test_parse_date_refuses_more_than_a_year_outside_the_fiscal_year_showing_the_reading():
    assert parse_date("1/10/2564", window=FY2566) == date(2021, 10, 1)  # exactly a year before: kept
    with pytest.raises(DateInputError) as error:
        parse_date("30/09/2564", window=FY2566)
    assert "๓๐ ก.ย. ๒๕๖๔ = 30 Sep 2021" in error.value.th
    assert "30 Sep 2021" in error.value.en
    with pytest.raises(DateInputError):
        parse_date("2566-05-30", window=(date(2565, 10, 1), date(2566, 9, 30)))


def test_parse_moment_times_are_bangkok_time():
    assert parse_moment("18/04/2566 16.30 น.") == datetime(2023, 4, 18, 16, 30, tzinfo=BANGKOK)
    assert parse_moment("2023-04-18T09:30:15+07:00") == datetime(2023, 4, 18, 9, 30, 15, tzinfo=BANGKOK)
    assert parse_moment("2023-04-18T17:10Z") == datetime(2023, 4, 19, 0, 10, tzinfo=BANGKOK)
    assert parse_moment("2023-04-18") == date(2023, 4, 18)
    with pytest.raises(DateInputError):
        parse_moment("2023-04-18T25:00")


def test_formats_show_b_e_and_thai_digits():
    assert thai_date(date(2023, 5, 31), short=True) == "๓๑ พ.ค. ๒๕๖๖"
    assert thai_date(date(2023, 5, 31), short=True, digits=False) == "31 พ.ค. 2566"
    assert en_date(date(2023, 5, 31)) == "31 May 2023"
    assert reading(date(2023, 4, 18)) == "๑๘ เม.ย. ๒๕๖๖ = 18 Apr 2023"


# Modules that read back what the code itself wrote with isoformat() (a notice's params, a group's name, a
# session's expiry, a contest's data copied for next year): never a date a person typed.
STORED_ISO = {"notices/catalogue.py", "notices/selectors.py", "accounts/passkeys.py", "ops/nextyear.py"}


def test_no_other_code_parses_dates():
    import re

    from tests.packages import ROOT, sources

    pattern = re.compile(r"fromisoformat|strptime|dateparse|dateutil")
    offenders = [
        name
        for name in (p.relative_to(ROOT).as_posix() for p in sources())
        if name not in STORED_ISO | {"rulebook/dates.py"} and pattern.search((ROOT / name).read_text(encoding="utf-8"))
    ]
    assert offenders == []
