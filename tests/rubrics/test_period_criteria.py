"""A period's own criteria (docs/rubric-format.md, `contest.periods[].criteria`): seed 004's months each score
4.1.1 by their own rule, checked as a whole rubric is and stored in that period's rubric only."""

import copy
import json

import pytest

from rubrics import services
from rubrics.contest_spec import parse_rubric_file
from rulebook.spec import RubricError
from tests.factories import DistrictFactory

UBON = json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read())


def with_april(**criteria: object) -> dict:
    data = copy.deepcopy(UBON)
    data["contest"]["periods"][0]["criteria"] = criteria
    return data


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        (
            {"9.9": {"rule": {"kind": "done", "points": "5"}}},
            "รอบ “2568-04”: ไม่มีเกณฑ์ 9.9",
        ),
        (
            {"4.1.1": {"max_points": "10"}},
            "รอบ “2568-04”: ไม่รู้จัก max_points (ใช้ได้: deadline, evidence_en, evidence_th, rule)",
        ),
        (
            {"4.1.1": {"rule": {"kind": "grade", "grades": {"A": "4", "B": "3"}}}},
            "รอบ “2568-04”: เกณฑ์ 4.1.1: คะแนนสูงสุดที่ทำได้คือ 4 ไม่เท่ากับคะแนนเต็ม 5",
        ),
    ],
)
def test_a_periods_criteria_are_checked_and_name_the_period(criteria: dict, message: str) -> None:
    with pytest.raises(RubricError) as refused:
        parse_rubric_file(with_april(**criteria))
    assert any(m.startswith(message) for m in refused.value.messages), refused.value.messages


def test_each_period_keeps_its_own_rule_and_texts(db, chiang_mai):
    districts = [DistrictFactory(parent=chiang_mai, dopa_code=f"506{n}") for n in (1, 2)]
    data = copy.deepcopy(UBON)
    data["contest"] |= {"slug": "cm-milestones-2568", "organiser": "50", "entrants": [d.code for d in districts]}
    first = services.rubric_load(data=data)
    stored = {
        r.period: r.criteria.get(code="4.1.1") for r in first.contest.rubrics.all()
    }  # one rubric per month, 4.1.1 in each
    kinds = {p: (c.rule["kind"], [lv["grade"] for lv in c.rule.get("levels", [])]) for p, c in stored.items()}
    assert kinds == {
        "2568-04": ("milestones", ["A", "B", "C", "D"]),
        "2568-05": ("milestones", ["A", "B", "C"]),
        "2568-06": ("requirements", ["A", "B", "C"]),
        "2568-07": ("milestones", ["A", "B", "C"]),
        "2568-08": ("milestones", ["A", "B", "C"]),
        "2568-09": ("milestones", ["A", "B", "C"]),
    }
    assert stored["2568-04"].evidence_th.startswith("เม.ย. ๒๕๖๘: A มีแผนดำเนินการนำเสนอ")
    assert stored["2568-07"].evidence_th.startswith("ก.ค.–ก.ย. ๒๕๖๘: A สรุปรายงานการใช้ประโยชน์ข้อมูล")
    assert stored["2568-07"].deadline.isoformat() == "2025-07-20"  # the period's 20th, moved when scored
