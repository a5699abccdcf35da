"""One shape for a rule: a kind's parameters are declared once (`Rule.parameters`), the loader's checks,
the builder's hints and the docs' table come from that declaration, and every refusal says where it is
(`Where`: dimension, criterion, parameter, row) as well as what, Thai first."""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from rulebook.rules import KINDS, Rule, RuleError, build_rule
from rulebook.rules.declare import DECIMAL, INT, TABLE, Param, check, markdown
from rulebook.rules.errors import Problem, Where
from rulebook.spec import RubricError, parse_rubric

ROOT = Path(__file__).resolve().parents[2]
VALID = json.loads((ROOT / "rubrics" / "rubric_files" / "chonburi-web-2564.json").read_text(encoding="utf-8"))
VALID.pop("contest")  # the rubric alone (rulebook.spec); the contest block is scoring's
LATE = {"kind": "timeliness", "fact": "received_on", "before": "5", "on_day": "4", "later": "1"}


def test_a_rule_has_no_allowed_list_only_its_declaration() -> None:
    assert not hasattr(Rule, "allowed")
    for kind, cls in KINDS.items():
        assert "allowed" not in vars(cls), kind
    with pytest.raises(RuleError) as caught:
        build_rule("done", {"kind": "done", "points": "5", "pionts": "5"}, Decimal(5))
    assert (caught.value.field, caught.value.th) == ("pionts", "ไม่รู้จักพารามิเตอร์ pionts ของเกณฑ์ชนิด done")


def test_a_missing_parameter_is_a_structured_refusal_naming_it() -> None:
    with pytest.raises(RuleError) as caught:
        build_rule("timeliness", {k: v for k, v in LATE.items() if k != "on_day"}, Decimal(5))
    error = caught.value
    assert (error.field, error.row, error.th, error.en) == (
        "on_day",
        None,
        "ขาดพารามิเตอร์ “on_day”",
        "missing parameter “on_day”",
    )


def test_a_number_over_its_declared_maximum_is_refused_naming_the_parameter_and_row() -> None:
    late = [{"max_working_days": 3, "points": "3"}, {"max_working_days": 400, "points": "2"}]
    with pytest.raises(RuleError) as caught:
        build_rule("timeliness", {**LATE, "late": late}, Decimal(5))
    error = caught.value
    assert (error.field, error.row) == ("late", 2)
    assert (error.th, error.en) == (
        "late 2: max_working_days ต้องไม่เกิน 366",
        "late 2: max_working_days must be at most 366",
    )


def test_the_declaration_checks_bounds_defaults_and_rows_itself() -> None:
    declared = (
        Param("share", DECIMAL, "ส่วน", "share", minimum=Decimal(0), maximum=Decimal(100)),
        Param("spare", DECIMAL, "สำรอง", "spare", required=False, default="0"),
        Param(
            "steps",
            TABLE,
            "ขั้น",
            "steps",
            columns=(Param("days", INT, "วัน", "days", minimum=Decimal(1)),),
            least=2,
            each=("ขั้น", "step"),
        ),
    )
    steps = [{"days": 1}, {"days": 2}]
    assert check(declared, {"share": "50", "steps": steps}) == {
        "share": Decimal(50),
        "spare": Decimal(0),
        "steps": steps,
    }
    refusals = {
        "over": ({"share": "100.5", "steps": steps}, "share", None, "share ต้องไม่เกิน 100"),
        "under": ({"share": "-1", "steps": steps}, "share", None, "share ต้องไม่น้อยกว่า 0"),
        "too few": ({"share": "1", "steps": steps[:1]}, "steps", None, "steps ต้องมีอย่างน้อย 2 ขั้น"),
        "a row": ({"share": "1", "steps": [steps[0], "x"]}, "steps", 2, "steps 2 ต้องเป็นออบเจกต์"),
        "a cell": ({"share": "1", "steps": [steps[0], {"days": 0}]}, "steps", 2,
                   "steps 2: days ต้องเป็นจำนวนเต็ม ไม่น้อยกว่า 1"),
    }  # fmt: skip
    for name, (params, field, row, th) in refusals.items():
        with pytest.raises(RuleError) as caught:
            check(declared, params)
        assert (caught.value.field, caught.value.row, caught.value.th) == (field, row, th), name


def test_a_rubric_refusal_says_where_it_is_as_well_as_what() -> None:
    data = copy.deepcopy(VALID)
    criterion = data["dimensions"][0]["criteria"][0]
    dimension = data["dimensions"][0]["code"]
    criterion["rule"] = {**criterion["rule"], "nonsense": 1}
    with pytest.raises(RubricError) as refused:
        parse_rubric(data)
    (problem,) = [p for p in refused.value.problems if p.where.parameter == "nonsense"]
    assert problem.where == Where(
        f"เกณฑ์ {criterion['code']}",
        f"Criterion {criterion['code']}",
        dimension=dimension,
        criterion=criterion["code"],
        field="rule",
        parameter="nonsense",
    )
    assert problem.th.startswith("ไม่รู้จักพารามิเตอร์ nonsense")
    assert problem.shown in refused.value.messages  # the line a Thai page prints
    assert str(problem).startswith(f"เกณฑ์ {criterion['code']}: ไม่รู้จักพารามิเตอร์ nonsense")


def test_a_criterions_own_key_is_named_as_its_field() -> None:
    data = copy.deepcopy(VALID)
    criterion = data["dimensions"][0]["criteria"][0]
    criterion["max_points"] = "ห้า"
    with pytest.raises(RubricError) as refused:
        parse_rubric(data)
    fields = {(p.where.criterion, p.where.field) for p in refused.value.problems}
    assert (criterion["code"], "max_points") in fields


def test_a_plain_refusal_line_is_still_a_problem_about_nothing_in_particular() -> None:
    error = RubricError(["ไม่พบ / not found"])
    assert error.messages == ["ไม่พบ"]
    assert error.problems == [Problem(Where(), "ไม่พบ", "not found")]
    many = RubricError([f"ข้อ {i} / item {i}" for i in range(60)])
    assert len(many.problems) == len(many.messages) == 51
    assert many.messages[-1].startswith("… และอีก 10 ข้อ")


def test_the_docs_table_says_each_declared_bound_and_hint() -> None:
    doc = (ROOT / "docs" / "rubric-format.md").read_text(encoding="utf-8")
    assert markdown(KINDS) in doc
    assert "`max_working_days` (int, 0 … 366)" in doc
    for cls in KINDS.values():
        for p in cls.parameters:
            if p.help_th:
                assert p.help_th.replace("|", "\\|") in doc, p.name
