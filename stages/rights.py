"""The lock's part about a selection in stages: who picks. The stages a person's office picks for, and those below
them, computed once a request from the actor and kept on it (`Actor.memo`); stages' own acts
(stages/permissions.py), its pages and writes ask `chooses` and `chooser`. The lock below asks through hooks
registered in `StagesConfig.ready()`: whether a person takes part in a contest through its stages (they see it,
and its picks under their office: contests.hooks.in_stages, read by `Rights.in_stages`), and whether they pick
for an office (who hears that picks are due: notices.hooks.picks_for)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

from contests.actor import Actor, Power
from contests.models import Contest, Unit
from contests.tree import line_of
from stages.models import Stage, StageEntry
from stages.rules import stage_of

# (the stages a user picks for, those and every stage below them), by contest id
StageIds: TypeAlias = tuple[frozenset[int], frozenset[int]]
# A stage as the rights read it: its contest, the stage before it, the level that picks, its contest's organiser.
StageRow: TypeAlias = tuple[int, int | None, str, int | None]


def stage_rows() -> list[StageRow]:
    """Every stage as the rights read it: one query."""
    return list(Stage.objects.values_list("contest_id", "previous_id", "chooser_level", "contest__organiser"))


def stage_ids(office: Unit | None, rows: list[StageRow]) -> StageIds:
    """(the stages an organiser of `office` picks for: of its level, in a contest run by an office at or above
    it; those and every stage below them). No office: none."""
    own: set[int] = set()
    seen: set[int] = set()
    if office is not None and rows:
        above = line_of(office)
        chain = {contest_id: previous for contest_id, previous, _, _ in rows}
        own = {c for c, _, level, org in rows if level == office.level and (org is None or org in above)}
        for start in own:
            step: int | None = start
            while step is not None and step not in seen:
                seen.add(step)
                step = chain.get(step)
    return frozenset(own), frozenset(seen)


def stages_of(actor: Actor, contests: Iterable[Contest] | None = None) -> StageIds:
    """The person's stages (`StageIds`), once a request: for an organiser one query for the stages (none when
    `contests` come with theirs: a list just read with each one's `stage`), the office read only if any exist;
    nobody else picks, and asks nothing."""

    def computed() -> StageIds:
        if Power.ORGANISE not in actor.powers:
            return frozenset(), frozenset()
        if contests is None:
            rows = stage_rows()
        else:
            staged = [(c, stage_of(c)) for c in contests]
            rows = [(s.contest_id, s.previous_id, s.chooser_level, c.organiser_id) for c, s in staged if s]
        return stage_ids(actor.own_office if rows else None, rows)

    return actor.memo("stages", computed)


def chooses(actor: Actor, contest: Contest) -> bool:
    """Picks this stage's entrants: an organiser whose office is of the stage's level, under the contest's organiser."""
    return contest.pk in stages_of(actor)[0]


def chooser(actor: Actor, contest: Contest) -> Unit | None:
    """The office the person picks this stage's entrants for, if they choose here."""
    return actor.own_office if chooses(actor, contest) else None


def answers_for(actor: Actor, contest: Contest, unit: Unit) -> bool:
    """The person answers for `unit` in this stage's contest: their office picked it, and it is a unit without
    staff of its own (a subdistrict: seed 002 has the district "คัดเลือก" it and the district and province
    "เตรียมความพร้อมและขับเคลื่อน" its work, and no account may belong to it), so the picking office's organisers
    send its files and answer what its document requires, each recorded under their own name. One query a
    contest and request (the office's picks there)."""
    if unit.has_staff:
        return False
    office = chooser(actor, contest)
    if office is None:
        return False
    picked = actor.memo(
        ("picked_by_office", contest.pk),
        lambda: frozenset(
            StageEntry.objects.filter(stage__contest=contest, chooser=office).values_list("unit_id", flat=True)
        ),
    )
    return unit.pk in picked


def in_stages(actor: Actor, contests: Iterable[Contest] | None) -> frozenset[int]:
    """contests.hooks.in_stages: the contests the person takes part in through their stages (the stage they pick
    for, or a stage below it; never one above their own)."""
    return stages_of(actor, contests)[1]


def picks_for(actor: Actor, contest: Contest, office: Unit) -> bool:
    """notices.hooks.picks_for: the person picks this stage's entrants for `office`."""
    return getattr(chooser(actor, contest), "pk", None) == office.pk
