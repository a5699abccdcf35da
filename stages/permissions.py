"""The acts of a selection in stages (seed 002), declared once with their rules: who picks, who sees the picks
and the files still missing, who imports the register of past models (core.acts)."""

import rules

from contests.actor import actor_of, contest_of
from contests.permissions import is_central, runs_contest
from core.acts import declare


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


declare("stages.pick", chooses_stage)
declare("stages.view", runs_contest | in_stages)
# A file sent for a pick (the video, the lessons-learned PDF): whoever the stage's page shows the pick to.
declare("stages.view_file", sees_pick)
declare("stages.import_register", is_central)
