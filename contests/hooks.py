"""Where the apps above contests feed the lock, without contests importing them (registered in their ready())."""

from core.hooks import Hook

# (actor, contests or None) → the ids of the contests the person takes part in through a selection in stages
# (stages: the stage their office picks for and every stage below it), kept for the request by its registrant.
# They see those contests, and there the entrants under their office (Rights.in_stages, contests.scopes).
# `contests`: a list just read with each one's `stage` (scopes.visible_contests), so the answer costs no query of
# its own; None: the registrant reads what it needs, once a request.
in_stages = Hook("contests.in_stages")

# (rubric_id=, unit_ids= or None for all) → the contest-year's results are stale for those entrants (scoring: marks
# them and queues the recompute, scoring.recompute.results_mark_dirty). The packages below scoring that change what
# results are made of (a rubric, its deadlines, a nominee, a stage's register) call this in their own transaction.
results_stale = Hook("contests.results_stale")
