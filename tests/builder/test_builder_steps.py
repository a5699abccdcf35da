"""A ladder step measured from data in boxes: 4.2's "new downloads reach 2,000 / 4,000 / 6,000 by the
province's size" goes into boxes of its row and back unchanged, no JSON to type; a step typed in the boxes alone
is the rule the loader takes; a row whose boxes do not make one is refused beside the steps, Thai first."""

import json
from decimal import Decimal

import pytest

from builder.rule_data import rule_data
from builder.rule_forms import RuleForm
from rulebook.rules import build_rule

RUBRIC = json.loads(open("rubrics/rubric_files/2566.json", encoding="utf-8").read())
CRITERIA = {c["code"]: c for d in RUBRIC["dimensions"] for c in d["criteria"]}
USERS = CRITERIA["4.2"]["rule"]  # its last step: new downloads by the province's size


def _form(data: dict) -> RuleForm:
    return RuleForm(data=data, kind="ladder", max_points=Decimal("10"))


def test_a_step_by_province_size_is_boxes_of_its_row_and_no_json() -> None:
    data = rule_data(USERS)

    assert {k: v for k, v in data.items() if k.startswith("steps-3-") and k[8:] not in ("th", "en")} == {
        "steps-3-code": "8",
        "steps-3-points": "8",
        "steps-3-fact": "new_downloads",
        "steps-3-min_small": "2000",
        "steps-3-min_medium": "4000",
        "steps-3-min_large": "6000",
        "steps-3-count": "on",
    }
    assert "steps" not in data  # nothing left for the JSON box


@pytest.mark.parametrize("code", ["1.3", "4.2"])
def test_every_shipped_ladder_goes_into_boxes_and_back_unchanged(code) -> None:
    rule = CRITERIA[code]["rule"]
    form = _form(rule_data(rule))

    assert form.is_valid(), form.errors
    assert form.rule() == rule


def test_a_step_typed_in_boxes_alone_is_the_rule_the_loader_takes() -> None:
    data = {
        "steps-rows": "2",
        "steps-0-code": "1",
        "steps-0-points": "4",
        "steps-0-th": "ประชุมชี้แจง",
        "steps-1-code": "2",
        "steps-1-points": "10",
        "steps-1-th": "ยอดดาวน์โหลดถึงเป้า",
        "steps-1-fact": "downloads",
        "steps-1-min": "500",
        "steps-1-count": "on",
    }
    form = _form(data)

    assert form.is_valid(), form.errors
    assert form.rule()["steps"][1] == {
        "code": "2",
        "points": "10",
        "th": "ยอดดาวน์โหลดถึงเป้า",
        "data": {"fact": "downloads", "count": True, "min": "500"},
    }
    built = build_rule("ladder", form.rule(), Decimal("10"))
    assert built.fact_names() == ("steps", "downloads")


@pytest.mark.parametrize(
    ("boxes", "refusal"),
    [
        ({"steps-0-min": "500"}, "ขั้น (ขั้นต่ำก่อน) แถวที่ 1: ใส่ชื่อข้อมูลที่วัด หรือเว้นช่องค่าที่ต้องถึงว่างไว้ถ้าติ๊กเอง"),
        (
            {"steps-0-fact": "downloads", "steps-0-min_small": "100"},
            "ขั้น (ขั้นต่ำก่อน) แถวที่ 1: ใส่ค่าที่ต้องถึงค่าเดียว หรือตามขนาดจังหวัดให้ครบทั้งเล็ก กลาง และใหญ่ อย่างใดอย่างหนึ่ง",
        ),
        (
            {"steps-0-fact": "downloads", "steps-0-min": "5", "steps-0-min_small": "1", "steps-0-min_medium": "2",
             "steps-0-min_large": "3"},
            "ขั้น (ขั้นต่ำก่อน) แถวที่ 1: ใส่ค่าที่ต้องถึงค่าเดียว หรือตามขนาดจังหวัดให้ครบทั้งเล็ก กลาง และใหญ่ อย่างใดอย่างหนึ่ง",
        ),
    ],
)  # fmt: skip
def test_a_row_whose_boxes_make_no_step_is_refused_beside_the_steps(boxes, refusal) -> None:
    form = _form({"steps-rows": "1", "steps-0-code": "1", "steps-0-points": "10", **boxes})

    assert not form.is_valid()
    assert [e.split(" / ")[0] for e in form.errors["steps-rows"]] == [refusal]


def test_a_step_the_boxes_cannot_say_stays_json_unchanged() -> None:
    rule = json.loads(json.dumps(USERS))
    rule["steps"][3]["data"]["min_by_size"] = {"small": "2000", "large": "6000"}  # two sizes: the kind's to refuse
    data = rule_data(rule)

    assert json.loads(data["steps"]) == rule["steps"]
    assert "steps-rows" not in data
