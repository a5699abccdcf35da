"""A table rule's measures and score rows in boxes: seed 003's missions go into rows of boxes and
come back unchanged; a rule typed in boxes alone is the rule the loader takes; what the boxes cannot say stays
JSON text beside them; a row that says too little is refused beside its table, Thai first."""

import json
from decimal import Decimal

from builder.measures import measures_rows
from builder.rule_data import rule_data
from builder.rule_forms import RuleForm

NONG_KHAI = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
CHANNELS = NONG_KHAI["dimensions"][2]["criteria"][0]["rule"]  # 3.1: "any 3 channels, each at least 5 %"
COMPLAINTS = NONG_KHAI["dimensions"][1]["criteria"][1]["rule"]  # 2.2: handled all, within 7 / 15 / 30 days


def _starting(data: dict, start: str) -> dict:
    return {k: v for k, v in data.items() if k.startswith(start)}


def _form(data: dict, top: str = "10") -> RuleForm:
    return RuleForm(data=data, kind="table", max_points=Decimal(top))


def test_any_three_channels_is_a_measure_of_several_facts_and_a_rank_in_boxes() -> None:
    data = rule_data(CHANNELS)
    assert _starting(data, "measures-1-") == {
        "measures-1-key": "third",
        "measures-1-th": "ช่องทางออนไลน์อันดับ ๓ มีผู้ประกอบการเข้าร่วม",
        "measures-1-en": "third-best online channel's operators",
        "measures-1-denominator": "operators_new",
        "measures-1-numerators": "online_channel_1, online_channel_2, online_channel_3, online_channel_4, "
        "online_channel_5",
        "measures-1-rank": "3",
    }
    assert _starting(data, "rows-0-") == {
        "rows-0-points": "5",
        "rows-0-when-rows": 2,
        "rows-0-when-0-measure": "activities",
        "rows-0-when-0-test": "min",
        "rows-0-when-0-value": "16",
        "rows-0-when-1-measure": "third",
        "rows-0-when-1-test": "min",
        "rows-0-when-1-value": "5",
    }
    assert "measures" not in data and "rows" not in data  # no JSON text left to type


def test_a_lower_is_better_measure_is_a_tick_and_its_threshold_at_most() -> None:
    data = rule_data(COMPLAINTS)
    assert (data["measures-1-lower_is_better"], data["measures-1-unit_th"], data["measures-1-unit_en"]) == (
        "on",
        "วัน",
        "days",
    )
    assert (data["rows-2-when-1-measure"], data["rows-2-when-1-test"], data["rows-2-when-1-value"]) == (
        "days",
        "max",
        "30",
    )


# A table rule from blank, box by box, Thai alone: the units' English is left blank.
TYPED = {
    "measures-rows": 2,
    "measures-0-key": "channels", "measures-0-th": "ช่องทางเผยแพร่", "measures-0-fact": "pr_channels",
    "measures-0-unit_th": "ช่องทาง",
    "measures-1-key": "third", "measures-1-numerators": "ch_1, ch_2,ch_3 , ch_4", "measures-1-rank": "3",
    "measures-1-denominator": "operators",
    "rows-rows": 2,
    "rows-0-points": "10", "rows-0-when-rows": 2,
    "rows-0-when-0-measure": "channels", "rows-0-when-0-test": "min", "rows-0-when-0-value": "3",
    "rows-0-when-1-measure": "third", "rows-0-when-1-test": "min", "rows-0-when-1-value": "5",
    "rows-1-points": "5", "rows-1-when-rows": 1,
    "rows-1-when-0-measure": "channels", "rows-1-when-0-test": "min", "rows-1-when-0-value": "1",
    "otherwise": "0",
}  # fmt: skip


def test_a_table_rule_typed_in_boxes_alone_is_the_rule_the_loader_takes() -> None:
    form = _form(TYPED)
    assert form.is_valid(), form.errors
    assert form.rule() == {
        "kind": "table",
        "measures": {
            "channels": {"th": "ช่องทางเผยแพร่", "fact": "pr_channels", "unit": " ช่องทาง"},
            "third": {"denominator": "operators", "rank": 3, "numerators": ["ch_1", "ch_2", "ch_3", "ch_4"]},
        },
        "rows": [
            {"min": {"channels": "3", "third": "5"}, "points": "10"},
            {"min": {"channels": "1"}, "points": "5"},
        ],
        "otherwise": "0",
    }


def test_an_english_unit_typed_makes_the_unit_two_languages() -> None:
    form = _form({**TYPED, "measures-0-unit_en": "channels"})
    assert form.is_valid(), form.errors
    assert form.rule()["measures"]["channels"]["unit"] == {"th": " ช่องทาง", "en": " channels"}


def test_the_page_shows_each_measure_as_a_block_of_labelled_boxes_and_a_blank_one() -> None:
    section = _form(TYPED).sections()[0]
    assert (section["param"].name, len(section["cards"])) == ("measures", 3)
    assert [c.name for c, _ in section["cards"][0]][:5] == ["key", "th", "en", "fact", "numerator"]
    assert section["cards"][2][0][1].value() is None


def test_what_the_boxes_cannot_say_stays_json_beside_them_and_comes_back_unchanged() -> None:
    days = {**COMPLAINTS["measures"]["days"], "amount": False}  # no tick says "not" a sum of money
    rule = {**COMPLAINTS, "measures": {**COMPLAINTS["measures"], "days": days}}
    assert measures_rows(rule["measures"]) is None
    data = rule_data(rule)
    assert json.loads(data["measures"]) == rule["measures"] and "measures-rows" not in data
    form = _form(data)
    assert form.is_valid(), form.errors
    assert form.rule() == rule


def test_rows_and_json_together_are_refused_beside_the_json() -> None:
    form = _form({**TYPED, "measures": '{"x": {"fact": "x"}}'})
    assert not form.is_valid()
    assert form.errors["measures"] == ["ตัววัด: ใส่ในแถวหรือเป็น JSON อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง"]


REFUSED = {
    "a threshold without its value": (
        {"rows-1-when-0-value": ""},
        "rows-rows",
        "แถวคะแนนที่ 2 เกณฑ์ที่ 1: ต้องใส่ค่าที่ต้องถึง",
    ),
    "a threshold without at least or at most": (
        {"rows-1-when-0-test": ""},
        "rows-rows",
        "แถวคะแนนที่ 2 เกณฑ์ที่ 1: ต้องเลือก “อย่างน้อย” หรือ “ไม่เกิน”",
    ),
    "a measure twice in one row": (
        {"rows-0-when-1-measure": "channels"},
        "rows-rows",
        "แถวคะแนนที่ 1: ตัววัด channels มีเกณฑ์ซ้ำสองข้อ",
    ),
    "a measure without its short name": (
        {"measures-1-key": ""},
        "measures-rows",
        "ตัววัด: ทุกแถวต้องมีชื่อย่อตัววัด (ช่องแรก) ที่แถวคะแนนอ้างถึง",
    ),
    "two measures of one short name": (
        {"measures-1-key": "channels"},
        "measures-rows",
        "ตัววัด: “channels” อยู่สองแถว",
    ),
}


def test_a_row_that_says_too_little_is_refused_beside_its_table_thai_first() -> None:
    for change, field, said in REFUSED.values():
        form = _form({**TYPED, **change})
        assert not form.is_valid()
        assert form.errors[field] == [said], change


# -- a bands rule's one measure: the same boxes, a group (its declared type `measure`) ---------------------------
NATIONAL = json.loads(open("rubrics/rubric_files/2566.json", encoding="utf-8").read())
DATABASES = next(c for d in NATIONAL["dimensions"] for c in d["criteria"] if c["code"] == "2.2.1")["rule"]
BANDS_TYPED = {"bands-rows": 2, "bands-0-min": "80", "bands-0-points": "5", "bands-1-min": "50", "bands-1-points": "3"}


def test_a_bands_rules_measure_is_boxes_not_json() -> None:
    data = rule_data(DATABASES)
    boxes = {"th": "ฐานข้อมูลที่เป็นปัจจุบัน", "en": "databases up to date", "numerator": "databases_up_to_date"}
    assert _starting(data, "measure") == {f"measure-{k}": v for k, v in {**boxes, "denominator_value": "12"}.items()}
    form = RuleForm(data=data, kind="bands", max_points=Decimal("5"))
    assert form.is_valid(), form.errors
    assert form.rule() == DATABASES


def test_a_bands_rule_typed_in_boxes_alone_is_the_rule_the_loader_takes() -> None:
    typed = {**BANDS_TYPED, "measure-th": "ครัวเรือนที่มีแผน", "measure-numerator": "planned", "otherwise": "0"}
    typed |= {"measure-denominator": "verified", "measure-unit_th": "ครัวเรือน", "measure-may_exceed": "on"}
    form = RuleForm(data=typed, kind="bands", max_points=Decimal("5"))
    assert form.is_valid(), form.errors
    assert form.rule() == {
        "kind": "bands",
        "measure": {
            "th": "ครัวเรือนที่มีแผน", "numerator": "planned", "denominator": "verified", "may_exceed": True,
            "unit": " ครัวเรือน",
        },
        "bands": [{"min": "80", "points": "5"}, {"min": "50", "points": "3"}],
        "otherwise": "0",
    }  # fmt: skip


def test_a_measure_the_boxes_cannot_say_stays_json_and_comes_back_unchanged() -> None:
    rule = {**DATABASES, "measure": {**DATABASES["measure"], "amount": False}}
    data = rule_data(rule)
    assert json.loads(data["measure"]) == rule["measure"] and "measure-th" not in data
    form = RuleForm(data=data, kind="bands", max_points=Decimal("5"))
    assert form.is_valid(), form.errors
    assert form.rule() == rule


def test_a_measure_that_says_too_little_is_refused_above_its_boxes_thai_first() -> None:
    form = RuleForm(data={**BANDS_TYPED, "measure-numerator": "done", "otherwise": "0"}, kind="bands", max_points=5)
    said = "measure ต้องมี numerator กับ denominator หรือ denominator_value หรือ fact อย่างเดียว"
    assert not form.is_valid()
    assert form.errors == {"measure-th": [said]}
    group = next(s for s in form.sections() if s.get("param") and s["param"].name == "measure")
    assert (group["errors"], group["json"].name) == ([said], "measure")
    assert [c.name for c, _ in group["group"]][:4] == ["th", "en", "fact", "numerator"]


def test_no_measure_at_all_is_refused_above_its_boxes() -> None:
    form = RuleForm(data={**BANDS_TYPED, "otherwise": "0"}, kind="bands", max_points=Decimal("5"))
    assert not form.is_valid()
    assert form.errors == {"measure-th": ["ขาดพารามิเตอร์ “measure”"]}
