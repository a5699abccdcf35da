"""A criterion's rounds (rulebook.rounds): each round with its own date, a monthly series made from a day of
the month and its months, refused with the reason when wrong, and met by what was sent in its own window."""

from datetime import date

import pytest
from django.utils.translation import override

from rulebook.dates import fiscal_year
from rulebook.moved import moved
from rulebook.rounds import Round, RoundsError, rounds_moved, rounds_of
from rulebook.spec import parse_rubric
from tests.scoring import shipped_rubric

from .test_spec import criterion, refused

WINDOW = fiscal_year(2566)


def test_the_national_rubric_holds_1_2s_two_rounds_1_3s_steps_and_4_2s_monthly_reports_on_the_15th():
    spec = parse_rubric(shipped_rubric())
    assert [(r.label_th, r.due) for r in spec.criterion("1.2").rounds] == [
        ("รายงานครั้งที่ ๑", date(2023, 3, 31)),
        ("รายงานครั้งที่ ๒", date(2023, 6, 30)),
    ]
    assert [r.due for r in spec.criterion("1.3").rounds] == [date(2023, 3, 31), date(2023, 5, 31), date(2023, 7, 31)]
    monthly = [r for r in spec.criterion("4.2").rounds if r.label_th.startswith("รายงานประจำเดือน")]
    assert [r.due for r in monthly] == [date(2022, 11, 15), date(2022, 12, 15)] + [
        date(2023, m, 15) for m in range(1, 8)
    ]
    assert monthly[0].label_th == "รายงานประจำเดือน (ขั้น ๔ และ ๘) พฤศจิกายน ๒๕๖๕"
    assert spec.criterion("1.2").deadline == date(2023, 6, 30)  # scoring reads the last, as before
    assert spec.criterion("1.1").rounds == ()


def test_a_monthly_series_due_on_the_31st_falls_on_a_short_months_last_day():
    series = [{"label_th": "รายงาน", "label_en": "Report", "day": 31, "from": "2023-01", "to": "2023-03"}]
    assert [r.due for r in rounds_of(series, WINDOW)] == [date(2023, 1, 31), date(2023, 2, 28), date(2023, 3, 31)]


@pytest.mark.parametrize(
    ("rounds", "said"),
    [
        ([{"label_th": "ครั้งที่ ๑", "due": "2030-03-31"}], "round 1: the date “2030-03-31” reads as 31 Mar 2030"),
        ([{"label_th": "", "due": "2023-03-31"}], "round 1: “label_th” must be a Thai name"),
        ([{"label_th": "x", "due": 5}], "round 1: “due” must be a date like 2023-03-31"),
        ([{"label_th": "x", "day": 32, "from": "2023-01", "to": "2023-02"}], "round 1: “day” must be a day"),
        ([{"label_th": "x", "day": 15, "from": "2023-05", "to": "2023-02"}], "round 1: “from” and “to” must be"),
        ({"label_th": "x"}, "“rounds” must be a list of objects"),
    ],
)
def test_a_wrong_round_is_refused_with_where_and_why(rounds, said):
    data = shipped_rubric()
    criterion(data, "1.2")["rounds"] = rounds
    with override("en"):  # the refusal reads in the language of the request that made it
        messages = refused(data)
    assert any("1.2" in m and said in m for m in messages), messages


def test_rounds_move_with_the_year_as_the_deadlines_do():
    data = moved(shipped_rubric(), year=2566, years=4)
    data["year"] = 2570
    spec = parse_rubric(data)
    assert [r.due for r in spec.criterion("1.2").rounds] == [date(2027, 3, 31), date(2027, 6, 30)]
    assert spec.criterion("4.2").rounds[0].due == date(2026, 11, 15)


def test_a_round_due_on_a_moved_date_moves_with_it_and_none_stays_after_the_deadline():
    rounds = (Round("ครั้งที่ ๑", "1", date(2027, 3, 31)), Round("ครั้งที่ ๒", "2", date(2027, 6, 30)))
    earlier = rounds_moved(rounds, date(2027, 6, 15), [(date(2027, 6, 30), date(2027, 6, 15))])
    assert [r.due for r in earlier] == [date(2027, 3, 31), date(2027, 6, 15)]
    later = rounds_moved(
        rounds, date(2027, 7, 14), [(date(2027, 6, 30), date(2027, 7, 1)), (date(2027, 7, 1), date(2027, 7, 14))]
    )
    assert [r.due for r in later] == [date(2027, 3, 31), date(2027, 7, 14)]
    cut = rounds_moved(rounds, date(2027, 3, 1), [])
    assert [(r.label_th, r.due) for r in cut] == [("ครั้งที่ ๑", date(2027, 3, 1)), ("ครั้งที่ ๒", date(2027, 3, 1))]


def test_rounds_errors_carry_thai_and_english():
    with pytest.raises(RoundsError) as info:
        rounds_of([{"label_th": "x", "due": 5}], WINDOW)
    assert len(info.value.problems) == 1 and len(info.value.problems[0]) == 2
