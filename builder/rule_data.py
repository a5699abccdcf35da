"""A rubric's rule as the builder's form data: what `RuleForm` (builder/rule_forms.py) is filled with,
and reads back into the same rule, unchanged (tests/builder/test_rule_forms.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from builder import conditions as rule_conditions
from builder import evidence
from builder.fact_labels import labels_data
from builder.rule_forms import columns_of, shape_of
from rulebook.rules import KINDS
from rulebook.rules.declare import CONDITIONS, FLAG, GROUP, ITEMS, OBJECT, POINTS_BY, TABLE, Param


def rule_data(rule: Mapping[str, Any]) -> dict[str, Any]:
    """A rubric's rule as RuleForm data (what the builder's form is filled with)."""
    data: dict[str, Any] = {}
    for p in KINDS[rule["kind"]].parameters:
        value = rule.get(p.name)
        if value is None:
            continue
        lines = rule_conditions
        if (shape := shape_of(p)) is not None:
            if shape.rows(value) is None:
                data[p.name] = json.dumps(value, ensure_ascii=False, indent=1)
                continue
            p, value, lines = shape.table(p), shape.rows(value), shape.lines
        if p.type in (TABLE, ITEMS, POINTS_BY):
            if p.type == POINTS_BY:
                rows = [{"key": k, "points": v} for k, v in value.items()]
            elif p.type == ITEMS:
                rows = [{"key": k, **v} for k, v in value.items()]
            else:
                rows = list(value)
            data[f"{p.name}-rows"] = len(rows)
            for i, row in enumerate(rows):
                for column in columns_of(p):
                    if row.get(column.name) is None:
                        continue
                    name = f"{p.name}-{i}-{column.name}"
                    if column.type == CONDITIONS:
                        data[f"{name}-rows"] = len(row[column.name])
                        for j, found in enumerate(row[column.name]):
                            for part, text in lines.parts(found).items():
                                data[f"{name}-{j}-{part}"] = text
                    else:
                        data[name] = _text(column, row[column.name], cell=True)
        elif p.type == GROUP:
            for column in p.columns:
                if value.get(column.name) is not None:
                    data[f"{p.name}-{column.name}"] = _text(column, value[column.name])
        else:
            data[p.name] = _text(p, value)
    data |= labels_data(rule.get("labels") or {})
    data |= evidence.evidence_data(rule.get("evidence"))
    return data


def put_rule(form: Any, prefix: str, rule: Mapping[str, Any]) -> None:
    """A rubric's rule into the builder's posted form (a MultiValueDict) under `prefix`; ticks as several values."""
    for name, value in rule_data(rule).items():
        form.setlist(f"{prefix}{name}", [str(v) for v in value] if isinstance(value, list) else [str(value)])


def _text(p: Param, value: Any, *, cell: bool = False) -> Any:
    if p.type == OBJECT:  # a table's cell on one line, as its row reads ("when": a level's conditions)
        return json.dumps(value, ensure_ascii=False, indent=None if cell else 1)
    if p.type == FLAG:
        return "on" if value else ""
    return str(value)
