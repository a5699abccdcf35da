"""The evidence a criterion asks for, in boxes: file types and the kinds upload times wait for are
ticks, kept in the contest's own order; the innovation report a tick; the criteria counted a box of codes; what
the boxes cannot say stays JSON; half of the upload times is refused beside the box missing, Thai first."""

import json
from decimal import Decimal

from builder.evidence import evidence_data
from builder.rule_data import rule_data
from builder.rule_forms import RuleForm

SUBDISTRICT = json.loads(open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8").read())
NATIONAL = json.loads(open("rubrics/rubric_files/2566.json", encoding="utf-8").read())


def _evidence_of(rubric: dict, wanted: str) -> dict:
    for dim in rubric["dimensions"]:
        for c in dim["criteria"]:
            evidence = c["rule"].get("evidence")
            if evidence and wanted in evidence:
                return c["rule"]
    raise LookupError(wanted)


def test_file_types_are_ticks_shown_in_the_contests_order_then_the_rest() -> None:
    rule = _evidence_of(SUBDISTRICT, "types")
    data = rule_data(rule)
    assert data["evidence-types"] == ["pdf", "docx", "pptx", "mp4", "png", "jpeg"]
    form = RuleForm(data=data, kind=rule["kind"], max_points=Decimal(10))
    assert [v for v, _ in form.fields["evidence-types"].choices] == [*data["evidence-types"], "xlsx"]
    assert form.is_valid(), form.errors
    assert form.rule() == rule


def test_upload_times_are_a_box_of_codes_and_ticks() -> None:
    rule = _evidence_of(NATIONAL, "upload_times")
    assert evidence_data(rule["evidence"]) == {
        "evidence-types": ["pdf", "mp4"],
        "evidence-from": "4.1.1, 4.1.2",
        "evidence-needs": ["pdf", "video"],
    }


def _done(**boxes: object) -> RuleForm:
    return RuleForm(data={"points": "5", **boxes}, kind="done", max_points=Decimal(5))


def test_ticks_and_codes_typed_are_the_rules_evidence() -> None:
    form = _done(**{"evidence-types": ["pdf", "docx"], "evidence-report": "on"})
    assert form.is_valid(), form.errors
    assert form.rule()["evidence"] == {"types": ["pdf", "docx"], "innovation_report": True}


def test_criteria_counted_without_the_kinds_of_file_are_refused_beside_the_ticks() -> None:
    form = RuleForm(
        data={**rule_data(_evidence_of(NATIONAL, "upload_times")), "evidence-needs": []},
        kind=_evidence_of(NATIONAL, "upload_times")["kind"],
        max_points=Decimal(10),
    )
    assert not form.is_valid()
    assert form.errors["evidence-needs"] == ["เลือกชนิดไฟล์ที่ต้องส่งครบก่อนนับเวลา"]


def test_a_kind_that_does_not_read_upload_times_is_refused_beside_the_criteria_counted() -> None:
    form = _done(**{"evidence-from": "1.1", "evidence-needs": ["pdf"]})
    assert not form.is_valid()
    assert form.errors["evidence-from"] == ["เกณฑ์ชนิด done ไม่ได้อ่านเวลาที่อัปโหลด (evidence upload_times)"]


def test_what_the_ticks_cannot_say_stays_json_and_comes_back_unchanged() -> None:
    evidence = {"types": ["pdf"], "innovation_report": False}
    data = {"points": "5", **evidence_data(evidence)}
    assert json.loads(data["evidence"]) == evidence and "evidence-types" not in data
    form = RuleForm(data=data, kind="done", max_points=Decimal(5))
    assert form.is_valid(), form.errors
    assert form.rule()["evidence"] == evidence


def test_ticks_and_json_together_are_refused_beside_the_json() -> None:
    form = _done(**{"evidence-types": ["pdf"], "evidence": '{"types": ["png"]}'})
    assert not form.is_valid()
    assert form.errors["evidence"] == ["หลักฐานที่ขอ: ใช้ช่องหรือ JSON อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง"]
