"""The committee's work as a queue: every judged cell where the unit has sent evidence, criterion by
criterion or unit by unit, within the matrix's filters; how much of it each member has left. A unit with
no evidence for a criterion has nothing to judge, so the queue never stops there."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils.http import urlencode

from contests.models import Contest, Unit
from contests.seats import panel_office
from contests.tree import lines_of
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from submissions.selectors import evidence_pairs  # the evidence portal's own scope

from .models import Judgment
from .querysets import units_for_member
from .selectors import conflicts_of, evidence_cells, judged_cells, judges_of, units_matching

# The matrix's filters, and the queue's order: carried from the matrix through every scoring screen and
# "next" and back again, so a member working through one dimension or one entrant never loses it.
FILTERS = ("dimension", "criterion", "province", "status", "by")


def trail(filters: dict[str, str]) -> str:
    return urlencode({k: v for k, v in filters.items() if v})


def matrix_url(rubric: ContestPeriod, filters: dict[str, str]) -> str:
    extra = trail(filters)
    return reverse("admin:committee_matrix") + f"?year={rubric.key}" + (f"&{extra}" if extra else "")


def next_url(rubric: ContestPeriod, filters: dict[str, str], after: tuple[str, str] | None = None) -> str:
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


def judged_codes(rubric: ContestPeriod, *, dimension: str = "", criterion: str = "") -> list[str]:
    """The criteria a member scores (data criteria are computed), in rubric order, within the filters."""
    return [
        c.code
        for c in rubric_spec(rubric).criteria()
        if c.rule.committee_judges
        and (not dimension or c.dimension == dimension)
        and (not criterion or c.code == criterion)
    ]


def units_for(user, rubric: ContestPeriod, query: str = "") -> list[Unit]:
    """The units this user judges here (conflicts left out), by code, matching the matrix's unit filter."""
    return list(units_matching(units_for_member(user, rubric).order_by("code"), query))


def _evidence_of(rubric: ContestPeriod, units: QuerySet[Unit], codes: list[str]) -> QuerySet:
    """The rubric's evidence rows of `units` for the criteria `codes`, a row per version (a queryset)."""
    return evidence_pairs(rubric).filter(submission__unit__in=units.values("pk"), submission__criterion__code__in=codes)


def _scored_by(user, rubric: ContestPeriod) -> Exists:
    """Whether the member has scored an evidence row's cell, asked of each row."""
    return Exists(
        Judgment.objects.filter(
            rubric=rubric,
            member=user,
            unit_id=OuterRef("submission__unit_id"),
            criterion__code=OuterRef("submission__criterion__code"),
        )
    )


def next_with_evidence(
    user,
    rubric: ContestPeriod,
    *,
    after: tuple[str, str] | None = None,
    by: str = "criterion",
    filters: dict | None = None,
) -> tuple[str, str] | None:
    """(unit code, criterion code) after `after` that has evidence and this member has not scored yet,
    wrapping round; None when nothing is left. `by` "criterion": one criterion across every unit first
    (one sitting, one yardstick); "province": every criterion of one unit first. Asked of the database in
    that order, one row at a time, never a pass over the entrants: 3 queries, a 4th on wrapping round."""
    filters = filters or {}
    codes = judged_codes(rubric, dimension=filters.get("dimension", ""), criterion=filters.get("criterion", ""))
    if not codes:
        return None
    query = filters.get("province", "")
    units = units_matching(units_for_member(user, rubric), query)
    position = Case(*(When(submission__criterion__code=code, then=Value(i)) for i, code in enumerate(codes)))
    cells = (
        _evidence_of(rubric, units, codes)
        .exclude(_scored_by(user, rubric))
        .annotate(position=position, unit_code=F("submission__unit__code"))
    )
    order = ("unit_code", "position") if by == "province" else ("position", "unit_code")
    pairs = cells.order_by(*order).values_list("unit_code", "submission__criterion__code")
    if after is None or after[1] not in codes or not units.filter(code=after[0]).exists():
        return pairs.first()
    here = {"unit_code": after[0], "position": codes.index(after[1])}
    first, second = (here[order[0]], here[order[1]])
    later = Q(**{f"{order[0]}__gt": first}) | Q(**{order[0]: first, f"{order[1]}__gt": second})
    earlier = Q(**{f"{order[0]}__lt": first}) | Q(**{order[0]: first, f"{order[1]}__lt": second})
    return pairs.filter(later).first() or pairs.filter(earlier).first()


def own_progress(user, rubric: ContestPeriod) -> Progress:
    """How much of the whole contest this member has left: cells with evidence, scored or not, counted in the
    database (never a pass over the entrants). 2 queries and the member's units."""
    cells = _evidence_of(rubric, units_for_member(user, rubric), judged_codes(rubric))
    pairs = cells.values_list("submission__unit_id", "submission__criterion__code").distinct()
    total = pairs.count()
    done = pairs.filter(_scored_by(user, rubric)).count()
    return Progress(user.get_username(), done, total)


def _own_units(contest: Contest, office: int | None) -> set[int]:
    """The panel member's own office, whose units they never judge (contests.seats.panel_office), as a set."""
    own = panel_office(contest, office)
    return set() if own is None else {own}


def members_progress(rubric: ContestPeriod, evidence: set[tuple[int, str]] | None = None) -> list[Progress]:
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
