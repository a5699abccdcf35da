"""Who may do what: `rules` predicates, the one place roles are interpreted."""

import rules

from people.models import Role
from people.selectors import role_of


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


is_department = is_central | is_committee

rules.add_perm("scoring.view_rubric", rules.is_authenticated)
rules.add_perm("scoring.view_provinces", rules.is_authenticated)
rules.add_perm("scoring.view_standings", is_central)
rules.add_perm("scoring.import_facts", is_central)
rules.add_perm("scoring.change_deadline", is_central)
rules.add_perm("scoring.view_province", is_department | is_own_province)
