"""What the contest builder's form starts with: a contest in the rubric format (a shipped contest as a template,
one of the office's own, or a blank one) as the data its page posts back (builder.form.Builder reads it).
What the page has no box for is kept as JSON text beside the boxes, so it comes back unchanged."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.utils.datastructures import MultiValueDict

from builder.bands import bands_to_form
from builder.rounds import rounds_to_form
from builder.rows import to_form as rows_to_form
from builder.rule_data import put_rule
from rulebook.dates import be_date
from rulebook.rules import KINDS

TOP = ("year", "name_th", "name_en", "starts_on", "ends_on", "total_points", "closed_day")
CONTEST = ("slug", "entrant_level")
DIMENSION = ("code", "name_th", "name_en", "max_points")
CRITERION = (
    "code", "number", "name_th", "name_en", "max_points", "deadline",
    "evidence_th", "evidence_en", "channel_th", "channel_en",
)  # fmt: skip
TICKS = ("extra", "nominee")  # a criterion's yes/no settings, each a checkbox (docs/rubric-format.md)
DATES = ("starts_on", "ends_on", "deadline")


# Starting blank: one dimension of one criterion, no awards (a contest may name none, as seed 004's).
BLANK = {
    "tie_break": [], "level_bands": None, "awards": [], "contest": {"entrant_level": "district"},
    "dimensions": [{"code": "1", "criteria": [{"code": "1.1"}]}],
}  # fmt: skip


def _boxes(data: Mapping[str, Any], keys: tuple[str, ...], prefix: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys the page has a box for, and the rest (kept as JSON text). A key given as null or "" stays in
    the rest, so that it comes back as it was."""
    boxes, rest = {}, {}
    for k, v in data.items():
        if k in keys and v not in (None, "") and not isinstance(v, bool):
            boxes[f"{prefix}{k}"] = be_date(v) if k in DATES else str(v)
        else:
            rest[k] = v
    return boxes, rest


def _more(rest: Mapping[str, Any]) -> str:
    return json.dumps(rest, ensure_ascii=False, indent=1) if rest else ""


def to_form(data: Mapping[str, Any]) -> MultiValueDict:
    """The rubric format as the builder's form data (what its page posts back)."""
    form: MultiValueDict[str, str] = MultiValueDict()
    top, rest = _boxes({k: v for k, v in data.items() if k not in ("dimensions", "contest")}, TOP, "")
    for k, v in top.items():
        form[k] = v
    contest = data.get("contest")
    if isinstance(contest, Mapping):
        boxes, contest_rest = _boxes({k: v for k, v in contest.items() if k != "entrants"}, CONTEST, "")
        for k, v in boxes.items():
            form[k] = v
        if isinstance(contest.get("entrants"), list):
            form.setlist("entrants", [str(c) for c in contest["entrants"]])
        elif "entrants" not in contest:
            form["entrants_all"] = "on"
        else:
            contest_rest["entrants"] = contest["entrants"]
        rest["contest"] = contest_rest
    elif "contest" in data:
        rest["contest"] = contest
    rows_to_form(data, rest, rest.get("contest") if isinstance(contest, Mapping) else None, form)
    if bands_to_form(rest.get("level_bands"), "", form):
        rest.pop("level_bands")
    form["more"] = _more(rest)
    dims = data.get("dimensions") or []
    form["dims"] = str(len(dims))
    for i, dim in enumerate(dims):
        boxes, dim_rest = _boxes({k: v for k, v in dim.items() if k != "criteria"}, DIMENSION, f"d{i}-")
        for k, v in boxes.items():
            form[k] = v
        if bands_to_form(dim_rest.get("level_bands"), f"d{i}-", form):
            dim_rest.pop("level_bands")
        form[f"d{i}-more"] = _more(dim_rest)
        criteria = dim.get("criteria") or []
        form[f"d{i}-crits"] = str(len(criteria))
        for j, crit in enumerate(criteria):
            p = f"d{i}c{j}-"
            boxes, crit_rest = _boxes({k: v for k, v in crit.items() if k not in ("rule", *TICKS)}, CRITERION, p)
            for k, v in boxes.items():
                form[k] = v
            for tick in TICKS:
                if crit.get(tick) is True:
                    form[f"{p}{tick}"] = "on"
                elif tick in crit:
                    crit_rest[tick] = crit[tick]
            rule = crit.get("rule")
            if isinstance(rule, Mapping) and rule.get("kind") in KINDS:
                form[f"{p}kind"] = form[f"{p}kind_was"] = rule["kind"]
                put_rule(form, f"{p}r-", rule)
            elif "rule" in crit:
                crit_rest["rule"] = rule
            if rounds_to_form(crit_rest.get("rounds"), p, form):
                crit_rest.pop("rounds")
            form[f"{p}more"] = _more(crit_rest)
    return form
