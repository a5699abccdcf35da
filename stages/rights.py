"""Part of the lock (contests.actor): a selection in stages, who picks. The stages a person picks for, and
those below them, are computed once a request (the actor keeps them; `Rights.chooses`, `Rights.in_stages`
read them), with the contests when `contests.scopes.visible_contests` loads them."""

from __future__ import annotations

from typing import TypeAlias

from contests.models import Unit
from contests.tree import line_of
from stages.models import Stage

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
