"""Who is asking: one answer to "who may do what in which contest" (issue #24).

An `Actor` is resolved once per request (cached on the user object, which Django makes once per request)
from the user's role, their office and the units above it, their panel seats and their conflicts. Every
view, API view, admin list, import, task, command and e-mail asks it: the `rules` predicates of every app
are one-line wrappers over `runs`, `enters`, `judges`, `seat` and `conflicted`. HotCRP's per-paper rights
record is the model: computed once, asked by every `can_*`.

A contest is the Department's when it has no organiser: its committee judges it and central staff run it
(the national contest among the 76 provinces is one of these, keyed by its year). An office's contest is
run by that office's organisers and judged by the panel they seat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from django.db.models import Exists, Q, QuerySet
from django.http import Http404

from contests.models import Contest, ContestState, Level, Province, Stage
from contests.stages import stage_of
from contests.tree import line_of, subtree, under
from people.models import Role
from people.selectors import conflicted_province_ids, office_province_id, role_of

from .models import Rubric

MEMBER, CHAIR, VIEWER = "member", "chair", "viewer"  # a seat: judges own scores / also finals / sees all
DEPARTMENT_SEATS = {Role.COMMITTEE: MEMBER, Role.CHAIR: CHAIR, Role.CENTRAL: VIEWER}


class Need(StrEnum):
    SEE = "see"  # its pages exist for the user (the national contest: everyone signed in)
    RUN = "run"  # organise: rubric, facts, deadlines, panel, documents
    ENTER = "enter"  # the user's office is an entrant: evidence, its own results
    JUDGE = "judge"  # a seat in its judging (member, chair, or the organiser's view of it)


def contest_of(obj) -> Contest | None:
    """Rules are asked with a contest, a rubric, or something of a rubric (a document, a judgment)."""
    if obj is None or isinstance(obj, Contest):
        return obj
    if isinstance(obj, Rubric):
        return obj.contest
    rubric = getattr(obj, "rubric", None)
    return rubric.contest if rubric is not None else None


def department_contest(contest: Contest | None) -> bool:
    """The Department's contests are judged by its committee; an office's by the panel it seats."""
    return contest is None or contest.organiser_id is None


@dataclass
class Actor:
    user: object = None
    role: str | None = None
    office_id: int | None = None
    system: bool = False  # beat jobs and management commands: act for the Department
    _contest_ids: dict = field(default_factory=dict, repr=False)
    _stage_ids: tuple | None = field(default=None, repr=False)

    # -- who they are -----------------------------------------------------------------------------
    @cached_property
    def office(self) -> Province | None:
        if self.office_id is None:
            return None
        return Province.objects.select_related("parent").get(pk=self.office_id)

    @cached_property
    def seats(self) -> dict[int, bool]:
        """contest id → is chair, for every panel the user sits on (committee.Panelist, read by its
        reverse name: people and scoring sit below committee and never import it)."""
        if self.user is None or not self.user.is_authenticated or self.role is None:
            return {}
        return dict(self.user.panel_seats.values_list("contest_id", "is_chair"))

    def conflict_subquery(self) -> QuerySet:
        """The units the user is conflicted with, each declared one and every unit under it (a conflict on
        a province covers its subdistricts), as a subquery: a scope that excludes them costs no extra round
        trip, and a conflict recorded a moment ago already holds."""
        return subtree(conflicted_province_ids(self.user))

    def own_units(self, contest: Contest | None) -> QuerySet:
        """On a panel, the units at or under the member's own office (panel_office), as a subquery."""
        office = panel_office(contest, self.office_id)
        return Province.objects.none().values("pk") if office is None else subtree(office)

    @property
    def is_central(self) -> bool:
        return self.system or self.role == Role.CENTRAL

    @property
    def is_committee(self) -> bool:
        return self.role in (Role.COMMITTEE, Role.CHAIR)

    @property
    def is_office_staff(self) -> bool:
        return self.role == Role.PROVINCIAL

    @property
    def is_organiser(self) -> bool:
        return self.role == Role.ORGANISER

    # -- what they are in a contest ---------------------------------------------------------------
    def runs(self, contest: Contest | None) -> bool:
        """Central staff run every contest; an office's organisers their office's. Asked without a
        contest: central staff only, as before contests."""
        if self.is_central:
            return True
        return contest is not None and self.is_organiser and contest.organiser_id == self.office_id

    def enters(self, contest: Contest | None) -> bool:
        """The user's office is one of the contest's entrants (office staff only: an organiser files nothing)."""
        if contest is None or not self.is_office_staff or self.office_id is None:
            return False
        if contest.state == ContestState.DRAFT:  # a draft is its runners' alone (issue #28)
            return False
        return unit_enters(contest, self.office)

    def chooses(self, contest: Contest | None) -> bool:
        """Picks this stage's entrants: an organiser whose office is of the level the stage asks (a district
        office picks its subdistrict, a province its two), within the contest's organiser if it has one."""
        return contest is not None and contest.pk in self._stages()[0]

    def in_stages(self, contest: Contest | None) -> bool:
        """The stage the user picks for, or a stage below it: a province's organiser sees the districts'
        picks it chooses from, never a stage above its own."""
        return contest is not None and contest.pk in self._stages()[1]

    def _stages(self, rows: list | None = None) -> tuple[frozenset, frozenset]:
        """(the stages the user picks for, those and every stage below them), memoised: one query for the
        stages (none when `rows` come from Actor.contests' own list), one for the office only if any exist."""
        if self._stage_ids is None:
            own: set[int] = set()
            seen: set[int] = set()
            if self.is_organiser and self.office_id is not None:
                if rows is None:
                    fields = ("contest_id", "previous_id", "chooser_level", "contest__organiser")
                    rows = list(Stage.objects.values_list(*fields))
                office = self.office if rows else None
                if office is not None:
                    above = line_of(office)
                    chain = {contest_id: previous for contest_id, previous, _, _ in rows}
                    own = {c for c, _, level, org in rows if level == office.level and (org is None or org in above)}
                for contest_id in own:
                    while contest_id is not None and contest_id not in seen:
                        seen.add(contest_id)
                        contest_id = chain.get(contest_id)
            self._stage_ids = (frozenset(own), frozenset(seen))
        return self._stage_ids

    def seat(self, contest: Contest | None) -> str | None:
        """MEMBER, CHAIR, VIEWER or None: the Department's roles in its contests (None: as nationally),
        a panel seat or the organiser's view in an office's."""
        if department_contest(contest):
            return DEPARTMENT_SEATS.get("central" if self.system else self.role)
        chairs = self.seats.get(contest.pk)
        if chairs is not None:
            return CHAIR if chairs else MEMBER
        return VIEWER if self.runs(contest) else None

    def judges(self, contest: Contest | None) -> bool:
        """Scores in it: a committee member or chair in the Department's, a panel member or chair in an office's."""
        return self.seat(contest) in (MEMBER, CHAIR)

    def sees(self, contest: Contest | None) -> bool:
        if contest is None or (self.user is None and not self.system):
            return False
        if contest.state == ContestState.DRAFT:  # entrants, panels and everyone else meet it once it is open
            return self.system or self.runs(contest)
        if contest.organiser_id is None and contest.entrant_level == Level.PROVINCE:
            return self.system or bool(self.role)  # the national contest: every signed-in role
        return (  # cheapest first
            self.runs(contest) or self.seat(contest) is not None or self.enters(contest) or self.in_stages(contest)
        )

    def can(self, contest: Contest | None, need: Need | str) -> bool:
        return {
            Need.SEE: self.sees,
            Need.RUN: self.runs,
            Need.ENTER: self.enters,
            Need.JUDGE: lambda c: self.seat(c) is not None,
        }[Need(need)](contest)

    # -- querysets --------------------------------------------------------------------------------
    def contests(self, need: Need | str = Need.SEE) -> QuerySet[Contest]:
        """Every contest the user may `need`; few a year, so decided here in Python (2–3 queries, memoised)."""
        need = Need(need)
        if self.user is None:  # ANONYMOUS and SYSTEM live as long as the process: nothing memoised on them
            self._contest_ids.pop(need, None)
        if need not in self._contest_ids:
            everything = list(Contest.objects.select_related("organiser", "stage").prefetch_related("entrants"))
            if self._stage_ids is None and self.is_organiser:  # the stages come with the contests: no query
                staged = [stage_of(c) for c in everything]
                self._stages(
                    [
                        (s.contest_id, s.previous_id, s.chooser_level, c.organiser_id)
                        for c, s in zip(everything, staged, strict=True)
                        if s is not None
                    ]
                )
            self._contest_ids[need] = [c.pk for c in everything if self.can(c, need)]
        return Contest.objects.filter(pk__in=self._contest_ids[need])

    def rubrics(self, need: Need | str = Need.SEE) -> QuerySet[Rubric]:
        return Rubric.objects.filter(contest__in=self.contests(need)).select_related("contest")

    def entrants(self, contest: Contest) -> QuerySet[Province]:
        """The contest's entrants this user may see: all of them to whoever runs it or judges it (less
        conflicts for a judge), their own office to an entrant, none to anyone else."""
        units = contest_entrants(contest)
        if self.runs(contest) and self.seat(contest) in (VIEWER, None):
            return units
        if self.seat(contest) is not None:
            units = units.exclude(pk__in=self.conflict_subquery())
            # On a panel, its members' own units too: an entrant's staff never judge it (issues #24, #37).
            return units if department_contest(contest) else units.exclude(pk__in=self.own_units(contest))
        if self.enters(contest):
            return units.filter(pk=self.office_id)
        if self.in_stages(contest):  # a stage's organiser: the picks under their own office
            return units.filter(under(self.office_id))
        return units.none()

    def conflicted(self, contest: Contest | None, unit: Province) -> bool:
        """The user declared a conflict on the unit or a unit above it, or (on a panel) it is their own."""
        line = line_of(unit)
        if panel_office(contest, self.office_id) in line:
            return True
        return conflicted_province_ids(self.user).filter(province_id__in=line).exists()

    def contest_or_404(self, key: str | int, need: Need | str = Need.SEE) -> Rubric:
        """The rubric a URL names, if the user may `need` its contest. Another office's contest, or one
        the user may not see, does not exist for them (404, never 403: nobody learns what others run)."""
        rubric = Rubric.objects.by_key(key).select_related("contest", "contest__organiser").first()
        if rubric is None or not self.sees(rubric.contest) or not self.can(rubric.contest, need):
            raise Http404("ไม่พบการประกวด / no such contest")
        return rubric


def panel_office(contest: Contest | None, office_id: int | None) -> int | None:
    """On a panel, the member's office, whose units (it and every unit under it) they never judge: an
    entrant's staff, or those of an office above it. None in the Department's contests, and for the
    organising office's own staff, whose contest it is (every entrant is under their office)."""
    if department_contest(contest) or office_id == contest.organiser_id:
        return None
    return office_id


def unit_enters(contest: Contest, unit: Province) -> bool:
    """Whether the unit is one of the contest's entrants (as contest_entrants, for one unit)."""
    if contest.organiser_id is None and contest.entrant_level == Level.PROVINCE:  # the 76 offices; no query
        return unit.level == Level.PROVINCE and unit.is_cdd_office
    chosen = {u.pk for u in contest.entrants.all()}  # prefetched by Actor.contests
    if chosen or stage_of(contest) is not None:  # a staged contest: its picks and nobody else
        return unit.pk in chosen
    if unit.level != contest.entrant_level or not unit.is_cdd_office:
        return False
    org = contest.organiser_id
    return org is None or org in line_of(unit) - {unit.pk}


def contest_entrants(contest: Contest) -> QuerySet[Province]:
    """Who enters a contest: its chosen list, else every CDD office of its entrant level under its
    organiser (the whole country for the Department's contests: the 76 provinces nationally). One lazy
    queryset: whether a list was chosen is asked inside it, not by a query of its own per call."""
    chosen = Contest.entrants.through.objects.filter(contest_id=contest.pk)
    default = Q(level=contest.entrant_level, is_cdd_office=True) & ~Exists(Stage.objects.filter(contest_id=contest.pk))
    if contest.organiser_id is not None:
        default &= under(contest.organiser_id)
    return Province.objects.filter(Q(pk__in=chosen.values("province_id")) | (~Exists(chosen) & default)).order_by(
        "dopa_code"
    )


ANONYMOUS = Actor()
SYSTEM = Actor(system=True)


def actor_of(user) -> Actor:
    """The user's actor, made once per user object (a request's): every rule of the request asks it."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_actor", None)
    if cached is not None:
        return cached
    actor = Actor(user=user, role=role_of(user), office_id=office_province_id(user))
    user._actor = actor
    return actor


def forget(user) -> None:
    """Drop the cached actor after the user's seats or conflicts change within the same request."""
    user.__dict__.pop("_actor", None)
