"""Where the apps built on the rubrics feed them, without the rubrics importing them (registered in their ready())."""

from core.hooks import Hook

# a rubric file's `contest` block → [(Thai, English)]: what is wrong with the part of it an app built on the rubrics
# reads (nominees: `contest.nominee`, who may be named), listed with every other problem before anything is saved.
contest_block_problems = Hook("rubrics.contest_block_problems")

# What a change of the rules asks of the results built on them, answered by scoring (ScoringConfig.ready): the
# rubrics write the rules, scoring keeps the rows and facts the rules are scored by.

# rubric → None: a result row for each entrant of its contest, and none for a unit no longer entered (scoring:
# `recompute.results_ensure`). Asked whenever a rubric is saved or the provinces are loaded.
results_ensure = Hook("rubrics.results_ensure")

# (rubric, spec) → how many facts were blanked: the stored facts its new rules no longer read, their values kept in
# their history (scoring: `facts.imports.facts_unread_blank`).
facts_unread_blank = Hook("rubrics.facts_unread_blank")

# rubric → None, or raises YearFrozen: its results are frozen, so its rules take no change (scoring:
# `lifecycle.ensure_changeable`).
ensure_changeable = Hook("rubrics.ensure_changeable")

# rubric → None, or raises Refused: the period may not open now (only a draft opens; scoring: `lifecycle.ensure_opens`).
ensure_opens = Hook("rubrics.ensure_opens")

# rubric ids → {criterion id: how many stored scores are above that criterion's max_points} (committee: members'
# judgments, chair's finals, overrides). rubrics.revisions refuses a change that leaves any.
scores_above_max = Hook("rubrics.scores_above_max")
