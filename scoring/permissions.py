"""Who may do what: `rules` predicates, the one place roles are interpreted."""

import rules

from people.models import Role
from people.selectors import office_province_id, role_of

from .contests import enters
from .models import Rubric


@rules.predicate
def is_central(user) -> bool:
    return role_of(user) == Role.CENTRAL


@rules.predicate
def is_committee(user) -> bool:
    return role_of(user) in (Role.COMMITTEE, Role.CHAIR)


@rules.predicate
def is_chair(user) -> bool:
    return role_of(user) == Role.CHAIR


@rules.predicate
def is_provincial(user) -> bool:
    return role_of(user) == Role.PROVINCIAL


@rules.predicate
def is_own_province(user, province) -> bool:
    return province is not None and is_provincial(user) and user.membership.province_id == province.pk


@rules.predicate
def is_organiser(user) -> bool:
    return role_of(user) == Role.ORGANISER


def _rubric(obj) -> Rubric | None:
    """Rules about a contest are asked with its rubric or with something of it (a document, say)."""
    return obj if isinstance(obj, Rubric) or obj is None else getattr(obj, "rubric", None)


@rules.predicate
def runs_contest(user, obj) -> bool:
    """Central staff run every contest; a provincial office's organisers run the contests that office
    organises (issue #16). Asked without a rubric, only central staff qualify, as before contests."""
    if is_central(user):
        return True
    rubric = _rubric(obj)
    return rubric is not None and is_organiser(user) and rubric.contest.organiser_id == office_province_id(user)


@rules.predicate
def national_contest(user, obj) -> bool:
    """The Department's committee judges the national contest only (asked without one: as before)."""
    rubric = _rubric(obj)
    return rubric is None or rubric.contest.is_national


@rules.predicate
def organises_unit(user, unit) -> bool:
    """An organiser sees the districts and subdistricts under their provincial office, nothing else."""
    if unit is None or not is_organiser(user):
        return False
    office = office_province_id(user)
    return unit.parent_id == office or (unit.parent_id is not None and unit.parent.parent_id == office)


@rules.predicate
def enters_contest(user, obj) -> bool:
    """Office staff whose own office is one of the contest's entrants (asked with its rubric)."""
    rubric = _rubric(obj)
    membership = getattr(user, "membership", None) if is_provincial(user) else None
    return rubric is not None and membership is not None and enters(rubric.contest, membership.province)


is_department = is_central | is_committee

rules.add_perm("scoring.view_rubric", rules.is_authenticated)
rules.add_perm("scoring.view_provinces", rules.is_authenticated)
rules.add_perm("scoring.view_standings", runs_contest)
rules.add_perm("scoring.save_contest", is_central | is_organiser)
rules.add_perm("scoring.import_facts", runs_contest)
rules.add_perm("scoring.change_deadline", runs_contest)
# A contest's nominees (Contest.nominates): whoever runs it sees them all, an entrant office its own.
rules.add_perm("scoring.view_nominees", runs_contest | enters_contest)
rules.add_perm("scoring.view_province", is_department | is_own_province | organises_unit)
