"""Part of the lock (contests.actor): a selection in stages, who picks and who sees the picks. A mixin of
`Actor`: the stages a person picks for are computed once a request, with the contests when `Actor.contests`
loads them."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.db.models import QuerySet

from contests.models import Contest, Unit
from contests.tree import line_of
from stages.models import Stage, StageEntry

# (the stages a user picks for, those and every stage below them), by contest id
StageIds: TypeAlias = tuple[frozenset[int], frozenset[int]]
# A stage as the rights read it: its contest, the stage before it, the level that picks, its contest's organiser.
StageRow: TypeAlias = tuple[int, int | None, str, int | None]


class StageRights:
    if TYPE_CHECKING:  # the actor's own (contests.actor.Actor), which this mixin's methods read
        _office_id: int | None
        _stage_ids: StageIds | None

        @property
        def own_office(self) -> Unit | None: ...

        def organises(self) -> bool: ...
        def runs(self, contest: Contest | None) -> bool: ...
        def entrants(self, contest: Contest) -> QuerySet[Unit]: ...

    def chooses(self, contest: Contest | None) -> bool:
        """Picks this stage's entrants: an organiser whose office is of the level the stage asks."""
        return contest is not None and contest.pk in self._stages()[0]

    def in_stages(self, contest: Contest | None) -> bool:
        """The stage the user picks for, or a stage below it (never a stage above their own)."""
        return contest is not None and contest.pk in self._stages()[1]

    def _stages(self, rows: list[StageRow] | None = None) -> StageIds:
        """(the stages the user picks for, those and every stage below them), memoised: one query for the
        stages (none when `rows` come from Actor.contests' own list), one for the office only if any exist."""
        if self._stage_ids is None:
            own: set[int] = set()
            seen: set[int] = set()
            if self.organises() and self._office_id is not None:
                if rows is None:
                    fields = ("contest_id", "previous_id", "chooser_level", "contest__organiser")
                    rows = list(Stage.objects.values_list(*fields))
                office = self.own_office if rows else None
                if office is not None:
                    above = line_of(office)
                    chain = {contest_id: previous for contest_id, previous, _, _ in rows}
                    own = {c for c, _, level, org in rows if level == office.level and (org is None or org in above)}
                for start in own:
                    step: int | None = start
                    while step is not None and step not in seen:
                        seen.add(step)
                        step = chain.get(step)
            self._stage_ids = (frozenset(own), frozenset(seen))
        return self._stage_ids

    def chooser(self, contest: Contest | None) -> Unit | None:
        """The office the user picks this stage's entrants for (`own_office`), if they choose in it."""
        return self.own_office if self.chooses(contest) else None

    def sees_pick(self, entry: StageEntry) -> bool:
        """A pick (a StageEntry) shown to this user: one of the contest's entrants they see, or their office's."""
        contest = entry.stage.contest
        if not (self.runs(contest) or self.in_stages(contest)):
            return False
        mine = self.chooser(contest)
        return (mine is not None and entry.chooser_id == mine.pk) or self.entrants(contest).filter(
            pk=entry.unit_id
        ).exists()
