"""Each kind declares its parameters (rulebook/rules/declare.py): the loader refuses against the declaration,
naming the parameter, Thai first, and docs/rubric-format.md's table is the declarations' own."""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from rubrics.contest_spec import parse_rubric_file
from rulebook.rules import KINDS, RuleError, build_rule
from rulebook.rules.declare import DECIMAL, TABLE, TYPES, with_table

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "rubrics" / "rubric_files").glob("*.json"))


def _shipped_rules() -> dict[str, list[tuple[dict, Decimal]]]:
    found: dict[str, list[tuple[dict, Decimal]]] = {}
    for path in SHIPPED:
        data = json.loads(path.read_text(encoding="utf-8"))
        tops = {c["code"]: Decimal(c["max_points"]) for dim in data["dimensions"] for c in dim["criteria"]}
        for dim in data["dimensions"]:
            for c in dim["criteria"]:
                found.setdefault(c["rule"]["kind"], []).append((c["rule"], tops[c["code"]]))
        for period in (data.get("contest") or {}).get("periods") or []:
            for code, c in (period.get("criteria") or {}).items():
                found.setdefault(c["rule"]["kind"], []).append((c["rule"], tops[code]))
    return found


RULES = _shipped_rules()
EXAMPLE = {
    **{kind: found[0] for kind, found in RULES.items()},
    "ratio": ({"kind": "ratio", "numerator": "n", "denominator": "d", "weight": "5"}, Decimal(5)),
    "grade": ({"kind": "grade", "grades": {"A": "5", "B": "4", "C": "3"}}, Decimal(5)),
}


def test_every_kind_declares_a_title_and_its_parameters_once() -> None:
    for kind, cls in KINDS.items():
        assert cls.title.th and cls.title.en, kind
        assert not hasattr(cls, "allowed"), kind  # the accepted keys are the declared parameters' names
        for p in cls.parameters:
            assert p.type in TYPES and p.th and p.en, (kind, p.name)


def test_every_kind_has_a_shipped_or_written_example() -> None:
    assert set(EXAMPLE) == set(KINDS)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_rubric_still_loads(path: Path) -> None:
    spec = parse_rubric_file(json.loads(path.read_text(encoding="utf-8")))
    assert spec.dimensions


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_missing_required_parameter_is_refused_naming_it(kind: str) -> None:
    params, top = EXAMPLE[kind]
    required = [p for p in KINDS[kind].parameters if p.required]
    if not required:  # `points` reads nothing: an unknown parameter is what it can get wrong
        with pytest.raises(RuleError) as caught:
            build_rule(kind, {**params, "weight": "5"}, top)
        assert caught.value.field == "weight"
        assert caught.value.th == "ไม่รู้จักพารามิเตอร์ weight ของเกณฑ์ชนิด points"
        return
    name = required[0].name
    broken = {k: v for k, v in params.items() if k != name}
    with pytest.raises(RuleError) as caught:
        build_rule(kind, broken, top)
    assert caught.value.field == name
    assert caught.value.th == f"ขาดพารามิเตอร์ “{name}”"


def _bad_number(kind: str, params: dict) -> tuple[dict, str, str]:
    """The example with its first declared number (a parameter or a table's column) made "ห้า"."""
    broken = copy.deepcopy(params)
    for p in KINDS[kind].parameters:
        if p.type == DECIMAL:
            broken[p.name] = "ห้า"
            return broken, p.name, p.name
        if p.type == TABLE and broken.get(p.name):
            for column in p.columns:
                if column.type == DECIMAL and column.name in broken[p.name][0]:
                    broken[p.name][0][column.name] = "ห้า"
                    return broken, p.name, f"{p.name} 1 {column.name}"
    raise LookupError(kind)


NUMBERED = sorted(k for k, cls in KINDS.items() if any(p.type in (DECIMAL, TABLE) for p in cls.parameters))


@pytest.mark.parametrize("kind", NUMBERED)
def test_a_number_that_is_not_one_is_refused_naming_its_field(kind: str) -> None:
    params, top = EXAMPLE[kind]
    broken, field, what = _bad_number(kind, params)
    with pytest.raises(RuleError) as caught:
        build_rule(kind, broken, top)
    assert caught.value.field == field
    assert caught.value.th == f"{what} ไม่ใช่ตัวเลข: 'ห้า'"


def test_a_late_step_in_negative_days_is_refused_as_before() -> None:
    params = {"kind": "timeliness", "fact": "received_on", "before": "5", "on_day": "4", "later": "1",
              "late": [{"max_working_days": -1, "points": "3"}]}  # fmt: skip
    with pytest.raises(RuleError) as caught:
        build_rule("timeliness", params, Decimal(5))
    assert (caught.value.field, caught.value.th) == ("late", "late 1: max_working_days ต้องเป็นจำนวนเต็มไม่ติดลบ")


def test_a_nameless_checklist_item_is_refused_in_the_kinds_words() -> None:
    params = {"kind": "checklist", "items": {"a": {"points": "1", "th": "ก"}}}
    with pytest.raises(RuleError) as caught:
        build_rule("checklist", params, Decimal(1))
    assert (caught.value.field, caught.value.th) == ("items", "items a ต้องมีชื่อภาษาไทย (th) และอังกฤษ (en)")


def test_the_documented_parameter_table_is_the_declarations_own() -> None:
    doc = (ROOT / "docs" / "rubric-format.md").read_text(encoding="utf-8")
    assert with_table(doc, KINDS) == doc, "run manage.py rubric_params_doc"


def test_the_doc_command_refuses_a_stale_table_when_checking(tmp_path, monkeypatch) -> None:
    from rubrics.management.commands import rubric_params_doc

    stale = tmp_path / "rubric-format.md"
    doc = (ROOT / "docs" / "rubric-format.md").read_text(encoding="utf-8")
    stale.write_text(doc.replace("| `done` | ทำ", "| `done?` | ทำ", 1), encoding="utf-8")
    monkeypatch.setattr(rubric_params_doc, "DOC", stale)
    with pytest.raises(CommandError):
        call_command("rubric_params_doc", "--check")
    call_command("rubric_params_doc")
    assert stale.read_text(encoding="utf-8") == doc
