"""Who may do what in committee scoring: `rules` predicates over the request's actor, asked with the rubric.

The Department's contests keep their national roles (committee, chair, central staff); a provincial
office's contest is judged by its own panel (issue #16) and overseen by that office's organisers. Asked
without a rubric a rule is the national one, as it was before panels."""

import rules

from contests.actor import CHAIR, MEMBER, VIEWER, actor_of, contest_of, department_contest
from contests.permissions import is_central, is_chair, is_committee, is_department


@rules.predicate
def panel_contest(user, obj) -> bool:
    return obj is not None and not department_contest(contest_of(obj))


@rules.predicate
def on_panel(user, obj) -> bool:
    return panel_contest(user, obj) and actor_of(user).seat(contest_of(obj)) in (MEMBER, CHAIR)


@rules.predicate
def chairs_panel(user, obj) -> bool:
    return panel_contest(user, obj) and actor_of(user).seat(contest_of(obj)) == CHAIR


@rules.predicate
def oversees_panel(user, obj) -> bool:
    """The contest's own organisers (and central staff) see all of its judging and name its panel."""
    return panel_contest(user, obj) and actor_of(user).seat(contest_of(obj)) == VIEWER


@rules.predicate
def forms_panel(user, obj) -> bool:
    """Asked with the contest or one of its rubrics: its own office's organisers, and central staff."""
    return panel_contest(user, obj) and actor_of(user).runs(contest_of(obj))


@rules.predicate
def answers_clarification(user, clarification) -> bool:
    """The unit's own staff answer its clarification, in a contest their office enters (issue #24)."""
    actor = actor_of(user)
    return (
        clarification is not None
        and actor.acts_for(clarification.province_id)
        and actor.enters(contest_of(clarification))
    )


departments = ~panel_contest  # the Department's contests (contests.actor.department_contest)
judges = (departments & is_committee) | (panel_contest & on_panel)

rules.add_perm("committee.view_scoring", (departments & is_department) | (panel_contest & (on_panel | oversees_panel)))
rules.add_perm("committee.score", judges)  # a member's own judgment
rules.add_perm("committee.override", judges)  # points of a data criterion, with a reason
rules.add_perm("committee.finalize", (departments & is_chair) | (panel_contest & chairs_panel))  # the chair's final
rules.add_perm("committee.clarify", judges)  # open and close a clarification round
rules.add_perm("committee.export_history", is_central | is_chair)
rules.add_perm("committee.manage_conflicts", is_central | forms_panel)  # forms_panel: asked with the contest
rules.add_perm("committee.manage_panel", forms_panel)
# The unit's staff answer their own clarifications; the committee adds to the thread through `clarify`.
rules.add_perm("committee.reply_clarification", answers_clarification)
# Members' scores from a sheet (paper forms): whoever runs the judging, as central staff do nationally; in a
# provincial contest its organisers (oversees_panel), never a panelist, as never a committee member.
rules.add_perm("committee.import_judgments", (departments & is_central) | (panel_contest & oversees_panel))
