"""Who may do what: `rules` predicates, one-line wrappers over the request's actor (contests.actor), and the
acts of scoring declared with them (core.acts: the rule, and whether a second factor is asked first)."""

import rules
from django.conf import settings

from contests.actor import actor_of, contest_of, department_contest
from core.acts import SECOND_FACTOR_DUE, declare


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
def is_own_office(user, unit) -> bool:
    return is_provincial(user) and actor_of(user).acts_for(unit)


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


@rules.predicate
def second_factor_due(user) -> bool:
    """The person's role steps up (the role table's STEP_UP) and no factor is confirmed in this session
    (django-otp marks the request's user). Offered, not required, while settings.CDD4_SECOND_FACTOR says so."""
    if settings.CDD4_SECOND_FACTOR != "required" or not actor_of(user).steps_up():
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


rules.add_rule(SECOND_FACTOR_DUE, second_factor_due)


@rules.predicate
def is_department(user) -> bool:
    """Sits in the Department's contests (central staff, its committee and chair): the admin is their workplace."""
    return actor_of(user).department_seat() is not None


declare("scoring.view_rubric", sees_contest)
declare("scoring.view_provinces", rules.is_authenticated)
declare("scoring.view_standings", runs_contest)
declare("scoring.save_contest", is_central | is_organiser)
# Facts decide scores: a sheet of them (the dashboard's upload, the API, the admin's import) is a privileged act.
declare(
    "scoring.import_facts",
    runs_contest,
    second_factor=True,
    about="import facts from a sheet (the dashboard, the API, the admin's import)",
)
# The privileged acts on a contest: whoever runs it, with a second factor confirmed in the session.
STEPPED = {
    "scoring.freeze": "freeze a period's results",
    "scoring.unfreeze": "unfreeze frozen results",
    "scoring.publish": "publish frozen results",
    "scoring.withdraw": "withdraw published results",
    "scoring.open_contest": "open a draft contest to its entrants",
    "scoring.change_open_contest": "change an open contest's rules, deadlines or award minimum",
    "scoring.change_deadline": "move a criterion's deadline, by the Department's letter",
    "scoring.settle_tie": "settle a tie at an award line",
}
for name, about in STEPPED.items():
    declare(name, runs_contest, second_factor=True, about=about)
# A contest's revision history (who changed its rules, when, why): whoever runs it, never its entrants or panel.
declare("scoring.view_rubric_changes", runs_contest)
# A contest's nominees (Contest.nominates): whoever runs it sees them all, an entrant office its own.
declare("scoring.view_nominees", runs_contest | enters_contest)
# A selection in stages (seed 002): who picks, who sees the picks and the files still missing.
declare("scoring.select_stage", chooses_stage)
declare("scoring.view_stage", runs_contest | in_stages)
# A file sent for a pick (the video, the lessons-learned PDF): whoever the stage's page shows the pick to.
declare("scoring.view_stage_file", sees_pick)
declare("scoring.import_register", is_central)
# The working-day calendar's holiday overrides move every contest's deadlines: central staff only.
declare("scoring.edit_calendar", is_central, second_factor=True, about="change the working-day calendar's holidays")
declare("scoring.view_province", is_department | is_own_office | organises_unit)
