"""Who may do what in committee scoring: `rules` predicates over scoring's roles."""

import rules

from scoring.permissions import is_central, is_chair, is_committee, is_department, is_own_province

rules.add_perm("committee.view_scoring", is_department)  # matrix, scoring screen, history (read)
rules.add_perm("committee.score", is_committee)  # a member's own judgment
rules.add_perm("committee.override", is_committee)  # points of a data criterion, with a reason
rules.add_perm("committee.finalize", is_chair)  # the chair's final score
rules.add_perm("committee.clarify", is_committee)  # open and close a clarification round
rules.add_perm("committee.export_history", is_central | is_chair)
rules.add_perm("committee.manage_conflicts", is_central)
# The province answers its own clarifications; the committee may add to the thread too.
rules.add_perm("committee.reply_clarification", is_own_province | is_committee)
rules.add_perm("committee.import_judgments", is_central)  # members' scores from a sheet (paper forms)
