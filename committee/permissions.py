"""Who may do what in committee scoring: `rules` predicates over scoring's roles, asked with the rubric.

The Department's contests keep their national roles (committee, chair, central staff); a provincial
office's contest is judged by its own panel (issue #16) and overseen by that office's organisers. Asked
without a rubric a rule is the national one, as it was before panels."""

import rules

from people.models import Role
from people.selectors import office_province_id, role_of
from scoring.models import Contest, Rubric
from scoring.permissions import is_central, is_chair, is_committee, is_department, is_own_province

from .querysets import CHAIR, MEMBER, VIEWER, has_panel, seat


def _rubric(obj) -> Rubric | None:
    return obj if isinstance(obj, Rubric) else getattr(obj, "rubric", None)


@rules.predicate
def panel_contest(user, obj) -> bool:
    return has_panel(_rubric(obj))


@rules.predicate
def on_panel(user, obj) -> bool:
    return seat(user, _rubric(obj)) in (MEMBER, CHAIR)


@rules.predicate
def chairs_panel(user, obj) -> bool:
    return seat(user, _rubric(obj)) == CHAIR


@rules.predicate
def oversees_panel(user, obj) -> bool:
    """The contest's own organisers (and central staff) see all of its judging and name its panel."""
    return seat(user, _rubric(obj)) == VIEWER


@rules.predicate
def forms_panel(user, obj) -> bool:
    """Asked with the contest or one of its rubrics: its own office's organisers, and central staff."""
    contest = obj if isinstance(obj, Contest) else getattr(_rubric(obj), "contest", None)
    if contest is None or contest.organiser_id is None:
        return False
    role = role_of(user)
    return role == Role.CENTRAL or (role == Role.ORGANISER and office_province_id(user) == contest.organiser_id)


national = ~panel_contest
judges = (national & is_committee) | (panel_contest & on_panel)

rules.add_perm("committee.view_scoring", (national & is_department) | (panel_contest & (on_panel | oversees_panel)))
rules.add_perm("committee.score", judges)  # a member's own judgment
rules.add_perm("committee.override", judges)  # points of a data criterion, with a reason
rules.add_perm("committee.finalize", (national & is_chair) | (panel_contest & chairs_panel))  # the chair's final
rules.add_perm("committee.clarify", judges)  # open and close a clarification round
rules.add_perm("committee.export_history", is_central | is_chair)
rules.add_perm("committee.manage_conflicts", is_central | forms_panel)  # forms_panel: asked with the contest
rules.add_perm("committee.manage_panel", forms_panel)
# The province answers its own clarifications; the committee may add to the thread too.
rules.add_perm("committee.reply_clarification", is_own_province | is_committee)
# Members' scores from a sheet (paper forms): whoever runs the judging, as central staff do nationally; in a
# provincial contest its organisers (oversees_panel), never a panelist, as never a committee member.
rules.add_perm("committee.import_judgments", (national & is_central) | (panel_contest & oversees_panel))
