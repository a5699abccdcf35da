"""Part of the lock (contests.actor): which contests and units a person's rights reach, as querysets and filters
for lists. Functions of the actor, kept apart so the actor holds who the person is and their rights in a contest;
what they build is kept on the actor for the request (`Actor.memo`), as the rights are."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from . import hooks
from .actor import VIEWER, Actor, Need, Power, conflict_subquery, memo_key
from .entrants import contest_entrants, with_office_listed
from .models import Contest, Unit
from .seats import department_contest, panel_office
from .tree import at_or_under, subtree, under


def running(actor: Actor, path: str = "") -> Q:
    """The contests the user runs as a filter, `path` leading to a contest ("contest__"); no query."""
    if Power.ADMINISTER in actor.powers:
        return Q()
    if Power.ORGANISE in actor.powers and actor._office_id is not None:
        return Q(**{f"{path}organiser_id": actor._office_id})
    return Q(pk__in=[])


def organised_units(actor: Actor) -> QuerySet[Unit]:
    """An organiser's own office and every unit under it; none otherwise."""
    if Power.ORGANISE not in actor.powers or actor._office_id is None:
        return Unit.objects.none()
    return Unit.objects.filter(at_or_under(actor._office_id))


def about_own_office(actor: Actor, path: str) -> Q:
    """Rows about the user's own office, as a filter over `path` to a unit (none without an office)."""
    return Q(**{f"{path}_id": actor._office_id}) if actor._office_id is not None else Q(pk__in=[])


def own_units_seated(actor: Actor, contest: str, unit: str) -> Q:
    """Rows a panelist must not judge: the unit at or under their own office, where they sit (not their
    own office's contest). A filter to exclude over the rows' paths; no query."""
    office = actor._office_id
    if office is None or not actor.seats:
        return Q(pk__in=[])
    seated = Q(**{f"{contest}_id__in": list(actor.seats), f"{unit}__in": subtree(office)})
    return seated & ~Q(**{f"{contest}__organiser_id": office})


def _own_units(actor: Actor, contest: Contest | None) -> QuerySet:
    """The user's office and every unit under it, which they never judge on an office's panel (panel_office)."""
    office = panel_office(contest, actor._office_id)
    return Unit.objects.none().values("pk") if office is None else subtree(office)


def visible_contests(actor: Actor, need: Need | str = Need.SEE) -> QuerySet[Contest]:
    """Every contest the user may `need`; few a year, so decided here in Python (2–3 queries, memoised)."""
    return Contest.objects.filter(pk__in=[c.pk for c in _each(actor, need)])


def _each(actor: Actor, need: Need | str) -> list[Contest]:
    need = Need(need)

    def decided() -> list[Contest]:
        # Each with its stage (the reverse relation of stages' Stage, named, never imported): the stages a person
        # picks in come with the contests, no query of their own (contests.hooks.in_stages).
        # Whether their own office is on a contest's chosen list is asked with it (entrants.with_office_listed), not
        # read from the whole list: the lists grow with the contests' entrants, the question does not.
        contests = Contest.objects.select_related("organiser", "stage")
        office = actor._office_id
        everything = list(contests if office is None else with_office_listed(contests, office))
        hooks.in_stages(actor, everything)
        return [c for c in everything if actor.rights(c).can(need)]

    return actor.memo(("contests", need), decided)


def visible_entrants(actor: Actor, contest: Contest) -> QuerySet[Unit]:
    """The contest's entrants this user may see, built once per contest (a queryset: its SQL, not rows)."""
    return actor.memo(("entrants", *memo_key(contest)), lambda: _entrants_of(actor, contest)).all()


def _entrants_of(actor: Actor, contest: Contest) -> QuerySet[Unit]:
    units = contest_entrants(contest)
    rights = actor.rights(contest)
    if rights.runs and rights.seat in (VIEWER, None):
        return units
    if rights.seat is not None:
        units = units.exclude(pk__in=conflict_subquery(actor))
        # On a panel, its members' own units too: an entrant's staff never judge it.
        return units if department_contest(contest) else units.exclude(pk__in=_own_units(actor, contest))
    if rights.enters and actor._office_id is not None:  # entering needs an office
        return units.filter(pk=actor._office_id)
    if rights.in_stages:  # a stage's organiser: the picks under their own office
        return units.filter(under(actor._office_id))
    return units.none()


def _reached(actor: Actor, need: Need | str, only: Contest | None) -> list[Contest]:
    """The contests asked about: every one the user may `need`, or `only` that one if they may."""
    if only is None:
        return _each(actor, need)
    return [only] if actor.rights(only).can(need) else []


def in_scope(actor: Actor, contest: str, unit: str, need: Need | str = Need.SEE, only: Contest | None = None) -> Q:
    """Rows about a unit in a contest (`contest`, `unit`: the rows' paths), where the unit is one of that
    contest's `visible_entrants` for this user, in the contests they may `need`. Central staff: every row.
    `only`: the rows of that one contest (a page about one contest's rows), without reading every contest."""
    if Power.ADMINISTER in actor.powers:
        return Q() if only is None else Q(**{contest: only.pk})
    found = Q(pk__in=[])
    for each in _reached(actor, need, only):
        found |= Q(**{contest: each.pk, f"{unit}__in": visible_entrants(actor, each).values("pk")})
    return found


def visible_units(actor: Actor, need: Need | str = Need.SEE, only: Contest | None = None) -> QuerySet[Unit]:
    """Every unit the user may see in some contest they may `need` (the union of `visible_entrants`). `only`: in
    that one contest (a page about its rows), without a subquery for every contest the user may see."""
    if Power.ADMINISTER in actor.powers:
        return Unit.objects.all()
    found = Q(pk__in=[])
    for each in _reached(actor, need, only):
        found |= Q(pk__in=visible_entrants(actor, each).values("pk"))
    return Unit.objects.filter(found)
