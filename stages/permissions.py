"""The acts of a selection in stages (seed 002), declared once with their rules: who picks, who sees the picks
and the files still missing, who imports the register of past models (core.acts)."""

import rules

from contests.actor import actor_of, contest_of
from contests.entries import Entry
from contests.permissions import is_central, runs_contest
from contests.scopes import visible_entrants
from core.acts import declare
from stages.rights import answers_for, chooser, chooses


@rules.predicate
def chooses_stage(user, obj) -> bool:
    """An organiser whose office picks this stage's entrants (seed 002: a district office, a province)."""
    contest = contest_of(obj)
    return contest is not None and chooses(actor_of(user), contest)


@rules.predicate
def sees_pick(user, entry) -> bool:
    """A pick (a StageEntry) shown to this user: one of the contest's entrants they see, or their office's."""
    actor, contest = actor_of(user), entry.stage.contest
    rights = actor.rights(contest)
    if not (rights.runs or rights.in_stages):
        return False
    mine = chooser(actor, contest)
    return (mine is not None and entry.chooser_id == mine.pk) or visible_entrants(actor, contest).filter(
        pk=entry.unit_id
    ).exists()


@rules.predicate
def answers_for_pick(user, entry) -> bool:
    """An entry (contests.entries.Entry) its unit's picking office answers for (`rights.answers_for`): asked by
    the evidence's acts, which submissions declares."""
    return isinstance(entry, Entry) and answers_for(actor_of(user), entry.contest, entry.unit)


@rules.predicate
def in_stages(user, obj) -> bool:
    """A stage's organiser sees its own stage and the stages below it."""
    contest = contest_of(obj)
    return contest is not None and actor_of(user).rights(contest).in_stages


declare("stages.pick", chooses_stage)
declare("stages.view", runs_contest | in_stages)
# A file sent for a pick (the video, the lessons-learned PDF): whoever the stage's page shows the pick to.
declare("stages.view_file", sees_pick)
declare("stages.import_register", is_central)
