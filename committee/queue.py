"""The committee's work as a queue: every judged cell where the unit has sent evidence, criterion by
criterion or unit by unit, within the matrix's filters; how much of it each member has left. A unit with
no evidence for a criterion has nothing to judge, so the queue never stops there."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from contests.models import Contest, Unit
from contests.seats import panel_office
from contests.tree import lines_of
from scoring.models import Rubric
from scoring.selectors import rubric_spec

from .models import Judgment
from .querysets import units_for_member
from .selectors import conflicts_of, evidence_cells, judged_cells, judges_of, unit_matches

# The matrix's filters, and the queue's order: carried from the matrix through every scoring screen and
# "next" and back again, so a member working through one dimension or one province never loses it.
FILTERS = ("dimension", "criterion", "province", "status", "by")


def trail(filters: dict[str, str]) -> str:
    return urlencode({k: v for k, v in filters.items() if v})


def matrix_url(rubric: Rubric, filters: dict[str, str]) -> str:
    extra = trail(filters)
    return reverse("admin:committee_matrix") + f"?year={rubric.key}" + (f"&{extra}" if extra else "")


def next_url(rubric: Rubric, filters: dict[str, str], after: tuple[str, str] | None = None) -> str:
    query = {"year": rubric.key}
    if after:
        query.update(after_unit=after[0], after_criterion=after[1])
    extra = trail(filters)
    return reverse("admin:committee_next") + "?" + urlencode(query) + (f"&{extra}" if extra else "")


BY = ("criterion", "province")  # the queue's orders: one criterion across all units, or one unit at a time


@dataclass(frozen=True)
class Progress:
    who: str
    done: int
    total: int

    @property
    def left(self) -> int:
        return self.total - self.done


def judged_codes(rubric: Rubric, *, dimension: str = "", criterion: str = "") -> list[str]:
    """The criteria a member scores (data criteria are computed), in rubric order, within the filters."""
    return [
        c.code
        for c in rubric_spec(rubric).criteria()
        if c.rule.committee_judges
        and (not dimension or c.dimension == dimension)
        and (not criterion or c.code == criterion)
    ]


def units_for(user, rubric: Rubric, query: str = "") -> list[Unit]:
    """The units this user judges here (conflicts left out), by code, matching the matrix's unit filter."""
    units = units_for_member(user, rubric).order_by("code")
    return [u for u in units if unit_matches(u, query)] if query.strip() else list(units)


def _cells(
    user, rubric: Rubric, filters: dict, evidence: set[tuple[int, str]] | None = None
) -> tuple[list[Unit], list[str], set[tuple[int, str]]]:
    units = units_for(user, rubric, filters.get("province", ""))
    codes = judged_codes(rubric, dimension=filters.get("dimension", ""), criterion=filters.get("criterion", ""))
    return units, codes, evidence_cells(rubric) if evidence is None else evidence


def next_with_evidence(
    user, rubric: Rubric, *, after: tuple[str, str] | None = None, by: str = "criterion", filters: dict | None = None
) -> tuple[str, str] | None:
    """(unit code, criterion code) after `after` that has evidence and this member has not scored yet,
    wrapping round; None when nothing is left. `by` "criterion": one criterion across every unit first
    (one sitting, one yardstick); "province": every criterion of one unit first. 4 queries."""
    units, codes, evidence = _cells(user, rubric, filters or {})
    done = set(Judgment.objects.filter(rubric=rubric, member=user).values_list("unit_id", "criterion__code"))
    if by == "province":
        order = [(u, c) for u in units for c in codes]
    else:
        order = [(u, c) for c in codes for u in units]
    keys = [(u.code, c) for u, c in order]
    start = keys.index(after) + 1 if after in keys else 0
    for u, c in order[start:] + order[:start]:
        if (u.pk, c) in evidence and (u.pk, c) not in done and (u.code, c) != after:
            return u.code, c
    return None


def own_progress(user, rubric: Rubric, evidence: set[tuple[int, str]] | None = None) -> Progress:
    """How much of the whole contest this member has left: cells with evidence, scored or not. 2 queries
    when given `evidence_cells` (the matrix has them already), else 3."""
    units, codes, found = _cells(user, rubric, {}, evidence)
    mine = {(u.pk, c) for u in units for c in codes} & found
    scored = judged_cells(rubric, [user.pk]).get(user.pk, set())
    return Progress(user.get_username(), len(mine & scored), len(mine))


def _own_units(contest: Contest, office: int | None) -> set[int]:
    """The panel member's own office, whose units they never judge (contests.seats.panel_office), as a set."""
    own = panel_office(contest, office)
    return set() if own is None else {own}


def members_progress(rubric: Rubric, evidence: set[tuple[int, str]] | None = None) -> list[Progress]:
    """Every judge's progress, for the chair and whoever runs the contest: cells with evidence in the units
    each may judge: less those at or under a unit they are conflicted on and, on a panel, their own office's
    units (contests.tree). 3 queries with `evidence`; a 4th, each unit's line, only if a judge is barred."""
    judges = judges_of(rubric)
    ids = [pk for pk, _, _ in judges]
    codes = set(judged_codes(rubric))
    found = evidence_cells(rubric) if evidence is None else evidence
    evidence = {(p, c) for p, c in found if c in codes}
    scored, conflicts = judged_cells(rubric, ids), conflicts_of(ids)
    barred = {pk: conflicts.get(pk, set()) | _own_units(rubric.contest, office) for pk, _, office in judges}
    lines = lines_of({unit for unit, _ in evidence}) if any(barred.values()) else {}
    out = []
    for pk, name, _ in judges:
        theirs = {cell for cell in evidence if not barred[pk] or not lines[cell[0]] & barred[pk]}
        out.append(Progress(name, len(theirs & scored.get(pk, set())), len(theirs)))
    return out
