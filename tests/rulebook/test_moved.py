"""A contest's data moved by whole years: dates and the years its texts name move, nothing else does."""

import json
from pathlib import Path

from rulebook.moved import moved
from rulebook.spec import parse_rubric

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files"


def test_dates_years_and_slugs_move_by_whole_years():
    data = {
        "year": 2565,
        "name_th": "ปีงบประมาณ พ.ศ. ๒๕๖๕",
        "name_en": "fiscal year B.E. 2565 (April 2022)",
        "contest": {"slug": "nongkhai-missions-2565", "periods": [{"code": "2565-04", "deadline": "2022-04-20"}]},
        "rule": {"by": "2022-05-31", "min": "2000", "households": 2564},
        "barred_from": 2561,
        "barred_to": 2564,
        "points": "100",
    }
    assert moved(data, year=2565, years=5) == {
        "year": 2570,
        "name_th": "ปีงบประมาณ พ.ศ. ๒๕๗๐",
        "name_en": "fiscal year B.E. 2570 (April 2027)",
        "contest": {"slug": "nongkhai-missions-2570", "periods": [{"code": "2570-04", "deadline": "2027-04-20"}]},
        # a threshold that looks like a year is no year; a number is a year only under a year's key
        "rule": {"by": "2027-05-31", "min": "2000", "households": 2564},
        "barred_from": 2566,
        "barred_to": 2569,
        "points": "100",
    }


def test_29_february_becomes_the_28th_and_far_years_stay():
    assert moved(["2024-02-29", "ปี 2500", "1999-01-01"], year=2567, years=1) == ["2025-02-28", "ปี 2500", "1999-01-01"]


def test_the_data_given_is_not_changed():
    data = {"deadline": "2022-04-20"}
    moved(data, year=2565, years=5)
    assert data == {"deadline": "2022-04-20"}


def test_every_shipped_office_rubric_moved_is_still_a_rubric_of_its_new_year():
    for path in RUBRICS.glob("*-25*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        spec = parse_rubric(moved(data, year=data["year"], years=5))
        assert spec.year == data["year"] + 5, path.name


def test_a_range_of_years_moves_as_one_whatever_the_reach():
    # the shipped rubric's 1.4 names a five-year plan whose last year lies beyond the reach around 2566
    texts = ["แผนพัฒนาจังหวัด ปี ๒๕๖๖ – ๒๕๗๐", "2566–2570", "ปี 2561-2564", "2561 ถึง 2575", "2566-04"]
    assert moved(texts, year=2566, years=4) == [
        "แผนพัฒนาจังหวัด ปี ๒๕๗๐ – ๒๕๗๔",
        "2570–2574",
        "ปี 2565-2568",
        "2565 ถึง 2579",
        "2570-04",
    ]


def test_a_year_beside_a_number_that_is_no_year_moves_alone():
    assert moved(["2566-2000 households", "2500-2566"], year=2566, years=4) == ["2570-2000 households", "2500-2570"]


def test_the_shipped_national_rubric_keeps_its_five_year_plan():
    data = json.loads((RUBRICS / "2566.json").read_text(encoding="utf-8"))
    text = json.dumps(moved(data, year=2566, years=4), ensure_ascii=False)
    assert "๒๕๗๐ – ๒๕๗๔" in text and "2570–2574" in text and "๒๕๗๐ – ๒๕๗๐" not in text
