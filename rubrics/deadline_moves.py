"""A criterion's deadline moves, read from its contest's change history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rubrics.models import ContestPeriod, RubricChange
from rulebook.dates import parse_date
from rulebook.rounds import Move


@dataclass(frozen=True)
class DeadlineMove:
    """A criterion's deadline moved by a change of the contest's rules: the dates, the reason, when, the
    Department's letter it was moved by (number, date, whether its PDF is kept: `change` names the record the
    PDF is served from), who moved it (`by`, shown to whoever runs the contest, not to its entrants) and the
    rounds it left on their dates (`kept`: numbered from 1 in the rubric's order; none: every round due on the old
    date moved)."""

    code: str
    old: date | None
    new: date | None
    reason: str
    at: datetime
    letter_number: str = ""
    letter_date: date | None = None
    letter_pdf: bool = False
    change: int | None = None
    by: str = ""
    kept: tuple[int, ...] = ()

    @property
    def kept_numbers(self) -> str:
        """The kept rounds' numbers as a page lists them: "1, 2" (its template writes them in Thai digits)."""
        return ", ".join(map(str, self.kept))


def deadline_moves(rubric: ContestPeriod) -> dict[str, list[DeadlineMove]]:
    """criterion code → its deadline's moves in this rubric's period, newest first (RubricChange keeps them as
    rulebook.diff says them; a contest's creation, {"created": true}, has no periods). 1 query."""
    found: dict[str, list[DeadlineMove]] = {}
    changes = RubricChange.objects.filter(contest_id=rubric.contest_id).order_by("-at", "-pk")
    rows = changes.values_list(
        "pk", "reason", "at", "changes", "letter_number", "letter_date", "letter_file", "user__username",
        "user__first_name", "user__last_name", "rounds_kept",
    )  # fmt: skip
    for pk, reason, at, diff, number, day, pdf, username, first, last, kept in rows:
        by = f"{first or ''} {last or ''}".strip() or (username or "")
        stay = {k["code"]: tuple(k["rounds"]) for k in kept or [] if k.get("period") == rubric.period}
        for period in (diff or {}).get("periods") or []:
            if period.get("period") != rubric.period:
                continue
            for c in (period.get("criteria") or {}).get("changed") or []:
                for f in c.get("fields") or []:
                    if f.get("field") == "deadline":
                        old, new = _day(f.get("old")), _day(f.get("new"))
                        move = DeadlineMove(
                            c["code"], old, new, reason, at, number, day, bool(pdf), pk, by, stay.get(c["code"], ())
                        )
                        found.setdefault(c["code"], []).append(move)
    return found


def round_moves(moves: list[DeadlineMove]) -> list[Move]:
    """A criterion's moves (as `deadline_moves` gives them, newest first) as its rounds follow them, oldest first
    (`rulebook.rounds.rounds_moved`)."""
    return [Move(m.old, m.new, frozenset(m.kept)) for m in reversed(moves)]


def _day(value: str | None) -> date | None:
    return parse_date(value) if value else None
