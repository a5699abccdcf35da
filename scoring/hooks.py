"""Where the apps built on scoring feed it, without scoring importing them (registered in their ready())."""

from core.hooks import Hook

# (rubric, unit ids or None for all) → {unit id: {criterion code: Decimal}}: points that replace
# the rule's own for those criteria (committee: override, chair's final, members' median).
score_sources = Hook("scoring.score_sources")

# rubric → a queryset whose rows carry `unit` and `criterion` ids: something submitted besides a
# recorded fact (submissions: visible evidence, whose `created_at` and `answers_round` the schedule reads too: the
# day it came and the round it names). A queryset so that the dashboard counts it in the database
# (scoring.entrant_counts); every count of missing evidence and the reminders read these.
submitted_sources = Hook("scoring.submitted_sources")

# user → True for someone outside the Department who still works in the admin on some pages of their own
# (committee: the panel of a provincial contest on its scoring screens). Each page keeps its own rule.
admin_entry = Hook("scoring.admin_entry")

# user → navigation items (th, en, url, key) added after the role's own (committee: a panel's matrix).
nav_extra = Hook("scoring.nav_extra")

# contest → {unit id: the person it names for that entrant, with `name_th` and `position_th`} (nominees: a
# contest that honours people, its active nominees; {} without a query otherwise). The results and the
# `standings` command name them beside their office (selectors.named_people).
named_people = Hook("scoring.named_people")

# (rubric, unit) → the address of the unit's own issued certificate, or "" (awards: its certificate in force). An
# office's results page offers it beside a published award (views.mine).
own_certificate = Hook("scoring.own_certificate")

# rubric id → nothing: the year's standings were just recomputed and written (schedule: the rounds kept per entrant
# counted again, in a task of its own queued once they are committed). Called after the standings' transaction.
recomputed = Hook("scoring.recomputed")

# rubric → nothing: result rows of entrants no longer entered were deleted, in the caller's transaction (schedule:
# the rounds' sums that still count them are counted again).
entrants_left = Hook("scoring.entrants_left")
