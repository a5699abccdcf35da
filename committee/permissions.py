"""Who may do what in committee scoring: `rules` predicates over the request's actor, asked with the rubric.

Who judges is the actor's answer alone (its seat in the contest: member, chair or viewer; contests.actor):
the Department's contests seat its committee, its chair and central staff as they were nationally; an
office's contest seats its panel and shows its judging to the office's organisers. Asked without a rubric a
rule is the Department's, as it was before panels."""

import rules

from contests.actor import CHAIR, MEMBER, VIEWER, actor_of, contest_of, department_contest
from contests.permissions import is_central, is_chair, runs_contest
from core.acts import declare


def _seat(user, obj) -> str | None:
    actor, contest = actor_of(user), contest_of(obj)
    return actor.department_seat() if contest is None else actor.rights(contest).seat


@rules.predicate
def judges(user, obj) -> bool:
    """A member or chair of the contest's judging: its own scores, overrides, clarifications."""
    return _seat(user, obj) in (MEMBER, CHAIR)


@rules.predicate
def chairs(user, obj) -> bool:
    return _seat(user, obj) == CHAIR


@rules.predicate
def oversees(user, obj) -> bool:
    """Sees all of the judging without a seat of their own: central staff in the Department's contests, the
    organisers (and central staff) in an office's."""
    return _seat(user, obj) == VIEWER


@rules.predicate
def seated(user, obj) -> bool:
    return _seat(user, obj) is not None


@rules.predicate
def forms_panel(user, obj) -> bool:
    """An office's contest (asked with it or one of its rubrics): its own office's organisers, and central staff."""
    contest = contest_of(obj)
    return contest is not None and not department_contest(contest) and actor_of(user).rights(contest).runs


@rules.predicate
def answers_clarification(user, clarification) -> bool:
    """The unit's own staff answer its clarification, in a contest their office enters."""
    if clarification is None or not actor_of(user).acts_for(clarification.unit_id):
        return False
    contest = contest_of(clarification)
    return contest is not None and actor_of(user).rights(contest).enters


declare("committee.view_scoring", seated)
declare("committee.score", judges)  # a member's own judgment
declare("committee.override", judges)  # points of a data criterion, with a reason
declare("committee.finalize", chairs)  # the chair's final
declare("committee.clarify", judges)  # open and close a clarification round
declare("committee.export_history", is_central | is_chair)
declare("committee.manage_conflicts", is_central | forms_panel)  # forms_panel: asked with the contest
declare("committee.manage_panel", forms_panel, second_factor=True, about="appoint or remove a panel member")
# The unit's staff answer their own clarifications; the committee adds to the thread through `clarify`.
declare("committee.reply_clarification", answers_clarification)
# Members' scores from a sheet (paper forms): whoever runs the contest and oversees its judging (central
# staff nationally, an office's organisers in its contest), never a panelist, as never a committee member.
declare(
    "committee.import_judgments",
    oversees & runs_contest,
    second_factor=True,
    about="import members' scores from a sheet",
)
# By when the judging ends: whoever runs the contest (central staff, an office's organisers), not a judge.
declare("committee.set_judging_deadline", runs_contest)
