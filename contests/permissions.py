"""Who may do what: `rules` predicates, one-line wrappers over the request's actor (contests.actor)."""

import rules

from contests.actor import actor_of, contest_of, department_contest


@rules.predicate
def is_central(user) -> bool:
    return actor_of(user).administers()


@rules.predicate
def is_committee(user) -> bool:
    return actor_of(user).on_committee()


@rules.predicate
def is_chair(user) -> bool:
    return actor_of(user).chairs_committee()


@rules.predicate
def is_provincial(user) -> bool:
    return actor_of(user).files_for_office()


@rules.predicate
def is_own_province(user, province) -> bool:
    return is_provincial(user) and actor_of(user).acts_for(province)


@rules.predicate
def is_organiser(user) -> bool:
    return actor_of(user).organises()


@rules.predicate
def runs_contest(user, obj) -> bool:
    """Central staff run every contest; an office's organisers their office's (asked without one: central)."""
    return actor_of(user).runs(contest_of(obj))


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
    return actor_of(user).enters(contest_of(obj))


@rules.predicate
def sees_contest(user, obj) -> bool:
    """The contest exists for the user: the national one for every role, another office's for nobody there."""
    return actor_of(user).sees(contest_of(obj))


@rules.predicate
def chooses_stage(user, obj) -> bool:
    """An organiser whose office picks this stage's entrants (seed 002: a district office, a province)."""
    return actor_of(user).chooses(contest_of(obj))


@rules.predicate
def sees_pick(user, entry) -> bool:
    return actor_of(user).sees_pick(entry)


@rules.predicate
def in_stages(user, obj) -> bool:
    """A stage's organiser sees its own stage and the stages below it."""
    return actor_of(user).in_stages(contest_of(obj))


is_department = is_central | is_committee

rules.add_perm("scoring.view_rubric", sees_contest)
rules.add_perm("scoring.view_provinces", rules.is_authenticated)
rules.add_perm("scoring.view_standings", runs_contest)
rules.add_perm("scoring.save_contest", is_central | is_organiser)
rules.add_perm("scoring.import_facts", runs_contest)
rules.add_perm("scoring.change_deadline", runs_contest)
rules.add_perm("scoring.settle_tie", runs_contest)
# A contest's revision history (who changed its rules, when, why): whoever runs it, never its entrants or panel.
rules.add_perm("scoring.view_rubric_changes", runs_contest)
# A contest's nominees (Contest.nominates): whoever runs it sees them all, an entrant office its own.
rules.add_perm("scoring.view_nominees", runs_contest | enters_contest)
# A selection in stages (seed 002): who picks, who sees the picks and the files still missing.
rules.add_perm("scoring.select_stage", chooses_stage)
rules.add_perm("scoring.view_stage", runs_contest | in_stages)
# A file sent for a pick (the video, the lessons-learned PDF): whoever the stage's page shows the pick to.
rules.add_perm("scoring.view_stage_file", sees_pick)
rules.add_perm("scoring.import_register", is_central)
# The working-day calendar's holiday overrides move every contest's deadlines: central staff only.
rules.add_perm("scoring.edit_calendar", is_central)
rules.add_perm("scoring.view_province", is_department | is_own_province | organises_unit)


@rules.predicate
def provisions_accounts(user) -> bool:
    """Central staff, and an office's organisers for the offices under it (issue #41)."""
    return actor_of(user).provisions()
