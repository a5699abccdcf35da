"""Who may do what: `rules` predicates, one-line wrappers over the request's actor (contests.actor), which every
app's permissions.py combines into its own acts (core.acts: the rule, and whether a second factor is asked
first); and the one act about seeing a unit in a contest (an entry, contests.entries), which contests owns."""

import rules
from django.conf import settings

from contests.actor import CHAIR, Power, actor_of, contest_of, department_contest
from contests.entries import Entry
from core.acts import SECOND_FACTOR_DUE, declare


@rules.predicate
def is_central(user) -> bool:
    return Power.ADMINISTER in actor_of(user).powers


@rules.predicate
def is_committee(user) -> bool:
    return Power.JUDGE in actor_of(user).powers


@rules.predicate
def is_chair(user) -> bool:
    return Power.CHAIR in actor_of(user).powers


@rules.predicate
def is_office_staff(user) -> bool:
    return Power.FILE in actor_of(user).powers


@rules.predicate
def is_own_office(user, unit) -> bool:
    return is_office_staff(user) and actor_of(user).acts_for(unit)


@rules.predicate
def is_organiser(user) -> bool:
    return Power.ORGANISE in actor_of(user).powers


@rules.predicate
def runs_contest(user, obj) -> bool:
    """Central staff run every contest; an office's organisers their office's (asked without one: central)."""
    actor, contest = actor_of(user), contest_of(obj)
    return Power.ADMINISTER in actor.powers if contest is None else actor.rights(contest).runs


@rules.predicate
def chairs_contest(user, obj) -> bool:
    """Chairs the contest's judging: the Department's chair in its contests, a panel's chair in an office's."""
    contest = contest_of(obj)
    return contest is not None and actor_of(user).rights(contest).seat == CHAIR


@rules.predicate
def departments_contest(user, obj) -> bool:
    """The Department's contests are judged by its committee (asked without one: as before contests)."""
    return department_contest(contest_of(obj))


@rules.predicate
def organises_unit(user, unit) -> bool:
    """An organiser sees the districts and subdistricts under their provincial office, nothing else."""
    return actor_of(user).oversees(unit)


@rules.predicate
def enters_contest(user, obj) -> bool:
    """Office staff whose own office is one of the contest's entrants (asked with its rubric)."""
    contest = contest_of(obj)
    return contest is not None and actor_of(user).rights(contest).enters


@rules.predicate
def sees_contest(user, obj) -> bool:
    """The contest exists for the user: the national one for every role, another office's for nobody there."""
    contest = contest_of(obj)
    return contest is not None and actor_of(user).rights(contest).sees


@rules.predicate
def second_factor_due(user) -> bool:
    """The person's role steps up (the role table's STEP_UP) and no factor is confirmed in this session
    (django-otp marks the request's user). Offered, not required, while settings.CDD4_SECOND_FACTOR says so."""
    if settings.CDD4_SECOND_FACTOR != "required" or Power.STEP_UP not in actor_of(user).powers:
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


rules.add_rule(SECOND_FACTOR_DUE, second_factor_due)


@rules.predicate
def is_department(user) -> bool:
    """Sits in the Department's contests (central staff, its committee and chair): the admin is their workplace."""
    return actor_of(user).department_seat() is not None


@rules.predicate
def files_for_entry(user, entry) -> bool:
    """Acts for the entry's unit (their own office) in a contest that office enters (`Rights.enters`)."""
    return isinstance(entry, Entry) and is_own_office(user, entry.unit) and actor_of(user).rights(entry.contest).enters


@rules.predicate
def sees_entry(user, entry) -> bool:
    """The entry's unit is one of its contest's entrants and one the user sees: its own staff, the Department's
    people (central staff, its committee and chair) and the organiser of an office above it. Whether the contest
    exists for the user is the loader's (rubrics.access), which answers 404 before any act is asked."""
    if not isinstance(entry, Entry) or not entry.enters:
        return False
    return is_department(user) or is_own_office(user, entry.unit) or organises_unit(user, entry.unit)


# A unit's pages in a contest and its rows there (an office's evidence, its nominee), asked about the entry:
# this unit, in this contest it enters (the loader rubrics.access.entry_or_404 asks it once a page).
declare("contests.see_unit", sees_entry)
