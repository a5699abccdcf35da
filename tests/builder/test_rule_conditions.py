"""A milestone level's conditions as the builder's rows of boxes (builder/conditions.py): every shape the
milestones kind reads goes into its boxes and comes back unchanged; a date typed in B.E. is stored as ISO; a
row that says too little or too much is refused, Thai first, naming the level and the condition."""

import pytest

from builder.conditions import condition, parts
from rulebook.rules import RuleError

SHAPES = {
    "reported": {"fact": "use_report_on"},
    "by the deadline": {"fact": "use_report_on", "by": "deadline"},
    "by a date": {"fact": "documents_sent_on", "by": "2025-05-31"},
    "by another date": {"fact": "presentation_done_on", "by_fact": "presentation_planned_on"},
    "a count": {"fact": "data_uses", "min": "1"},
    "a share": {"fact": "volunteers", "of": "volunteers_target", "min": "100"},
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_every_shape_round_trips_through_its_boxes(shape: dict) -> None:
    assert condition(parts(shape), "levels 1 when 1", "levels-rows") == shape


def test_a_date_is_shown_in_be_and_a_be_date_typed_is_stored_as_iso() -> None:
    assert parts(SHAPES["by a date"]) == {"fact": "documents_sent_on", "test": "date", "value": "31/05/2568", "of": ""}
    typed = {"fact": "documents_sent_on", "test": "date", "value": "๓๑ พ.ค. ๒๕๖๘"}
    assert condition(typed, "levels 1 when 1", "levels-rows") == SHAPES["by a date"]


def test_a_blank_row_is_no_condition() -> None:
    assert condition({"fact": " ", "test": "", "value": "", "of": ""}, "levels 1 when 2", "levels-rows") is None


REFUSED = {
    "no fact": ({"test": "reported"}, "levels 2 when 1: ต้องระบุชื่อข้อมูล", "levels 2 when 1: name the fact"),
    "no test": ({"fact": "x"}, "levels 2 when 1: ต้องเลือกการตรวจ", "levels 2 when 1: choose a test"),
    "no count": (
        {"fact": "x", "test": "min"},
        "levels 2 when 1: การตรวจนี้ต้องมีค่า",
        "levels 2 when 1: this test needs a value",
    ),
    "a value ignored": (
        {"fact": "x", "test": "deadline", "value": "5"},
        "levels 2 when 1: การตรวจนี้ไม่ใช้ค่า ให้ลบค่าออก",
        "levels 2 when 1: this test takes no value: clear it",
    ),
    "a share of nothing": (
        {"fact": "x", "test": "share", "value": "80"},
        "levels 2 when 1: ร้อยละต้องระบุว่าเป็นร้อยละของข้อมูลใด",
        "levels 2 when 1: a percentage needs the fact it is of",
    ),
    "of on a count": (
        {"fact": "x", "test": "min", "value": "3", "of": "y"},
        "levels 2 when 1: “ของ” ใช้กับร้อยละเท่านั้น",
        "levels 2 when 1: “of” is for a percentage only",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("row", "th", "en"), REFUSED.values(), ids=REFUSED.keys())
def test_a_row_saying_too_little_or_too_much_is_refused_thai_first(row: dict, th: str, en: str) -> None:
    with pytest.raises(RuleError) as refused:
        condition(row, "levels 2 when 1", "levels-rows")
    assert (refused.value.th, refused.value.en, refused.value.field) == (th, en, "levels-rows")


def test_a_date_that_cannot_be_read_is_refused_with_the_date_readers_words() -> None:
    with pytest.raises(RuleError) as refused:
        condition({"fact": "x", "test": "date", "value": "31/13/2568"}, "levels 1 when 1", "levels-rows")
    assert refused.value.th.startswith("levels 1 when 1: ")
    assert "31/13/2568" in refused.value.th
