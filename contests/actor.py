"""Who is asking: one answer to "who may do what in which contest" (issue #24).

An `Actor` is resolved once per request (cached on the user object, which Django makes once per request)
from the user's role, their office and the units above it, their panel seats and their conflicts. Every
view, API view, admin list, import, task, command and e-mail asks it: the `rules` predicates of every app
are one-line wrappers over `runs`, `enters`, `judges`, `seat` and `conflicted`. HotCRP's per-paper rights
record is the model: computed once, asked by every `can_*`.

A contest is the Department's when it has no organiser: its committee judges it and central staff run it
(the national contest among the 76 provinces is one of these, keyed by its year: `national`). An office's
contest is run by that office's organisers and judged by the panel they seat.

This module is the only reader of a user's role and office outside `people/` (issue #37): the actor keeps
them private (`_role`, `_office_id`) and answers questions. With a contest: `sees`, `runs`, `enters`,
`judges`, `seat`, `chooses`, `may_sit`; about a unit: `acts_for`, `oversees`; which ones: `contests`, `entrants`,
`scope`; without a contest, each named for what it allows: `administers`, `on_committee`,
`chairs_committee`, `files_for_office`, `organises`, `in_portal`. `own_office` is the user's own office,
for display and as the office an entrant files for or a stage's chooser picks for. tests/test_lock.py
and the import-linter contract "Only the actor reads roles and offices" keep it so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet

from contests.models import Contest, ContestState, Level, Province, Stage
from contests.stages import stage_of
from contests.tree import at_or_under, line_of, subtree, under
from core.gate import SecondFactorRequired
from people import directory
from people.models import Role
from people.selectors import conflicted_province_ids, membership_load, office_of, office_province_id, role_of

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
    contest = getattr(obj, "contest", None)  # a rubric (one period of its contest)
    if isinstance(contest, Contest):
        return contest
    rubric = getattr(obj, "rubric", None)
    return rubric.contest if rubric is not None else None


def department_contest(contest: Contest | None) -> bool:
    """The Department's contests are judged by its committee; an office's by the panel it seats."""
    return contest is None or contest.organiser_id is None


def national(contest: Contest | None) -> bool:
    """The one meaning of "national": the Department's contest among the 76 provincial offices, open to
    every signed-in role (Contest.is_national; the querysets' `national()` filter the same way)."""
    return contest is not None and contest.is_national


@dataclass
class Actor:
    user: object = None
    _role: str | None = None  # private: ask the questions below (issue #37)
    _office_id: int | None = None
    system: bool = False  # beat jobs and management commands: act for the Department
    _contests: dict = field(default_factory=dict, repr=False)  # need → the contests themselves
    _stage_ids: tuple | None = field(default=None, repr=False)
    _entrants: dict = field(default_factory=dict, repr=False)  # a contest's key → its scope (lazy SQL, no rows)

    # -- who they are -----------------------------------------------------------------------------
    @cached_property
    def own_office(self) -> Province | None:
        """The user's own office: to show its name, and the office an entrant files for or a stage's
        chooser picks for. Whether the user may do a thing is asked of the questions, never decided by it."""
        return office_of(self.user) if self._office_id is not None else None

    @cached_property
    def seats(self) -> dict[int, bool]:
        """contest id → is chair, for every panel the user sits on (committee.Panelist, read by its
        reverse name: people and scoring sit below committee and never import it). A seat counts only while
        its holder may still sit there (`seat_counts`): one whose role changed to the Department's, or whose
        office moved out of the organiser's tree, judges nothing, and counts again once they qualify. 1 query."""
        if self.user is None or not self.user.is_authenticated or self._role is None:
            return {}
        return dict(self.user.panel_seats.filter(seat_counts()).values_list("contest_id", "is_chair"))

    def may_sit(self, contest: Contest | None) -> bool:
        """May be seated on the contest's panel (`panel_eligible`), asked of the database: appointment asks
        it (committee.panels), and a seat already held counts by the same rule (`seats`). 1 query."""
        if self.user is None or not self.user.is_authenticated or department_contest(contest):
            return False
        return panel_eligible(contest.organiser_id).filter(pk=self.user.pk).exists()

    def conflict_subquery(self) -> QuerySet:
        """The units the user is conflicted with, each declared one and every unit under it (a conflict on
        a province covers its subdistricts), as a subquery: a scope that excludes them costs no extra round
        trip, and a conflict recorded a moment ago already holds."""
        return subtree(conflicted_province_ids(self.user))

    def own_units_seated(self, contest: str, unit: str) -> Q:
        """Rows (`contest` and `unit` their paths) the user must not judge as a panelist: where they sit on the
        contest's panel and the unit is at or under their own office, unless their office organises it
        (panel_office, row by row). A filter to exclude; no query."""
        if self._office_id is None or not self.seats:
            return Q(pk__in=[])
        seated = Q(**{f"{contest}_id__in": list(self.seats), f"{unit}__in": subtree(self._office_id)})
        return seated & ~Q(**{f"{contest}__organiser_id": self._office_id})

    def own_units(self, contest: Contest | None) -> QuerySet:
        """On a panel, the units at or under the member's own office (panel_office), as a subquery."""
        office = panel_office(contest, self._office_id)
        return Province.objects.none().values("pk") if office is None else subtree(office)

    # -- what they may do without a contest -------------------------------------------------------
    def administers(self) -> bool:
        """The Department-wide powers no contest scopes: users and their roles, others' API tokens, unlocking
        logins, the portal's admin tables, opening next year, backups and status: central staff, the system."""
        return self.system or self._role == Role.CENTRAL

    def on_committee(self) -> bool:
        """A member or the chair of the Department's committee: judges the Department's contests, never a panel."""
        return self._role in (Role.COMMITTEE, Role.CHAIR)

    def chairs_committee(self) -> bool:
        """The Department committee's chair: finals, everyone's scores, the judging history."""
        return self._role == Role.CHAIR

    def files_for_office(self) -> bool:
        """An office's staff: files evidence, nominees and clarifications for its own office (`own_office`)."""
        return self._role == Role.PROVINCIAL

    def organises(self) -> bool:
        """An office's organiser: makes and runs its office's contests and picks at the stages its office picks."""
        return self._role == Role.ORGANISER

    def in_portal(self) -> bool:
        """Holds any role in the portal (signed in without one: nothing but their own password)."""
        return self.system or self._role is not None

    def provisions(self, unit: Province | None = None, role: str | None = None) -> bool:
        """Makes and changes accounts (issue #41): central staff any; an office's organiser the staff and
        organisers of the offices under its own. Asked without a unit: may they make any at all."""
        if self.administers():
            return True
        if unit is None and role is None:
            return self.organises()
        return role in Role.with_office() and self.oversees(unit)

    def manages_account(self, user) -> bool:
        """May change or close another person's account: central staff any but a superuser's, which only a
        superuser (or the system) manages, as the admin shows it read-only to anyone else; an office's
        organiser those of the staff and organisers of the offices under its own (whose role and office only
        the lock reads)."""
        if user is not None and user.is_superuser:
            # Otherwise central staff could rename, re-role or reopen a closed superuser through the sheet.
            return self.system or (self.administers() and self.user.is_superuser)
        if self.administers():
            return True
        if user is None or not self.organises():
            return False
        membership_load(user)
        return self.provisions(office_of(user), role_of(user))

    def verified(self) -> bool:
        """Confirmed a second factor in this session (django-otp's middleware marks the request's user)."""
        is_verified = getattr(self.user, "is_verified", None)
        return bool(is_verified and is_verified())

    def needs_second_factor(self) -> bool:
        """Central staff and organisers confirm a second factor in the session before they freeze, publish,
        withdraw, change an open contest or make an API token (OWASP ASVS L2 §2.2, issue #41); the system
        (beat, commands) never does. Offered, not required, while settings.CDD4_SECOND_FACTOR is "offered"."""
        if self.system or settings.CDD4_SECOND_FACTOR != "required":
            return False
        return (self.administers() or self.organises()) and not self.verified()

    def acts_for(self, unit: Province | int | None) -> bool:
        """The unit (or its id) is the user's own office."""
        unit_id = unit.pk if isinstance(unit, Province) else unit
        return unit_id is not None and unit_id == self._office_id

    def running(self, path: str = "") -> Q:
        """The contests the user runs (`runs`) as a filter, `path` leading to a contest ("contest__"); no query."""
        if self.administers():
            return Q()
        if self.organises() and self._office_id is not None:
            return Q(**{f"{path}organiser_id": self._office_id})
        return Q(pk__in=[])

    def organised_units(self) -> QuerySet[Province]:
        """An organiser's own office and every unit under it (their register of past models); none otherwise."""
        if not self.organises() or self._office_id is None:
            return Province.objects.none()
        return Province.objects.filter(at_or_under(self._office_id))

    def about_own_office(self, path: str) -> Q:
        """Rows about the user's own office, as a filter over `path` to a unit (none without an office)."""
        return Q(**{f"{path}_id": self._office_id}) if self._office_id is not None else Q(pk__in=[])

    def oversees(self, unit: Province | None) -> bool:
        """An organiser's office is above the unit (a district or subdistrict under its province)."""
        if unit is None or not self.organises():
            return False
        return unit.pk != self._office_id and self._office_id in line_of(unit)

    # -- what they are in a contest ---------------------------------------------------------------
    def runs(self, contest: Contest | None) -> bool:
        """Central staff run every contest; an office's organisers their office's. Asked without a
        contest: central staff only, as before contests."""
        if self.administers():
            return True
        return contest is not None and self.organises() and contest.organiser_id == self._office_id

    def enters(self, contest: Contest | None) -> bool:
        """The user's office is one of the contest's entrants (office staff only: an organiser files nothing)."""
        if contest is None or not self.files_for_office() or self._office_id is None:
            return False
        if contest.state == ContestState.DRAFT:  # a draft is its runners' alone (issue #28)
            return False
        return unit_enters(contest, self.own_office)

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
            if self.organises() and self._office_id is not None:
                if rows is None:
                    fields = ("contest_id", "previous_id", "chooser_level", "contest__organiser")
                    rows = list(Stage.objects.values_list(*fields))
                office = self.own_office if rows else None
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

    def chooser(self, contest: Contest | None) -> Province | None:
        """The office the user picks this stage's entrants for (`own_office`), if they choose in it."""
        return self.own_office if self.chooses(contest) else None

    def sees_pick(self, entry) -> bool:
        """A pick (a StageEntry) the stage's page shows this user, with the files sent for it: one of the
        contest's entrants they may see, or one their own office picked."""
        contest = entry.stage.contest
        if not (self.runs(contest) or self.in_stages(contest)):
            return False
        mine = self.chooser(contest)
        return (mine is not None and entry.chooser_id == mine.pk) or self.entrants(contest).filter(
            pk=entry.unit_id
        ).exists()

    def seat(self, contest: Contest | None) -> str | None:
        """MEMBER, CHAIR, VIEWER or None: the Department's roles in its contests (None: as nationally),
        a panel seat or the organiser's view in an office's."""
        if department_contest(contest):
            return DEPARTMENT_SEATS.get("central" if self.system else self._role)
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
        if national(contest):
            return self.in_portal()  # every signed-in role
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
        return Contest.objects.filter(pk__in=[c.pk for c in self._each(need)])

    def _each(self, need: Need | str) -> list[Contest]:
        """As `contests`, the contests themselves (their organiser, stage and entrants loaded)."""
        need = Need(need)
        if self.user is None:  # ANONYMOUS and SYSTEM live as long as the process: nothing memoised on them
            self._contests.pop(need, None)
        if need not in self._contests:
            everything = list(Contest.objects.select_related("organiser", "stage").prefetch_related("entrants"))
            if self._stage_ids is None and self.organises():  # the stages come with the contests: no query
                staged = [stage_of(c) for c in everything]
                self._stages(
                    [
                        (s.contest_id, s.previous_id, s.chooser_level, c.organiser_id)
                        for c, s in zip(everything, staged, strict=True)
                        if s is not None
                    ]
                )
            self._contests[need] = [c for c in everything if self.can(c, need)]
        return self._contests[need]

    def entrants(self, contest: Contest) -> QuerySet[Province]:
        """The contest's entrants this user may see: all of them to whoever runs it or judges it (less
        conflicts for a judge), their own office to an entrant, none to anyone else. Built once per contest
        in a request (a scoring screen asks 5 times): a queryset holds its SQL, not rows, so each use reads afresh."""
        if self.user is None:  # ANONYMOUS and SYSTEM live as long as the process: nothing memoised on them
            return self._entrants_of(contest)
        key = (contest.pk, contest.state, contest.organiser_id, contest.entrant_level)
        if key not in self._entrants:
            self._entrants[key] = self._entrants_of(contest)
        return self._entrants[key].all()

    def _entrants_of(self, contest: Contest) -> QuerySet[Province]:
        units = contest_entrants(contest)
        if self.runs(contest) and self.seat(contest) in (VIEWER, None):
            return units
        if self.seat(contest) is not None:
            units = units.exclude(pk__in=self.conflict_subquery())
            # On a panel, its members' own units too: an entrant's staff never judge it (issues #24, #37).
            return units if department_contest(contest) else units.exclude(pk__in=self.own_units(contest))
        if self.enters(contest):
            return units.filter(pk=self._office_id)
        if self.in_stages(contest):  # a stage's organiser: the picks under their own office
            return units.filter(under(self._office_id))
        return units.none()

    def conflicted(self, contest: Contest | None, unit: Province) -> bool:
        """The user declared a conflict on the unit or a unit above it, or (on a panel) it is their own."""
        line = line_of(unit)
        if panel_office(contest, self._office_id) in line:
            return True
        return conflicted_province_ids(self.user).filter(province_id__in=line).exists()

    def scope(self, contest: str, unit: str, need: Need | str = Need.SEE) -> Q:
        """Rows about a unit in a contest (`contest` and `unit` are the rows' paths to them), kept where the
        unit is one of that contest's entrants this user may see (`entrants`), in the contests they may
        `need`: the one scope of every list not about one contest. Central staff and the system: every row."""
        if self.administers():
            return Q()
        found = Q(pk__in=[])
        for each in self._each(need):
            found |= Q(**{contest: each.pk, f"{unit}__in": self.entrants(each).values("pk")})
        return found

    def units(self, need: Need | str = Need.SEE) -> QuerySet[Province]:
        """Every unit the user may see in some contest they may `need` (the union of `entrants`): the scope
        of a list of units asked without a contest. Central staff and the system: every unit."""
        if self.administers():
            return Province.objects.all()
        found = Q(pk__in=[])
        for each in self._each(need):
            found |= Q(pk__in=self.entrants(each).values("pk"))
        return Province.objects.filter(found)


def panel_office(contest: Contest | None, office_id: int | None) -> int | None:
    """On a panel, the member's office, whose units (it and every unit under it) they never judge: an
    entrant's staff, or those of an office above it. None in the Department's contests, and for the
    organising office's own staff, whose contest it is (every entrant is under their office)."""
    if department_contest(contest) or office_id == contest.organiser_id:
        return None
    return office_id


def panel_eligible(organiser) -> QuerySet:
    """Who may sit on the panel of a contest `organiser` runs (an office, its id, or an OuterRef to one): the
    active staff and organisers of that office or of a unit under it, never a superuser. The Department's
    committee and central staff have no office, so never qualify. The one rule of a panel seat: appointment
    asks it (`Actor.may_sit`), a seat counts only while its holder meets it (`seat_counts`), and the
    panel's candidates are listed by it (committee.selectors.panel_candidates)."""
    return directory.office_staff(at_or_under(organiser, "membership__province__"))


@cache
def seat_counts() -> Exists:
    """A filter over panel seats (committee.Panelist rows): the seat's holder still qualifies for its
    contest's panel (`panel_eligible`). A subquery: no round trip of its own. Made once: it names no user or
    contest (OuterRef only), each query resolves its own copy, and building it cost 3 ms a request."""
    return Exists(panel_eligible(OuterRef("contest__organiser_id")).filter(pk=OuterRef("user_id")))


def unit_enters(contest: Contest, unit: Province) -> bool:
    """Whether the unit is one of the contest's entrants (as contest_entrants, for one unit)."""
    if national(contest):  # the 76 offices; no query
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
    membership_load(user)  # role and office in one query
    actor = Actor(user=user, _role=role_of(user), _office_id=office_province_id(user))
    user._actor = actor
    return actor


def second_factor_check(user) -> None:
    """Before a decision the second factor guards: SecondFactorRequired (the page asking for the code,
    core.gate) unless the actor has confirmed one in this session or needs none."""
    if actor_of(user).needs_second_factor():
        raise SecondFactorRequired


def forget(user) -> None:
    """Drop the cached actor after the user's seats or conflicts change within the same request."""
    user.__dict__.pop("_actor", None)
