"""Where the apps built on scoring feed it, without scoring importing them (registered in their ready())."""

from core.hooks import Hook

# (rubric, province ids or None for all) → {province id: {criterion code: Decimal}}: points that replace
# the rule's own for those criteria (committee: override, chair's final, members' median).
score_sources = Hook("scoring.score_sources")

# rubric → a queryset whose rows carry `province` and `criterion` ids: something submitted besides a
# recorded fact (submissions: visible evidence). A queryset so that the dashboard counts it in the
# database (scoring.dashboard); every count of missing evidence and the reminders read these.
submitted_sources = Hook("scoring.submitted_sources")
