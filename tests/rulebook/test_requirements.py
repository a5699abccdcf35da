"""The `requirements` kind: what a document requires in words, as questions; the verdict is computed
from the answers, never typed; answers fitting no level are left to the panel (docs/decisions.md, decision 13)."""

from decimal import Decimal

import pytest

from rulebook.rules import Context, RuleError, build_rule
from rulebook.workdays import WorkCalendar

CTX = Context(calendar=WorkCalendar())
SUBDISTRICT = {
    "villages": {"th": "จำนวนหมู่บ้านในตำบล", "en": "villages", "answer": "count"},
    "represented": {"th": "หมู่บ้านที่มีตัวแทน", "en": "villages represented", "answer": "count", "need": "villages"},
    "parts": {"th": "ส่วนของเอกสารสรุป", "en": "parts of the summary", "answer": "count", "need": "3"},
    "minutes": {"th": "มีรายงานการประชุม", "en": "minutes kept", "by": "panel", "need": "yes"},
}
JUNE = {
    "questions": {
        "improved": {"th": "ปรับปรุงความถูกต้องของข้อมูล", "en": "data corrected"},
        "partners": {"th": "ส่งเสริมร่วมกับ", "en": "promoted with", "answer": "choice",
                     "choices": "ทุกภาคีเครือข่ายในพื้นที่; หน่วยงานระดับอำเภอ; ไม่มี",
                     "choices_en": "every partner; district; none"},
    },
    "levels": [
        {"grade": "A", "points": "5", "when": "improved=yes, partners=1"},
        {"grade": "B", "points": "4", "when": "partners=2"},
        {"grade": "C", "points": "3", "when": "partners=1"},
    ],
}  # fmt: skip


def _rule(questions=SUBDISTRICT, top="20", **more):
    return build_rule("requirements", {"questions": questions, **more}, Decimal(top))


def test_every_requirement_met_gives_the_points_and_says_each_one():
    score = _rule().evaluate({"villages": "8", "represented": "8", "parts": "4", "confirmed": "minutes"}, CTX)
    assert (score.points, score.th) == (
        20,
        "ผ่านทุกเงื่อนไข (หมู่บ้านที่มีตัวแทน 8 ≥ จำนวนหมู่บ้านในตำบล 8; ส่วนของเอกสารสรุป 4 ≥ 3; มีรายงานการประชุม: ใช่) → 20 คะแนน",
    )


def test_a_requirement_not_met_says_which_with_its_figures():
    score = _rule().evaluate({"villages": "8", "represented": "7", "parts": "2"}, CTX)
    assert (score.points, score.th) == (
        0,
        "ไม่ผ่าน: หมู่บ้านที่มีตัวแทน 7 < จำนวนหมู่บ้านในตำบล 8; ส่วนของเอกสารสรุป 2 < 3; "
        "มีรายงานการประชุม: คณะกรรมการยังไม่ได้ตรวจ → 0 คะแนน",
    )
    assert score.en == (
        "not met: villages represented 7 < villages 8; parts of the summary 2 < 3; "
        "minutes kept: not yet checked by the panel → 0 points"
    )


def test_the_panel_ticks_its_own_questions_and_the_entrant_answers_the_rest():
    rule = _rule()
    assert (rule.committee_judges, rule.tick_fact) == (True, "confirmed")
    assert rule.tickable_items() == [("minutes", rule.questions["minutes"].text)]
    assert [q.code for q in rule.entrant_questions()] == ["villages", "represented", "parts"]
    assert rule.data_facts() == ("villages", "represented", "parts")
    assert rule.levels() == (0, 20)
    computed = _rule({k: v for k, v in SUBDISTRICT.items() if k != "minutes"})
    assert (computed.committee_judges, computed.fact_names()) == (False, ("villages", "represented", "parts"))


def test_answers_give_the_first_level_they_meet_and_a_misfit_is_left_to_the_panel():
    rule = build_rule("requirements", JUNE, Decimal(5))
    grades = [
        rule.evaluate(facts, CTX).points
        for facts in (
            {"improved": "ใช่", "partners": "1"},
            {"improved": "ไม่ใช่", "partners": "1"},
            {"improved": "ใช่", "partners": "2"},
        )
    ]
    assert grades == [5, 3, 4]
    misfit = rule.evaluate({"improved": "ใช่", "partners": "3"}, CTX)
    assert (misfit.points, misfit.en) == (
        0,
        "data corrected: yes; promoted with: none: fits no level of the document → needs a decision → 0 points",
    )
    half = rule.evaluate({"improved": "ใช่"}, CTX)
    assert half.th == "ปรับปรุงความถูกต้องของข้อมูล: ใช่ → ยังตอบไม่ครบ → 0 คะแนน"
    assert rule.level_labels() == {Decimal(5): "ระดับ A", Decimal(4): "ระดับ B", Decimal(3): "ระดับ C"}


def test_an_answer_that_is_no_answer_is_refused_by_the_question_s_name():
    rule = build_rule("requirements", JUNE, Decimal(5))
    score = rule.evaluate({"improved": "ใช่", "partners": "4"}, CTX)
    assert score.th == (
        "ส่งเสริมร่วมกับ ต้องเป็นหมายเลขตัวเลือก (1 ทุกภาคีเครือข่ายในพื้นที่; 2 หน่วยงานระดับอำเภอ; 3 ไม่มี) แต่ได้รับ “4” → 0 คะแนน"
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ({"th": "ก", "answer": "number"}, "questions q: answer ต้องเป็น yes_no, count, year หรือ choice แต่ได้รับ “number”"),
        ({"th": "ก", "by": "committee"}, "questions q: by ต้องเป็น entrant หรือ panel แต่ได้รับ “committee”"),
        ({"th": "ก", "by": "panel", "answer": "count"}, "questions q: คณะกรรมการตอบได้เฉพาะคำถาม ใช่/ไม่ใช่"),
        ({"th": "ก", "answer": "choice", "choices": "เดียว"},
         "questions q: คำถามแบบเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ (คั่นด้วย ;) และแบบอื่นไม่มีตัวเลือก"),
        ({"th": "ก", "answer": "count", "need": "หลายข้อ"},
         "questions q: need “หลายข้อ” ใช้ไม่ได้กับคำตอบแบบ count (ใช่/ไม่ใช่: yes; จำนวนหรือปี: ตัวเลขหรือรหัสข้ออื่นแบบเดียวกัน; "
         "ตัวเลือก: หมายเลขตัวเลือก)"),
    ],
)  # fmt: skip
def test_a_question_the_rule_cannot_ask_is_refused_in_words(question, said):
    with pytest.raises(RuleError) as caught:
        _rule({"q": question})
    assert (caught.value.th, caught.value.field) == (said, "questions")


def test_a_level_must_name_a_question_it_can_read():
    with pytest.raises(RuleError) as caught:
        levels = [{"grade": "A", "points": "5", "when": "partners=9"}]
        build_rule("requirements", {**JUNE, "levels": levels}, Decimal(5))
    assert (caught.value.th, caught.value.field, caught.value.row) == (
        "levels 1: เงื่อนไข “partners=9” ต้องเป็นรหัสคำถามที่มีสิ่งที่กำหนด หรือ รหัส=คำตอบที่ตอบได้",
        "levels",
        1,
    )


def _shipped_with(code: str, **changes) -> dict:
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).parents[2] / "rubrics/rubric_files/model-subdistrict-2565.json").read_text())
    criterion = next(c for d in data["dimensions"] for c in d["criteria"] if c["code"] == code)
    criterion.update(changes)
    return data


def test_only_a_condition_may_be_worth_no_points():
    from rulebook.spec import RubricError, parse_rubric

    spec = parse_rubric(_shipped_with("1.2"))
    gate = spec.criterion("1.2")
    assert (gate.max_points, gate.rule.verdict_only(), gate.rule.committee_judges) == (0, True, True)
    met = gate.rule.evaluate({"villages": "8", "represented": "8", "confirmed": "minutes"}, CTX)
    assert (met.points, met.th) == (
        0,
        "ผ่านทุกเงื่อนไข (หมู่บ้านที่มีตัวแทนในโครงสร้างการดำเนินงานอย่างน้อย ๑ คน 8 ≥ จำนวนหมู่บ้านในตำบล 8; "
        "มีรายงานการประชุมการดำเนินงาน: ใช่); เป็นเงื่อนไข ไม่มีคะแนน → 0 คะแนน",
    )
    with pytest.raises(RubricError) as caught:
        parse_rubric(_shipped_with("1.2", rule={"kind": "points"}))
    assert caught.value.messages == ["เกณฑ์ 1.2: คะแนนเต็มต้องมากกว่า 0 (0 ได้เฉพาะเกณฑ์ชนิดเงื่อนไขตามเอกสาร ที่ไม่มีระดับ)"]


def test_a_year_is_read_as_a_year_b_e_and_said_without_a_comma():
    gate = build_rule("requirements", {"questions": {"bmn": {"th": "ปีข้อมูล จปฐ.", "answer": "year", "need": "2564"}}},
                      Decimal(0))  # fmt: skip
    assert gate.evaluate({"bmn": "๒๕๖๓"}, CTX).th == "ไม่ผ่าน: ปีข้อมูล จปฐ. 2563 ≠ 2564; เป็นเงื่อนไข ไม่มีคะแนน → 0 คะแนน"
    assert gate.evaluate({"bmn": "2021"}, CTX).th == "ปีข้อมูล จปฐ. ต้องเป็นปี พ.ศ. เช่น 2564 แต่ได้รับ “2021” → 0 คะแนน"


def test_a_required_year_is_that_year_not_a_later_one():
    # Seed 002: "ใช้ข้อมูล จปฐ. และข้อมูล กชช.2ค ปี 2564": the 2565 data is not the 2564 data.
    gate = build_rule("requirements", {"questions": {"bmn": {"th": "ปีข้อมูล จปฐ.", "answer": "year", "need": "2564"}}},
                      Decimal(0))  # fmt: skip
    assert gate.evaluate({"bmn": "2565"}, CTX).th == "ไม่ผ่าน: ปีข้อมูล จปฐ. 2565 ≠ 2564; เป็นเงื่อนไข ไม่มีคะแนน → 0 คะแนน"
    met = "ผ่านทุกเงื่อนไข (ปีข้อมูล จปฐ. 2564 = 2564); เป็นเงื่อนไข ไม่มีคะแนน → 0 คะแนน"
    assert gate.evaluate({"bmn": "2564"}, CTX).th == met


def test_only_answers_that_fit_no_row_need_the_panel_s_decision():
    rule = build_rule("requirements", JUNE, Decimal(5))
    assert rule.may_need_decision() and not _rule().may_need_decision()
    assert rule.needs_decision({"improved": "yes", "partners": "3"})  # every question answered, no row fits
    assert not rule.needs_decision({"improved": "yes", "partners": "1"})  # A
    assert not rule.needs_decision({"improved": "yes"})  # not every question answered yet: the entrant's turn
    assert not rule.needs_decision({"improved": "yes", "partners": "9"})  # unreadable: refused, not the panel's
