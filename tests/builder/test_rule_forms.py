"""The builder's rule form, made from each kind's declaration: every shipped rule goes into the form and
comes back unchanged, and a loader refusal is shown beside the field it is about, Thai first."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from builder.rule_data import rule_data
from builder.rule_forms import RuleForm, kind_choices
from rulebook.rules import KINDS

ROOT = Path(__file__).resolve().parents[2]


def _shipped() -> list[tuple[str, dict, Decimal]]:
    found = []
    for path in sorted((ROOT / "rubrics" / "rubric_files").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        tops = {c["code"]: Decimal(c["max_points"]) for d in data["dimensions"] for c in d["criteria"]}
        for d in data["dimensions"]:
            found += [(f"{path.stem} {c['code']}", c["rule"], tops[c["code"]]) for c in d["criteria"]]
        for period in (data.get("contest") or {}).get("periods") or []:
            for code, c in (period.get("criteria") or {}).items():
                found.append((f"{path.stem} {period['code']} {code}", c["rule"], tops[code]))
    return found


# Letter grades typed by the panel: no shipped rubric has them since seed 004's June is graded from answers
# , yet an organiser can still choose the kind.
GRADE = {"kind": "grade", "grades": {"A": "5", "B": "4", "C": "3", "D": "2"}, "missing": "C"}
SHIPPED = [*_shipped(), ("written grade", GRADE, Decimal(5))]


@pytest.mark.parametrize(("where", "rule", "top"), SHIPPED, ids=[w for w, _, _ in SHIPPED])
def test_every_shipped_rule_round_trips_through_its_form_unchanged(where: str, rule: dict, top: Decimal) -> None:
    form = RuleForm(data=rule_data(rule), kind=rule["kind"], max_points=top)
    assert form.is_valid(), form.errors
    assert form.rule() == rule


def test_the_shipped_and_written_rules_use_every_kind() -> None:
    assert {rule["kind"] for _, rule, _ in SHIPPED} == set(KINDS)
    assert [k for k, _ in kind_choices()] == list(KINDS)


def test_bands_are_a_table_of_rows_with_a_blank_row_to_add_one() -> None:
    form = RuleForm(initial={"bands-rows": 2}, kind="bands", max_points=Decimal(5))
    assert [name for name in form.fields if name.startswith("bands-")] == [
        "bands-rows",
        *(f"bands-{i}-{c}" for i in range(3) for c in ("min", "max", "points")),
    ]


def test_a_bad_band_is_refused_beside_the_bands_in_thai_first() -> None:
    data = {
        "measure": json.dumps({"numerator": "done", "denominator": "all"}),
        **label_rows({"done": ("ทำแล้ว", "done"), "all": ("ทั้งหมด", "all")}),
        "bands-rows": 2, "bands-0-min": "90", "bands-0-points": "ห้า", "bands-1-min": "50", "bands-1-points": "3",
        "otherwise": "0",
    }  # fmt: skip
    form = RuleForm(data=data, kind="bands", max_points=Decimal(5))
    assert not form.is_valid()
    assert form.errors == {"bands-rows": ["bands 1 points ไม่ใช่ตัวเลข: 'ห้า'"]}


def test_a_missing_parameter_is_refused_beside_its_own_box() -> None:
    data = {"fact": "received_on", "before": "5", "on_day": "4"}
    form = RuleForm(data=data, kind="timeliness", max_points=Decimal(5))
    assert not form.is_valid()
    assert form.errors == {"later": ["ขาดพารามิเตอร์ “later”"]}


def test_json_that_is_not_json_is_refused_beside_it() -> None:
    form = RuleForm(data={"points": "5", "evidence": "{oops"}, kind="done", max_points=Decimal(5))
    assert not form.is_valid()
    assert list(form.errors) == ["evidence"]
    assert form.errors["evidence"][0].startswith("evidence ไม่ใช่ JSON ที่ถูกต้อง")


def label_rows(names: dict) -> dict:
    """The facts' names and units as the page's rows: {fact: (th, en[, unit th[, unit en]])}."""
    data = {"labels-rows": len(names)}
    for i, (fact, texts) in enumerate(names.items()):
        data[f"labels-{i}-key"] = fact
        for column, text in zip(("th", "en", "unit_th", "unit_en"), texts, strict=False):
            data[f"labels-{i}-{column}"] = text
    return data


def test_fact_names_and_units_are_rows_of_boxes_and_thai_alone_is_enough() -> None:
    """Labels are rows of their own, not JSON text under "labels"; a unit given in Thai only is the English one too."""
    rows = label_rows({"households": ("ครัวเรือนที่ลงทะเบียน", "", "ครัวเรือน"), "target": ("เป้าหมาย", "target")})
    form = RuleForm(data={"points": "5", **rows}, kind="done", max_points=Decimal(5))
    assert form.is_valid(), form.errors
    assert form.rule()["labels"] == {
        "households": {"th": "ครัวเรือนที่ลงทะเบียน", "unit": {"th": "ครัวเรือน", "en": "ครัวเรือน"}},
        "target": {"th": "เป้าหมาย", "en": "target"},
    }
    assert len(form.tables["labels"]) == 3  # and a blank row for the next fact


def test_a_name_without_its_fact_is_refused_beside_the_rows() -> None:
    data = {"points": "5", "labels-rows": 1, "labels-0-th": "ครัวเรือน"}
    form = RuleForm(data=data, kind="done", max_points=Decimal(5))
    assert form.errors == {"labels-rows": ["ชื่อข้อมูลและหน่วย: ทุกแถวต้องมีชื่อข้อมูลที่เกณฑ์ใช้ (ช่องแรก)"]}


def test_posting_a_table_again_keeps_one_blank_row_to_add_one() -> None:
    data = {"bands-rows": 4, "bands-0-min": "90", "bands-0-points": "5", "otherwise": "0"}
    form = RuleForm(data=data, kind="bands", max_points=Decimal(5))
    assert len(form.tables["bands"]) == 2


def test_a_nested_parameter_past_any_rubrics_depth_is_refused_beside_it() -> None:
    data = {"measure": '{"a": ' * 30 + "1" + "}" * 30, "bands-rows": 1, "bands-0-min": "1", "bands-0-points": "5"}
    form = RuleForm(data={**data, "otherwise": "0"}, kind="bands", max_points=Decimal(5))
    assert form.errors == {"measure": ["measure ซ้อนกันลึกเกิน 20 ชั้น"]}


LEVELS = {"otherwise": "0", **label_rows({"done_on": ("วันที่ทำ", "date done")})}


def level(i: int, grade: str, points: str) -> dict:
    return {f"levels-{i}-grade": grade, f"levels-{i}-points": points, f"levels-{i}-th": f"ระดับ {grade}",
            f"levels-{i}-en": f"level {grade}"}  # fmt: skip


def test_a_levels_conditions_are_rows_of_boxes_with_a_blank_one_to_add_one() -> None:
    rule = {"kind": "milestones", "levels": [
        {"grade": "A", "points": "5", "th": "ก", "en": "a", "when": [{"fact": "done_on", "by": "deadline"}]},
        {"grade": "B", "points": "3", "th": "ข", "en": "b", "when": []},
    ]}  # fmt: skip
    form = RuleForm(initial=rule_data(rule), kind="milestones", max_points=Decimal(5))
    shown = form.sections()[0]["rows"]
    assert [[len(c.condition_rows) for c in row if hasattr(c, "condition_rows")] for row in shown] == [[2], [1], [1]]
    assert [f.value() for _, f in shown[0][-1].condition_rows[0]] == ["done_on", "deadline", "", ""]


def test_a_condition_typed_into_the_blank_boxes_joins_its_level() -> None:
    data = {**LEVELS, "levels-rows": 2, **level(0, "A", "5"), "levels-0-when-rows": 1,
            "levels-0-when-0-fact": "done_on", "levels-0-when-0-test": "date", "levels-0-when-0-value": "20/05/2568",
            **level(1, "B", "3")}  # fmt: skip
    form = RuleForm(data=data, kind="milestones", max_points=Decimal(5))
    assert form.is_valid(), form.errors
    assert [lv["when"] for lv in form.rule()["levels"]] == [[{"fact": "done_on", "by": "2025-05-20"}], []]


def test_a_condition_missing_its_value_is_refused_beside_the_levels_in_thai_first() -> None:
    data = {**LEVELS, "levels-rows": 1, **level(0, "A", "5"), "levels-0-when-rows": 1,
            "levels-0-when-0-fact": "done_on", "levels-0-when-0-test": "by_fact"}  # fmt: skip
    form = RuleForm(data=data, kind="milestones", max_points=Decimal(5))
    assert not form.is_valid()
    assert form.errors == {"levels-rows": ["levels 1 when 1: การตรวจนี้ต้องมีค่า"]}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_box_of_every_table_row_is_named_by_its_column(kind: str) -> None:
    """In a table a box's only name was its column's heading, which names no box for a screen reader (axe-core's
    "label", found on the builder's fact names and units): each row's box carries its column's name."""
    form = RuleForm(kind=kind, max_points=Decimal(5))
    boxes = [form[name] for names in form.tables.get("labels", []) for name in names]
    assert [box.field.widget.attrs.get("aria-label") for box in boxes[:5]] == [
        "ข้อมูล (ชื่อที่ใช้ในเกณฑ์)",
        "ชื่อที่ผู้เข้าประกวดเห็น",
        "ชื่อภาษาอังกฤษ (ไม่บังคับ)",
        "หน่วย (ถ้ามี)",
        "หน่วยภาษาอังกฤษ (ไม่บังคับ)",
    ]
    unnamed = [
        name
        for names in form.tables.values()
        for row in names
        for name in row
        if name in form.fields and 'aria-label="' not in str(form[name])
    ]
    assert unnamed == []
