"""Reads. Every query that can reach a unit's data is scoped by the actor's scopes (`visible_entrants`, `in_scope`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Case, Q, QuerySet, When

from contests.entrants import contest_entrants
from contests.models import Contest, Level, Unit
from contests.regions import InspectionRegion
from core.numbers import is_whole
from rubrics.access import rubrics
from rubrics.models import ContestPeriod
from rubrics.selectors import criterion_codes, rubric_spec
from scoring import hooks
from scoring.models import Fact, FreezeAction, FreezeEvent, Standing, StandingsSnapshot


def province_lookup() -> dict[str, Unit]:
    """Every way an import may name a province (ISO code, Thai and English names, old spellings)."""
    index: dict[str, Unit] = {}
    for unit in Unit.objects.provinces():
        keys = [unit.code, unit.name_th, unit.name_en, *unit.aliases_th]
        for key in keys:
            index[norm_unit_key(key)] = unit
    return index


def entrant_lookup(rubric: ContestPeriod) -> dict[str, Unit]:
    """Every way an import may name one of the rubric's entrants: for provinces as province_lookup; for
    districts and subdistricts the DOPA code, and the name where no other entrant shares it."""
    if rubric.contest.entrant_level == Level.PROVINCE:
        return province_lookup()
    index: dict[str, Unit] = {}
    names: dict[str, list[Unit]] = {}
    for unit in contest_entrants(rubric.contest):
        index[unit.code] = unit
        for name in {unit.name_th, unit.name_en}:
            names.setdefault(norm_unit_key(name), []).append(unit)
    index.update({key: units[0] for key, units in names.items() if len(units) == 1})
    return index


def norm_unit_key(text: str) -> str:
    """Folds case and spaces; "TH50" and "th-50" both mean TH-50."""
    key = " ".join(str(text).split()).casefold()
    if key.startswith("th") and is_whole(key[2:]):
        key = "th-" + key[2:]
    return key


def running_national(today: date) -> ContestPeriod | None:
    """The national contest's period central staff work on now: the one whose dates hold today, else the latest
    that has begun (its results still to judge and publish), else the latest: a draft of next year waits its turn
    while this year runs. Central's first page and the menu's dashboard lead to it. 1 query."""
    now = Case(When(Q(starts_on__lte=today, ends_on__gte=today), then=0), When(starts_on__lte=today, then=1), default=2)
    return ContestPeriod.objects.national().order_by(now, "-year", "-period_order").first()


def is_frozen(rubric: ContestPeriod) -> bool:
    """Frozen results lock the year's facts, scores and rubric until central staff unfreeze them."""
    return StandingsSnapshot.objects.filter(rubric_id=rubric.pk).exists()


def frozen_rubrics() -> QuerySet[ContestPeriod]:
    """Every rubric whose results are frozen (published ones too)."""
    return ContestPeriod.objects.filter(snapshot__isnull=False).select_related("contest")


def publication_withdrawn(rubric: ContestPeriod) -> FreezeEvent | None:
    """The withdrawal, if the year's latest publish-or-withdraw was one: the results page then says so."""
    last = FreezeEvent.objects.filter(rubric=rubric, action__in=[FreezeAction.PUBLISH, FreezeAction.WITHDRAW]).first()
    return last if last and last.action == FreezeAction.WITHDRAW else None


def corrected_awards(rubric: ContestPeriod) -> dict[int, str]:
    """The awards corrected after publication (scoring.snapshots.awards_correct), by unit id ("" for none): the
    corrections made since the results were last unfrozen, the latest on each entrant. Unfreezing reopens the
    results to be ranked from their points again."""
    events = FreezeEvent.objects.filter(rubric=rubric, action__in=[FreezeAction.CORRECT, FreezeAction.UNFREEZE])
    awards: dict[int, str] = {}
    for action, changes in events.order_by("at", "id").values_list("action", "changes"):
        if action == FreezeAction.UNFREEZE:
            awards.clear()
        for change in changes:
            awards[change["unit"]] = change["after"]
    return awards


def facts_by_unit(
    rubric: ContestPeriod, unit_ids=None, *, within: tuple[int, int] | None = None, ordered: bool = True
) -> dict[int, dict[str, dict[str, str]]]:
    """province id -> criterion code -> {fact: value}; empty values mean "not recorded" and are left out.
    `within`: only the units with ids in this range (a chunk of a parallel recompute). `ordered`: each
    criterion's facts in name order, as explanations list them; points never depend on it, so a recompute
    (which builds no text) reads them as stored.

    Read as the engine consumes them: plain tuples off the cursor, the criterion by its id (no
    join), grouped in one pass."""
    # Unordered: the model's ordering joins the units to sort every fact of the year (7,255 entrants: 261,180
    # rows, half the read); only the names within one criterion need an order, and they are few.
    qs = Fact.objects.filter(rubric=rubric).exclude(value="").order_by()
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    if within is not None:
        qs = qs.filter(unit_id__gte=within[0], unit_id__lte=within[1])
    sql, params = qs.values_list("unit_id", "criterion_id", "name", "value").query.sql_with_params()
    with connection.cursor() as cursor:  # the rows as the driver makes them: no per-row iterator of the ORM
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    codes = criterion_codes(rubric)
    archived: set[int] = set()
    out: dict[int, dict[str, dict[str, str]]] = {}
    unit = criterion = given = None
    cells: dict[str, dict[str, str]] = {}
    for unit_id, criterion_id, name, value in rows:
        if criterion_id == criterion and unit_id == unit:  # a cell's facts are mostly stored together
            if given is not None:
                given[name] = value
            continue
        if unit_id != unit:
            unit, cells = unit_id, out.setdefault(unit_id, {})
        criterion = criterion_id
        code = codes.get(criterion_id)
        if code is None and criterion_id not in archived:
            codes = criterion_codes(rubric, fresh=True)
            code = codes.get(criterion_id)
        if code is None:  # an archived criterion's facts (rubrics.revisions): kept, no longer scored
            archived.add(criterion_id)
            given = None
            continue
        given = cells.get(code)
        if given is None:
            given = cells[code] = {name: value}
        else:
            given[name] = value
    if ordered:
        for cells in out.values():
            for code, given in cells.items():
                if len(given) > 1:
                    cells[code] = dict(sorted(given.items()))
    return out


def standings(rubric: ContestPeriod) -> list[Standing]:
    return list(Standing.objects.filter(rubric=rubric).select_related("unit").order_by("rank", "unit__code"))


def region_fields(region: InspectionRegion | None) -> dict:
    return {
        "region": region.number if region else None,
        "region_name_th": region.name_th if region else "",
        "region_name_en": region.name_en if region else "",
    }


# --- Admin helpers (reads only; the admin's writes go through services) ---


def fact_template_rows(rubric: ContestPeriod) -> list[tuple[str, str, str, str]]:
    """(province, criterion, fact, value) for every entrant × every fact the rules read,
    prefilled with the stored values; the sheet central staff fill in and import (5 queries)."""
    spec = rubric_spec(rubric)
    rows = Fact.objects.filter(rubric=rubric).values_list("unit__code", "criterion__code", "name", "value")
    stored = {(p, c, n): v for p, c, n, v in rows}
    names = [(c.code, name) for c in spec.criteria() for name in c.rule.fact_names()]
    return [
        (unit, code, name, stored.get((unit, code, name), ""))
        for unit in Unit.objects.provinces().order_by("code").values_list("code", flat=True)
        for code, name in names
    ]


def named_people(contest: Contest) -> dict[int, Any]:
    """unit id → the person a contest that honours people names for that entrant (hooks.named_people: nominees'
    active nominees, each with `name_th` and `position_th`); {} without a query for any other contest."""
    return {unit_id: person for found in hooks.named_people(contest) for unit_id, person in found.items()}


def builder_sources(actor) -> list[ContestPeriod]:
    """The contests an actor runs that the builder can copy (a contest with periods by its first), newest first."""
    return list(rubrics(actor, "run").filter(period_order=0).order_by("-year", "contest__slug"))
