"""Part of the lock (contests.actor): which contests and units a person's rights reach, as querysets for
lists. A mixin of `Actor`, kept apart so the actor's own module holds who the person is and their rights."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from django.db.models import Q, QuerySet

from stages.rules import stage_of

from .entrants import contest_entrants
from .models import Contest, Unit
from .seats import department_contest, panel_office
from .tree import subtree, under

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from stages.rights import StageIds, StageRow

    from .actor import Rights

MEMBER, CHAIR, VIEWER = "member", "chair", "viewer"  # a seat: judges own scores / also finals / sees all


# What a contest's memoised answers are kept under: its id and what they depend on (state, organiser, level).
ContestMemoKey: TypeAlias = tuple[int, str, int | None, str]


class Need(StrEnum):
    SEE = "see"  # its pages exist for the user (the national contest: everyone signed in)
    RUN = "run"  # organise: rubric, facts, deadlines, panel, documents
    ENTER = "enter"  # the user's office is an entrant: evidence, its own results
    JUDGE = "judge"  # a seat in its judging (member, chair, or the organiser's view of it)


class Scopes:
    if TYPE_CHECKING:  # the actor's own (contests.actor.Actor), which this mixin's methods read
        user: User | None
        _office_id: int | None
        _contests: dict[Need, list[Contest]]
        _entrants: dict[ContestMemoKey, QuerySet[Unit]]
        _stage_ids: StageIds | None

        @property
        def seats(self) -> dict[int, bool]: ...

        def administers(self) -> bool: ...
        def organises(self) -> bool: ...
        def runs(self, contest: Contest | None) -> bool: ...
        def enters(self, contest: Contest | None) -> bool: ...
        def seat(self, contest: Contest | None) -> str | None: ...
        def can(self, contest: Contest | None, need: Need | str) -> bool: ...
        def conflict_subquery(self) -> QuerySet: ...
        def rights(self, contest: Contest) -> Rights: ...
        def _stages(self, rows: list[StageRow] | None = None) -> StageIds: ...

    def own_units_seated(self, contest: str, unit: str) -> Q:
        """Rows a panelist must not judge: the unit at or under their own office, where they sit (not their
        own office's contest). A filter to exclude over the rows' paths; no query."""
        if self._office_id is None or not self.seats:
            return Q(pk__in=[])
        seated = Q(**{f"{contest}_id__in": list(self.seats), f"{unit}__in": subtree(self._office_id)})
        return seated & ~Q(**{f"{contest}__organiser_id": self._office_id})

    def _own_units(self, contest: Contest | None) -> QuerySet:
        """The user's office and every unit under it, which they never judge on an office's panel (panel_office)."""
        office = panel_office(contest, self._office_id)
        return Unit.objects.none().values("pk") if office is None else subtree(office)

    def contests(self, need: Need | str = Need.SEE) -> QuerySet[Contest]:
        """Every contest the user may `need`; few a year, so decided here in Python (2–3 queries, memoised)."""
        return Contest.objects.filter(pk__in=[c.pk for c in self._each(need)])

    def _each(self, need: Need | str) -> list[Contest]:
        need = Need(need)
        if self.user is None:  # ANONYMOUS and SYSTEM: nothing memoised on them
            self._contests.pop(need, None)
        if need not in self._contests:
            everything = list(Contest.objects.select_related("organiser", "stage").prefetch_related("entrants"))
            if self._stage_ids is None and self.organises():  # the stages come with the contests: no query
                staged = [(c, stage_of(c)) for c in everything]
                rows = [(s.contest_id, s.previous_id, s.chooser_level, c.organiser_id) for c, s in staged if s]
                self._stages(rows)
            self._contests[need] = [c for c in everything if self.can(c, need)]
        return self._contests[need]

    def entrants(self, contest: Contest) -> QuerySet[Unit]:
        """The contest's entrants this user may see, built once per contest (a queryset: its SQL, not rows)."""
        if self.user is None:
            return self._entrants_of(contest)
        key = (contest.pk, contest.state, contest.organiser_id, contest.entrant_level)
        if key not in self._entrants:
            self._entrants[key] = self._entrants_of(contest)
        return self._entrants[key].all()

    def _entrants_of(self, contest: Contest) -> QuerySet[Unit]:
        units = contest_entrants(contest)
        if self.runs(contest) and self.seat(contest) in (VIEWER, None):
            return units
        if self.seat(contest) is not None:
            units = units.exclude(pk__in=self.conflict_subquery())
            # On a panel, its members' own units too: an entrant's staff never judge it.
            return units if department_contest(contest) else units.exclude(pk__in=self._own_units(contest))
        if self.enters(contest) and self._office_id is not None:  # entering needs an office
            return units.filter(pk=self._office_id)
        if self.rights(contest).in_stages:  # a stage's organiser: the picks under their own office
            return units.filter(under(self._office_id))
        return units.none()

    def scope(self, contest: str, unit: str, need: Need | str = Need.SEE, only: Contest | None = None) -> Q:
        """Rows about a unit in a contest (`contest`, `unit`: the rows' paths), where the unit is one of that
        contest's `entrants` for this user, in the contests they may `need`. Central staff: every row. `only`:
        the rows of that one contest (a page about one contest's rows), without reading every contest."""
        if self.administers():
            return Q() if only is None else Q(**{contest: only.pk})
        found = Q(pk__in=[])
        for each in self._each(need) if only is None else [only] if self.can(only, need) else []:
            found |= Q(**{contest: each.pk, f"{unit}__in": self.entrants(each).values("pk")})
        return found

    def units(self, need: Need | str = Need.SEE, only: Contest | None = None) -> QuerySet[Unit]:
        """Every unit the user may see in some contest they may `need` (the union of `entrants`). `only`: in that
        one contest (a page about its rows), without a subquery for every contest the user may see."""
        if self.administers():
            return Unit.objects.all()
        found = Q(pk__in=[])
        for each in self._each(need) if only is None else [only] if self.can(only, need) else []:
            found |= Q(pk__in=self.entrants(each).values("pk"))
        return Unit.objects.filter(found)
