"""Rule registry: a rubric criterion's "rule" object becomes a Rule by its "kind"."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from rulebook.rules.base import Rule
from rulebook.rules.deadlines import Deadlines
from rulebook.rules.errors import FactError, RuleError
from rulebook.rules.ladder import Ladder
from rulebook.rules.milestones import Milestones
from rulebook.rules.ratio_bands import Bands, Ratio
from rulebook.rules.requirements import Requirements
from rulebook.rules.simple import Checklist, Choice, Done, Grade, ItemsCount, Points
from rulebook.rules.table import Table
from rulebook.rules.timeliness import Timeliness
from rulebook.rules.values import DEFAULT_ROUNDING, Context, Rounding, Score

_CLASSES: tuple[type[Rule], ...] = (
    Done,
    ItemsCount,
    Checklist,
    Choice,
    Grade,
    Points,
    Ratio,
    Bands,
    Table,
    Ladder,
    Timeliness,
    Deadlines,
)
_CLASSES += (Requirements, Milestones)
KINDS: dict[str, type[Rule]] = {cls.kind: cls for cls in _CLASSES}

__all__ = ["KINDS", "Context", "FactError", "Rounding", "Rule", "RuleError", "Score", "build_rule"]


def build_rule(
    kind: str, params: Mapping[str, Any], max_points: Decimal, rounding: Rounding = DEFAULT_ROUNDING
) -> Rule:
    """Build a rule; bad parameters raise RuleError (Thai first). Reachability is spec's job.
    `rounding` is the rubric's (docs/rubric-format.md); the default is the national manual's."""
    cls = KINDS.get(kind)
    if cls is None:
        known = ", ".join(KINDS)
        raise RuleError(f"ไม่รู้จักชนิดเกณฑ์ “{kind}” (ใช้ได้: {known})", f"unknown rule kind “{kind}” (known: {known})")
    if not isinstance(params, Mapping):
        raise RuleError("rule ต้องเป็นออบเจกต์", "rule must be an object")
    rule = cls(params, max_points)
    rule.rounding = rounding
    return rule
