"""The lock: who the person is, and their rights in each contest, computed once (docs/architecture.md).

`actor_of(user)` is made once per user object (a request's) from the user's role, office and panel seats.
A role is a row of `ROLES`, the powers it holds; every question reads the powers, never the role, so adding
a role is one row (and its tests); a role's question is `Power.X in actor.powers`. A contest's rights (runs,
enters, seat, judges, sees, conflicted) are one record per person and contest (`Rights`, HotCRP's
PaperContactInfo), built at the first question and read by every later one: `actor.rights(contest).runs`.
Lists of what the rights reach are functions of the actor in contests.scopes. The acts themselves are declared
in each app's permissions.py (core.acts), as `rules` predicates over this. Only this module and its scopes read
a role or an office outside people/ (tests/test_lock.py; import-linter `one-lock`: people.selectors is this
module's alone).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import F, Q, QuerySet

from contests import hooks
from contests.entrants import contest_entrants, national, unit_enters
from contests.models import Contest, ContestState, Unit
from contests.seats import department_contest, panel_office, panel_organisers
from contests.tree import line_of, subtree
from core.bulk import AnyOf
from people import directory
from people.models import Role
from people.selectors import conflicted_unit_ids, membership_load, memberships_load, office_of, office_unit_id, role_of

if TYPE_CHECKING:
    from django.contrib.auth.models import User

T = TypeVar("T")

MEMBER, CHAIR, VIEWER = "member", "chair", "viewer"  # a seat: judges own scores / also finals / sees all


class Need(StrEnum):
    SEE = "see"  # its pages exist for the user (the national contest: everyone signed in)
    RUN = "run"  # organise: rubric, facts, deadlines, panel, documents
    ENTER = "enter"  # the user's office is an entrant: evidence, its own results
    JUDGE = "judge"  # a seat in its judging (member, chair, or the organiser's view of it)


class Power(StrEnum):
    ADMINISTER = "administer"  # Department-wide: users, tokens, next year, the admin; runs every contest
    ORGANISE = "organise"  # runs its office's contests, picks at the stages its office picks
    FILE = "file"  # files evidence, nominees and answers for its own office
    JUDGE = "judge"  # a member of the Department's committee: judges its contests
    CHAIR = "chair"  # chairs the Department's committee: finals, everyone's scores, the history
    OVERSEE = "oversee"  # sees the Department's contests' judging without scoring (a viewer's seat)
    STEP_UP = "step_up"  # confirms a second factor in the session before an act declared to need one


ROLES: dict[str, frozenset[Power]] = {  # a role → its powers: adding a role is a row here and its tests
    Role.OFFICE_STAFF: frozenset({Power.FILE}),
    Role.COMMITTEE: frozenset({Power.JUDGE}),
    Role.CHAIR: frozenset({Power.JUDGE, Power.CHAIR}),
    Role.CENTRAL: frozenset({Power.ADMINISTER, Power.OVERSEE, Power.STEP_UP}),
    Role.ORGANISER: frozenset({Power.ORGANISE, Power.STEP_UP}),
}
SYSTEM_POWERS = frozenset({Power.ADMINISTER, Power.OVERSEE})  # beat jobs and commands: never a second factor


def contest_of(obj) -> Contest | None:
    """Rules are asked with a contest, a rubric, or something of a rubric (a document, a judgment)."""
    if obj is None or isinstance(obj, Contest):
        return obj
    contest = getattr(obj, "contest", None)  # a rubric (one period of its contest)
    if isinstance(contest, Contest):
        return contest
    rubric = getattr(obj, "rubric", None)
    return rubric.contest if rubric is not None else None


def memo_key(contest: Contest) -> tuple[int, str, int | None, str]:
    """What a contest's memoised answers are kept under: its id and what they depend on (state, organiser, level)."""
    return (contest.pk, contest.state, contest.organiser_id, contest.entrant_level)


class Rights:
    """One person's rights in one contest: each computed at its first question, then read (HotCRP's
    PaperContactInfo). Made by `Actor.rights`, once per contest and request."""

    def __init__(self, actor: Actor, contest: Contest):
        self.actor, self.contest = actor, contest

    @cached_property
    def runs(self) -> bool:  # central staff every contest; an office's organisers their office's
        a = self.actor
        return Power.ADMINISTER in a.powers or (
            Power.ORGANISE in a.powers and self.contest.organiser_id == a._office_id
        )

    @cached_property
    def enters(self) -> bool:  # the user's office is an entrant (office staff only); a draft is its runners'
        a, contest = self.actor, self.contest
        if Power.FILE not in a.powers or a._office_id is None or contest.state == ContestState.DRAFT:
            return False
        office = a.own_office
        return office is not None and unit_enters(contest, office)

    @cached_property
    def seat(self) -> str | None:  # the Department's powers in its contests; a panel seat or the organiser's view
        if department_contest(self.contest):
            return self.actor.department_seat()
        chairs = self.actor.seats.get(self.contest.pk)
        if chairs is not None:
            return CHAIR if chairs else MEMBER
        return VIEWER if self.runs else None

    @property
    def judges(self) -> bool:  # a member's or the chair's seat: scores of their own
        return self.seat in (MEMBER, CHAIR)

    @cached_property
    def sees(self) -> bool:  # a draft: its runners; the national contest: every role; else runs, judges, enters
        a, contest = self.actor, self.contest
        if a.user is None and not a.system:
            return False
        if contest.state == ContestState.DRAFT:
            return a.system or self.runs
        if national(contest):
            return a.in_portal()
        return self.runs or self.seat is not None or self.enters or self.in_stages

    @cached_property
    def in_stages(self) -> bool:
        """Takes part through a selection in stages: the stage their office picks for, or a stage below it (never
        one above their own). Stages' answer, through the hook it registers (contests.hooks.in_stages)."""
        return any(self.contest.pk in ids for ids in hooks.in_stages(self.actor, None))

    def can(self, need: Need | str) -> bool:
        """The contest's `need` (Need): see, run, enter, or a seat in its judging."""
        need = Need(need)
        if need is Need.JUDGE:
            return self.seat is not None
        return self.sees if need is Need.SEE else self.runs if need is Need.RUN else self.enters

    def conflicted(self, unit: Unit) -> bool:
        """The user declared a conflict on the unit or a unit above it, or (on a panel) it is their own."""
        a = self.actor
        line = line_of(unit)
        if panel_office(self.contest, a._office_id) in line:
            return True
        declared = getattr(a.user, "_prefetched_objects_cache", {}).get("conflicts")
        if declared is not None:  # a list of people with theirs (people.directory): no query per person
            return any(c.unit_id in line for c in declared)
        return conflicted_unit_ids(a.user).filter(unit_id__in=line).exists()


@dataclass
class Actor:
    """Who a person is: their powers (the role table), their office, their seats; their rights in a contest
    (`rights`). Lists of what those reach are contests.scopes', functions of the actor."""

    user: User | None = None
    _role: str | None = None  # private: ask the questions below
    _office_id: int | None = None
    system: bool = False  # beat jobs and management commands: act for the Department
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)  # this request's answers, by key

    # -- who they are: the role table's powers, the office, the seats -----------------------------
    @cached_property
    def powers(self) -> frozenset[Power]:
        """The powers of the user's role row (`Power.X in actor.powers`: the one way to ask a role's question)."""
        if self.system:
            return SYSTEM_POWERS
        return ROLES.get(self._role, frozenset()) if self._role is not None else frozenset()

    def in_portal(self) -> bool:
        """Holds any role in the portal (signed in without one: nothing but their own password)."""
        return self.system or self._role is not None

    def department_seat(self) -> str | None:
        """Their seat in the Department's contests (asked without a contest: the Department's, as nationally)."""
        p = self.powers
        return CHAIR if Power.CHAIR in p else MEMBER if Power.JUDGE in p else VIEWER if Power.OVERSEE in p else None

    @cached_property
    def own_office(self) -> Unit | None:
        """The user's own office: to show, and the office an entrant files for; never decides anything."""
        return office_of(self.user) if self._office_id is not None else None

    @cached_property
    def seats(self) -> dict[int, bool]:
        """contest id → is chair, for every panel seat that counts: its holder still qualifies for the contest's
        panel (contests.seats.panel_organisers, the rule `seat_counts` asks in SQL). 1 query; none for someone
        who qualifies for no panel (the committee, central staff)."""
        user = self.user
        if user is None or not user.is_authenticated or self._role is None:
            return {}
        organisers = panel_organisers(
            active=user.is_active, superuser=user.is_superuser, role=self._role, office=self.own_office
        )
        if not organisers:
            return {}
        rows = user.panel_seats.order_by().values_list("contest_id", "is_chair", "contest__organiser_id")
        return {contest: chair for contest, chair, organiser in rows if organiser in organisers}

    def acts_for(self, unit: Unit | int | None) -> bool:
        """The unit (or its id) is the user's own office."""
        unit_id = unit.pk if isinstance(unit, Unit) else unit
        return unit_id is not None and unit_id == self._office_id

    def oversees(self, unit: Unit | None) -> bool:
        """An organiser's office is above the unit (a district or subdistrict under its province)."""
        if unit is None or Power.ORGANISE not in self.powers:
            return False
        return unit.pk != self._office_id and self._office_id in line_of(unit)

    # -- in a contest: its Rights record ----------------------------------------------------------
    def rights(self, contest: Contest) -> Rights:
        """The user's rights in the contest: one record a contest and request (`Rights`)."""
        return self.memo(("rights", *memo_key(contest)), lambda: Rights(self, contest))

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()` once a request, kept under `key` (the rights, the scopes' lists, the stages a person picks in:
        stages.rights). ANONYMOUS and SYSTEM live as long as the process: nothing is kept on them, each asks again."""
        if self.user is None:
            return make()
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


def conflict_subquery(actor: Actor) -> QuerySet:
    """The units the user is conflicted with, each declared one and every unit under it, as a subquery (here,
    beside `Rights.conflicted`: people.selectors is the actor's alone)."""
    return subtree(conflicted_unit_ids(actor.user))


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
    actor = Actor(user=user, _role=role_of(user), _office_id=office_unit_id(user))
    user._actor = actor
    return actor


def actors_load(users) -> None:
    """Many users' roles and offices read at once, so that `actor_of` asks nothing more of each (a sender's
    chunk of readers, each asked again whether they may know of a notice). 1 query."""
    memberships_load([u for u in users if getattr(u, "_actor", None) is None])


def forget(user) -> None:
    """Drop the cached actor and the request's decisions (core.acts) after the user's seats or conflicts change."""
    user.__dict__.pop("_actor", None)
    user.__dict__.pop("_decided", None)


def filers(contest: Contest, unit_ids: Iterable[int]) -> dict[int, list]:
    """unit id → the people who file its evidence in `contest` (`Rights.enters` and `Actor.acts_for`, asked of
    many units and people at once: a day's reminders to every entrant), each unit's by id. One query, whatever
    the number of units, so the question costs no query, and no pass over the contest's entrants, per person.
    Each person is read as far as telling them needs (id, e-mail address, account open), their other fields
    deferred: three model objects a person (the user, the membership, its unit) were a day's reminders' most
    costly part at 75,000 villages."""
    if contest.state == ContestState.DRAFT:
        return {}
    entering = contest_entrants(contest).filter(AnyOf(F("pk"), list(unit_ids))).values("pk")
    roles = [role for role, powers in ROLES.items() if Power.FILE in powers]
    found: dict[int, list] = {}
    staff = directory.office_staff(Q(membership__unit__in=entering, membership__role__in=roles))
    told = staff.select_related(None).only("pk", "email", "is_active").annotate(filing_for=F("membership__unit_id"))
    for user in told.order_by("pk"):
        found.setdefault(user.filing_for, []).append(user)
    return found


def office_unit(user) -> Unit | None:
    """The office an organiser runs contests for; None for everyone else (central staff run any)."""
    actor = actor_of(user)
    return actor.own_office if Power.ORGANISE in actor.powers else None
