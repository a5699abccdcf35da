"""The unit tree, defined once: a province holds districts, a district subdistricts, a
subdistrict villages. Scopes, stage pools, conflicts of interest and a panel's own-office exclusion all ask
here what lies under a unit, so a conflict on a province covers its subdistricts and villages wherever units
are listed, opened or judged."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from .models import Level, Unit

DEPTH = 3  # levels below a province: its districts, their subdistricts, then their villages


ANCESTORS: dict[str, int] = {Level.DISTRICT: 1, Level.SUBDISTRICT: 2, Level.VILLAGE: 3}  # how many units lie above one


def _lookup(path: str, offices) -> Q:
    # Several offices (a subquery of ids, a list of codes) are matched with IN; one unit or its id directly.
    if isinstance(offices, QuerySet | list | tuple | set | frozenset):
        return Q(**{f"{path}__in": offices})
    return Q(**{path: getattr(offices, "pk", offices)})


def under(offices, path: str = "", field: str = "pk") -> Q:
    """Units below `offices` (a unit, its id, or a subquery or list of them), at any depth. `path` is the way
    to the unit from the model filtered ("membership__unit__", "unit__"); `field` what `offices` are
    given by ("code": ISO codes of provinces)."""
    q = Q()
    for depth in range(1, DEPTH + 1):
        q |= _lookup(path + "parent__" * depth + field, offices)
    return q


def at_or_under(offices, path: str = "", field: str = "pk") -> Q:
    """`offices` themselves and every unit below them."""
    return _lookup(path + field, offices) | under(offices, path, field)


def subtree(offices) -> QuerySet:
    """The ids of `offices` and every unit below them, as a subquery: one round trip wherever it is used."""
    return Unit.objects.filter(at_or_under(offices)).values("pk")


def lines_of(unit_ids: Iterable[int]) -> dict[int, frozenset[int]]:
    """Each unit's line: its own id and those of the units above it. A unit is under an office exactly when
    the office is in its line. One query."""
    above = ["parent_id", "parent__parent_id", "parent__parent__parent_id"][:DEPTH]
    rows = Unit.objects.filter(pk__in=list(unit_ids)).values_list("pk", *above)
    return {row[0]: frozenset(row) - {None} for row in rows}


def line_of(unit: Unit) -> frozenset[int]:
    """The unit's line without a query when the units above it are loaded (select_related), else as lines_of."""
    if unit.parent_id is None:
        return frozenset({unit.pk})
    line = {unit.pk}
    at: Unit | None = unit
    while at is not None and at.parent_id is not None:  # as far as select_related loaded it
        line.add(at.parent_id)
        at = at.parent if Unit.parent.is_cached(at) else None
    if len(line) == 1 + ANCESTORS.get(unit.level, 0):
        return frozenset(line)
    return lines_of([unit.pk])[unit.pk]


def units_under(organiser: Unit, level: str) -> QuerySet[Unit]:
    """CDD-office units at `level` (districts, subdistricts) below the organiser, a province or a district:
    the entrants of a contest the organiser runs among its own units."""
    return Unit.objects.filter(under(organiser), level=level, is_cdd_office=True).order_by("dopa_code")
