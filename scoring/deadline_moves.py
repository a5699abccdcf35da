"""A criterion's deadline moves, read from its contest's change history for the office that must send by it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rulebook.dates import parse_date
from scoring.models import Rubric, RubricChange


@dataclass(frozen=True)
class DeadlineMove:
    """A criterion's deadline moved by a change of the contest's rules: what its office is owed of the
    change history (the dates, the reason and when), not who changed it nor the rest of the change."""

    code: str
    old: date | None
    new: date | None
    reason: str
    at: datetime


def deadline_moves(rubric: Rubric) -> dict[str, list[DeadlineMove]]:
    """criterion code → its deadline's moves in this rubric's period, newest first (RubricChange keeps them as
    rulebook.diff says them; a contest's creation, {"created": true}, has no periods). 1 query."""
    found: dict[str, list[DeadlineMove]] = {}
    changes = RubricChange.objects.filter(contest_id=rubric.contest_id).order_by("-at", "-pk")
    for reason, at, diff in changes.values_list("reason", "at", "changes"):
        for period in (diff or {}).get("periods") or []:
            if period.get("period") != rubric.period:
                continue
            for c in (period.get("criteria") or {}).get("changed") or []:
                for f in c.get("fields") or []:
                    if f.get("field") == "deadline":
                        move = DeadlineMove(c["code"], _day(f.get("old")), _day(f.get("new")), reason, at)
                        found.setdefault(c["code"], []).append(move)
    return found


def _day(value: str | None) -> date | None:
    return parse_date(value) if value else None
