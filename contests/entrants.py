"""Who enters a contest: its chosen list, else every CDD office of its entrant level under its organiser. The
lock (contests.actor) asks it for an office's staff; lists of entrants (facts templates, the committee's
matrix, the demo) read it directly."""

from __future__ import annotations

from typing import cast

from django.db.models import Exists, OuterRef, Q, QuerySet, Value

from .models import Contest, Level, Unit
from .tree import line_of, under


def national(contest: Contest | None) -> bool:
    """The one meaning of "national": the Department's contest among the 76 provincial offices, open to
    every signed-in role (Contest.is_national; the querysets' `national()` filter the same way)."""
    return contest is not None and contest.is_national


def unit_enters(contest: Contest, unit: Unit) -> bool:
    """Whether the unit is one of the contest's entrants (as contest_entrants, for one unit)."""
    if national(contest):  # the 76 offices; no query
        return unit.level == Level.PROVINCE and unit.is_cdd_office
    listed, chosen = _chosen(contest, unit)
    if listed or _staged(contest):  # a staged contest: its picks and nobody else
        return chosen
    if unit.level != contest.entrant_level or not unit.is_cdd_office:
        return False
    org = contest.organiser_id
    return org is None or org in line_of(unit) - {unit.pk}


def _staged(contest: Contest) -> bool:
    """Whether the contest's entrants are picked in stages: it has a `stage` (the reverse relation of stages' Stage,
    named here and never imported, as stages sits above contests). Read from the contest when loaded with it
    (select_related), else one query, kept on the contest."""
    return hasattr(contest, "stage")  # no stage: Django's RelatedObjectDoesNotExist, an AttributeError


def _chosen(contest: Contest, unit: Unit) -> tuple[bool, bool]:
    """Whether the contest has a chosen list, and whether the unit is on it: from the prefetched list
    (`_chosen_ids`), else one query of two index lookups, not the list itself (7,255 ids read for each page
    of one entrant were a third of its time)."""
    asked = vars(contest)  # with_office_listed's answers, annotated on the contest
    if asked.get("office_asked") == unit.pk:
        return asked["entrants_listed"], asked["office_listed"]
    if "entrants" in getattr(contest, "_prefetched_objects_cache", {}):
        chosen = _chosen_ids(contest)
        return bool(chosen), unit.pk in chosen
    rows = Contest.entrants.through.objects.filter(contest_id=contest.pk)
    found = (
        Contest.objects.filter(pk=contest.pk).values_list(Exists(rows), Exists(rows.filter(unit_id=unit.pk))).first()
    )
    return found if found is not None else (False, False)


def with_office_listed(contests: QuerySet[Contest], office_id: int) -> QuerySet[Contest]:
    """The contests, each asked in the same query whether it has a chosen list and whether the office is on it
    (two index lookups a contest), for `unit_enters` of that office: the lists themselves are never read, so
    an office's rights cost the same however many entrants each contest lists."""
    rows = Contest.entrants.through.objects.filter(contest_id=OuterRef("pk"))
    return contests.annotate(
        office_asked=Value(office_id),
        entrants_listed=Exists(rows),
        office_listed=Exists(rows.filter(unit_id=office_id)),
    )


def _chosen_ids(contest: Contest) -> frozenset[int]:
    """The contest's chosen entrants: from its prefetched list (scopes.visible_contests, a notice to every entrant),
    read into a set once per such list rather than once per person asked (a list of 7,255 read again for each
    of its 14,510 people was the whole cost of telling them); else one query, as a change of the list clears
    the prefetched one."""
    prefetched = getattr(contest, "_prefetched_objects_cache", {}).get("entrants")
    if prefetched is None:
        return frozenset(contest.entrants.values_list("pk", flat=True))
    kept = contest.__dict__.get("_chosen_entrant_ids")
    if kept is None or kept[0] is not prefetched:
        kept = contest.__dict__["_chosen_entrant_ids"] = (prefetched, frozenset(u.pk for u in prefetched))
    return kept[1]


def contest_entrants(contest: Contest) -> QuerySet[Unit]:
    """Who enters a contest: its chosen list, else every CDD office of its entrant level under its
    organiser (the whole country for the Department's contests: the 76 provinces nationally). One lazy
    queryset: whether a list was chosen is asked inside it, not by a query of its own per call."""
    chosen = Contest.entrants.through.objects.filter(contest_id=contest.pk)
    # A staged contest's entrants are its picks and nobody else: no default when it has a stage (asked inside the
    # query, through the reverse relation: stages sits above contests).
    has_stage = Contest.objects.filter(pk=contest.pk, stage__isnull=False)
    # Q & Exists is a Q (Django wraps the expression); django-stubs types it as the expression's Combinable.
    default = cast(Q, Q(level=contest.entrant_level, is_cdd_office=True) & ~Exists(has_stage))
    if contest.organiser_id is not None:
        default &= under(contest.organiser_id)
    return Unit.objects.filter(Q(pk__in=chosen.values("unit_id")) | (~Exists(chosen) & default)).order_by("dopa_code")
