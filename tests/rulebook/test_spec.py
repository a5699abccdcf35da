"""parse_rubric: the 2566 rubric, the other seeds, and every refusal the format promises."""

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rulebook.spec import RubricError, parse_rubric
from tests.scoring import shipped_rubric

HERE = Path(__file__).parents[1] / "rubrics"
D = Decimal


def load(name: str) -> dict[str, Any]:
    return json.loads((HERE / name).read_text())


def refused(data: dict[str, Any]) -> list[str]:
    with pytest.raises(RubricError) as info:
        parse_rubric(data)
    assert str(info.value) == "\n".join(info.value.messages)
    return info.value.messages


def criterion(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for d in data["dimensions"] for c in d["criteria"] if c["code"] == code)


def test_spec_2566_parses() -> None:
    spec = parse_rubric(shipped_rubric())
    assert (spec.year, spec.total_points, spec.tie_break) == (2566, D(100), ("5", "4", "3", "2", "1"))
    assert [(d.code, d.max_points, len(d.criteria)) for d in spec.dimensions] == [
        ("1", D(20), 4),
        ("2", D(25), 4),
        ("3", D(25), 5),
        ("4", D(20), 3),
        ("5", D(10), 2),
    ]
    assert [(a.code, a.count, a.prize) for a in spec.awards] == [
        ("winner", 1, D(15000)),
        ("runner_up_1", 1, D(10000)),
        ("runner_up_2", 1, D(5000)),
        ("honourable", 10, D(0)),
    ]
    # 2.1.2's deadline is set by central staff during the year (change_deadline); 4.1.1's is in the rubric.
    assert spec.criterion("2.1.2").deadline is None
    assert spec.criterion("4.1.1").deadline.isoformat() == "2023-05-31"  # type: ignore[union-attr]
    assert spec.criterion("4.2").rule.kind == "ladder"
    assert spec.level_bands == ()


def test_spec_dimension_5_typo_six_plus_five_refused() -> None:
    data = shipped_rubric()
    c52 = criterion(data, "5.2")
    c52["max_points"] = "5"
    c52["rule"]["items"]["award"] = {"points": "1", "th": "ได้รับรางวัล", "en": "award"}
    assert refused(data) == ["มิติที่ 5: 6 + 5 = 11 ไม่เท่ากับ 10 คะแนน"]


def test_spec_dimensions_not_adding_to_total_refused() -> None:
    data = shipped_rubric()
    data["total_points"] = "90"
    assert refused(data) == ["คะแนนรวม: 20 + 25 + 25 + 20 + 10 = 100 ไม่เท่ากับ 90 คะแนน"]


def test_spec_unreachable_maximum_refused() -> None:
    data = shipped_rubric()
    criterion(data, "3.1")["rule"]["points"]["3"] = "4"
    assert refused(data) == ["เกณฑ์ 3.1: คะแนนสูงสุดที่ทำได้คือ 4 ไม่เท่ากับคะแนนเต็ม 5"]


def test_spec_level_above_maximum_refused() -> None:
    data = shipped_rubric()
    criterion(data, "3.3")["rule"]["bands"][0]["points"] = "6"
    assert "เกณฑ์ 3.3: ระดับคะแนน 6 อยู่นอกช่วง 0–5" in refused(data)


def test_spec_collects_every_problem_at_once() -> None:
    data = shipped_rubric()
    criterion(data, "1.1")["rule"] = {"kind": "done", "points": "4"}
    criterion(data, "2.2.1")["rule"]["kind"] = "stars"
    data["tie_break"] = ["6", "5"]
    data["awards"][3]["count"] = 0
    messages = refused(data)
    assert len(messages) == 4
    assert messages[0].startswith("เกณฑ์ 1.1: คะแนนสูงสุดที่ทำได้คือ 4")
    assert messages[1].startswith("เกณฑ์ 2.2.1: ไม่รู้จักชนิดเกณฑ์ “stars”")
    assert messages[2] == ("เกณฑ์การประเมิน: tie_break อ้างมิติที่ไม่มี: 6")
    assert messages[3].startswith("รางวัลที่ 4: จำนวนรางวัล (count) ต้องเป็นจำนวนเต็มบวก")


def test_spec_without_a_tie_break_order_has_none() -> None:
    # Decision 12: only a rubric that states an order uses one; leaving the key out states none.
    data = shipped_rubric()
    del data["tie_break"]
    assert parse_rubric(data).tie_break == ()
    data["tie_break"] = "5"
    assert refused(data) == ["เกณฑ์การประเมิน: tie_break ต้องเป็นรายการรหัสมิติที่ไม่ซ้ำกัน"]


def test_spec_duplicate_criterion_code_refused() -> None:
    data = shipped_rubric()
    criterion(data, "1.2")["code"] = "1.1"
    assert "เกณฑ์การประเมิน: รหัสเกณฑ์ซ้ำ: 1.1" in refused(data)


def test_spec_ratio_weight_must_match_maximum() -> None:
    data = load("seed003_mission1.json")
    criterion(data, "1.1")["rule"]["weight"] = "25"
    assert refused(data)[0].startswith("เกณฑ์ 1.1: คะแนนสูงสุดที่ทำได้คือ 25 ไม่เท่ากับคะแนนเต็ม 30")


def test_spec_timeliness_without_deadline_accepted() -> None:
    data = shipped_rubric()
    criterion(data, "2.1.2")["deadline"] = None
    assert parse_rubric(data).criterion("2.1.2").deadline is None


def test_spec_bad_dates_and_missing_names_refused() -> None:
    data = shipped_rubric()
    data["starts_on"] = "1/13/2565"
    del criterion(data, "1.4")["name_th"]
    messages = refused(data)
    assert "เกณฑ์ 1.4: ต้องระบุ “name_th” เป็นข้อความ" in messages
    assert any(m.startswith("เกณฑ์การประเมิน: “starts_on”: ไม่มีวันที่ “1/13/2565” ในปฏิทิน") for m in messages)


def test_spec_reads_thai_dates_and_refuses_a_deadline_far_outside_the_year() -> None:
    data = shipped_rubric()
    data["starts_on"] = "1/10/2565"
    criterion(data, "1.1")["deadline"] = "31/7/66"
    spec = parse_rubric(data)
    assert (spec.starts_on, spec.criterion("1.1").deadline) == (date(2022, 10, 1), date(2023, 7, 31))
    criterion(data, "1.1")["deadline"] = "2025-07-31"
    assert any("อ่านได้เป็น ๓๑ ก.ค. ๒๕๖๘ = 31 Jul 2025" in m for m in refused(data))


def test_spec_refuses_a_rule_reading_an_unlabelled_fact() -> None:
    data = shipped_rubric()
    del criterion(data, "4.1.2")["rule"]["labels"]
    assert refused(data) == [
        "เกณฑ์ 4.1.2: ข้อมูล sent_at ต้องมีชื่อภาษาไทยในช่อง “ชื่อข้อมูลและหน่วย” (labels) (ผู้เข้าประกวดจะเห็นชื่อนี้ในคำอธิบายคะแนน)"
    ]


def test_a_thai_fact_name_alone_is_enough_and_stands_for_both_languages() -> None:
    data = shipped_rubric()
    criterion(data, "4.1.2")["rule"]["labels"] = {"sent_at": {"th": "วันที่ส่งรายงาน"}}
    rule = parse_rubric(data).criterion("4.1.2").rule
    assert (rule.label("sent_at").th, rule.label("sent_at").en) == ("วันที่ส่งรายงาน", "วันที่ส่งรายงาน")


def test_spec_level_bands_must_ascend() -> None:
    data = load("seed003_mission1.json")
    data["level_bands"][1]["min"] = "20"
    assert refused(data) == ["ระดับผลการดำเนินงาน (level_bands): ช่วงระดับ 1 และ 2 ต้องเรียงจากน้อยไปมากและไม่ทับกัน"]


def test_seed001_website_contest_scores_a_district() -> None:
    spec = parse_rubric(load("seed001_website.json"))
    assert [(c.code, c.max_points) for c in spec.criteria()] == [
        ("1", D(20)),
        ("2", D(25)),
        ("3", D(10)),
        ("4", D(30)),
        ("5", D(15)),
    ]
    assert [a.count for a in spec.awards] == [1, 1, 1]
    assert all(c.rule.kind == "points" for c in spec.criteria())


def test_seed003_mission1_parses_with_extra_points_and_levels() -> None:
    spec = parse_rubric(load("seed003_mission1.json"))
    assert [(d.code, d.max_points) for d in spec.dimensions] == [("1", D(40)), ("2", D(40)), ("3", D(20)), ("4", D(0))]
    assert spec.criterion("4").extra is True
    assert [(b.min, b.max, b.level) for b in spec.level_bands][-1] == (D(89), D(110), 5)


def test_seed003_literal_subtotals_50_50_refused() -> None:
    # The seed prints 50 for activities 1 and 2, but their own items add up to 40 each.
    data = load("seed003_mission1.json")
    data["dimensions"][0]["max_points"] = data["dimensions"][1]["max_points"] = "50"
    assert refused(data) == [
        "มิติที่ 1: 30 + 10 = 40 ไม่เท่ากับ 50 คะแนน",
        "มิติที่ 2: 10 + 15 + 10 + 5 = 40 ไม่เท่ากับ 50 คะแนน",
        "คะแนนรวม: 50 + 50 + 20 + 0 = 120 ไม่เท่ากับ 100 คะแนน",
    ]


@pytest.mark.parametrize(
    ("total", "level"),
    [
        ("0", 1),
        ("22", 1),
        ("22.5", 1),
        ("23", 2),
        ("44.99", 2),
        ("66.5", 3),
        ("88.99", 4),
        ("89", 5),
        ("110", 5),
        ("110.01", None),
    ],
)
def test_seed003_level_bands_run_to_next_min(total: str, level: int | None) -> None:
    spec = parse_rubric(load("seed003_mission1.json"))
    assert spec.level_for(D(total)) == level


def test_shipped_2566_rubric_parses() -> None:
    spec = parse_rubric(shipped_rubric())
    assert spec.total_points == 100
    assert len(spec.criteria()) == 18


def test_spec_not_an_object_refused() -> None:
    assert refused(copy.deepcopy([])) == ["เกณฑ์การประเมินต้องเป็นออบเจกต์ JSON"]  # type: ignore[arg-type]


# -- one fact, one value: a name two criteria read is one cell of the fact template ---------------
NONGKHAI = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files" / "nongkhai-missions-2565.json"


def test_a_fact_two_criteria_read_is_one_column_of_both() -> None:
    spec = parse_rubric(json.loads(NONGKHAI.read_text()))
    shared = [(c.name, [x.code for x in c.criteria]) for c in spec.fact_columns if len(c.criteria) > 1]
    assert shared == [("tpmap_target", ["1.1.1", "1.4"])]


def test_a_shared_fact_named_apart_is_refused() -> None:
    data = json.loads(NONGKHAI.read_text())
    criterion(data, "1.4")["rule"]["labels"]["tpmap_target"]["th"] = "เป้าหมาย TPMAP"
    assert refused(data) == [
        "เกณฑ์การประเมิน: ข้อมูล “tpmap_target” ใช้ในเกณฑ์ 1.1.1, 1.4: "
        "ชื่อข้อมูลเดียวกันคือค่าเดียวกัน (กรอกช่องเดียวในแบบฟอร์ม) "
        "จึงต้องมีชื่อและหน่วยใน labels ตรงกันทุกเกณฑ์ "
        "ถ้าเป็นคนละค่าให้ตั้งชื่อข้อมูลต่างกัน"
    ]


def test_two_dates_under_a_kinds_default_name_are_refused() -> None:
    # Two timeliness criteria both left at "received_on" would silently become one date.
    data = shipped_rubric()
    rule = criterion(data, "2.2.2")["rule"]
    rule["fact"] = "received_on"
    rule["labels"] = {}
    del criterion(data, "2.1.2")["rule"]["labels"]
    assert refused(data)[0].startswith("เกณฑ์การประเมิน: ข้อมูล “received_on” ใช้ในเกณฑ์ 2.1.2, 2.2.2:")


def test_spec_thai_names_alone_are_enough_and_no_prize_is_zero() -> None:
    """A contest with Thai names only is saved (English is optional), and an award without an amount is
    refused in words, never as "prize … ได้รับ None"."""
    data = shipped_rubric()
    for key in ("name_en",):
        data.pop(key)
        data["dimensions"][0].pop(key)
        criterion(data, "1.4").pop(key)
        data["awards"][0].pop(key)
    data["awards"][-1].pop("prize")
    spec = parse_rubric(data)
    assert (spec.name_en, spec.dimensions[0].name_en, spec.criterion("1.4").name_en) == ("", "", "")
    assert (spec.awards[0].name_en, spec.awards[-1].prize) == ("", Decimal(0))
