"""The one scope for committee data: conflicted entrants vanish, members see only their own judgments.

Asked with a rubric, the scope follows the user's seat in that contest: nationally their role (committee,
chair, central staff); in a provincial office's contest their seat on its panel, or the office's organiser
. Asked without one, it is the national view it has always been."""

from __future__ import annotations

from django.db import models

from contests.actor import CHAIR, MEMBER, VIEWER, Need, Power, actor_of, conflict_subquery, department_contest
from contests.models import Unit
from contests.scopes import own_units_seated, running, visible_entrants, visible_units
from rubrics.models import ContestPeriod

__all__ = ["CHAIR", "MEMBER", "VIEWER", "has_panel", "own_only", "panel_seats", "seat", "units_for_member"]


def has_panel(rubric: ContestPeriod | None) -> bool:
    """An office's contest is judged by its own panel; the Department's by its committee (contests.actor)."""
    return rubric is not None and not department_contest(rubric.contest)


def panel_seats(user) -> dict[int, bool]:
    """contest id → is chair, for every panel the user sits on (the request's actor reads them once)."""
    return actor_of(user).seats if user.is_authenticated else {}


def seat(user, rubric: ContestPeriod | None) -> str | None:
    """MEMBER, CHAIR, VIEWER or None: what the user is in this rubric's judging."""
    actor = actor_of(user)
    return actor.department_seat() if rubric is None else actor.rights(rubric.contest).seat


def units_for_member(
    user, rubric: ContestPeriod | None = None, *, only: ContestPeriod | None = None
) -> models.QuerySet[Unit]:
    """Units a user may see here, less those they are conflicted with: with a rubric, its contest's entrants
    as the actor sees them (never the 8,455 units central staff may see elsewhere); without, the Department's
    contests' entrants they may see (the national screens), `only` that rubric's contest's (one screen's rows:
    no subquery for each contest the user may see)."""
    actor = actor_of(user)
    if rubric is not None:
        units = visible_entrants(actor, rubric.contest)
    else:  # office staff: their own office where it enters (a panel's contests are asked with their rubric)
        need = Need.ENTER if Power.FILE in actor.powers else Need.SEE
        units = visible_units(actor, need, only=only.contest if only is not None else None)
    return units.exclude(pk__in=conflict_subquery(actor))


def own_only(user, rubric: ContestPeriod | None = None, who: str | None = None) -> bool:
    """Independence (docs/decisions.md, decision 8): a member sees only their own scores; the chair and
    whoever runs the contest see everyone's. `who` is the seat when the caller has it already."""
    if not has_panel(rubric):
        return actor_of(user).department_seat() == MEMBER
    return (who or seat(user, rubric)) == MEMBER


class ScopedQuerySet(models.QuerySet):
    unit_path = "unit"
    rubric_path = "rubric"
    # Scores are the Department's business; office staff only ever see their clarification rounds.
    provincial_sees = False

    def others(self, user) -> models.Q:
        """What a member (not the chair) sees of others' rows: everything, unless a subclass says less."""
        return models.Q()

    def for_contests(self, user):
        """Every contest whose committee screens the user opens, at once (the admin's lists): the
        Department's roles as `for_member(user)`; a panel's member the contests they sit on (less others'
        judgments), its chair and the office's organisers all of theirs; less their conflicts, as on the
        screens. The units are those the rows are about: a row is only ever written for an entrant."""
        if seat(user, None) is not None:
            return self.for_member(user)
        actor = actor_of(user)
        seats = actor.seats
        contest = f"{self.rubric_path}__contest"
        sits = [c for c, chairs in seats.items() if not chairs]
        sees_all = models.Q(**{f"{contest}_id__in": [c for c, chairs in seats.items() if chairs]})
        if Power.ORGANISE in actor.powers:  # their office's contests, where they do not sit as a member
            sees_all |= running(actor, f"{contest}__") & ~models.Q(**{f"{contest}_id__in": sits})
        member = models.Q(**{f"{contest}_id__in": sits}) & self.others(user)
        # Less their conflicts, and where they sit, their own office's units (contests.actor.panel_office, row
        # by row): an entrant's staff never judge it; the organising office's own staff do.
        rows = self.filter(sees_all | member).exclude(**{f"{self.unit_path}__in": conflict_subquery(actor)})
        return rows.exclude(own_units_seated(actor, contest, self.unit_path))

    def for_member(self, user, rubric: ContestPeriod | None = None):
        if has_panel(rubric):
            if seat(user, rubric) is None:
                return self.none()
            units = units_for_member(user, rubric).values("pk")
            return self.filter(**{self.rubric_path: rubric, f"{self.unit_path}__in": units})
        actor = actor_of(user)
        if not actor.in_portal() or (Power.FILE in actor.powers and not self.provincial_sees):
            return self.none()
        # A subquery, not a list: the scope costs no extra round trip. With a rubric, its contest's entrants only:
        # the rows asked for are that rubric's.
        return self.filter(**{f"{self.unit_path}__in": units_for_member(user, only=rubric).values("pk")})


class JudgmentQuerySet(ScopedQuerySet):
    def others(self, user) -> models.Q:
        return models.Q(member=user)

    def for_member(self, user, rubric: ContestPeriod | None = None):
        qs = super().for_member(user, rubric)
        return qs.filter(self.others(user)) if own_only(user, rubric) else qs


class ScoreChangeQuerySet(ScopedQuerySet):
    def others(self, user) -> models.Q:
        # Others' judgments stay hidden from a member; the shared records (finals, overrides) do not.
        return ~(models.Q(kind="judgment") & ~models.Q(member=user))

    def for_member(self, user, rubric: ContestPeriod | None = None):
        qs = super().for_member(user, rubric)
        return qs.filter(self.others(user)) if own_only(user, rubric) else qs


class ClarificationQuerySet(ScopedQuerySet):
    provincial_sees = True


class MessageQuerySet(ClarificationQuerySet):
    unit_path = "clarification__unit"
    rubric_path = "clarification__rubric"
