"""Ties at award lines (docs/decisions.md, decisions 7 and 12): which are open, and settling one.

The portal never settles such a tie itself. Whoever runs the contest records how it was settled (a shared
award, the panel's vote, a stated reason); the ranking applies it (`ranking.decided_ties`), and publishing
waits until none is left open (`snapshots.publication_publish`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from contests.region_ranking import rank_groups
from core import acts
from rubrics.models import ContestPeriod
from scoring import lifecycle, recompute
from scoring.lifecycle import Action
from scoring.models import Standing, StandingsSnapshot, TieDecision, TieMethod
from scoring.standings import standings_rows


@dataclass(frozen=True)
class Tie:
    """Entrants tied at an award line: the places they hold between them and the awards those places carry."""

    rank: int
    total: Decimal
    rank_key: str
    entrants: tuple[Standing, ...]  # with their units, in ranking order

    @property
    def ids(self) -> list[int]:
        return [r.unit_id for r in self.entrants]

    @property
    def places(self) -> str:
        return f"{self.rank}–{self.rank + len(self.entrants) - 1}"


def open_ties(rubric: ContestPeriod) -> list[Tie]:
    """The ties at award lines in the current standings, best first: a few queries however many entrants."""
    rows = list(Standing.objects.filter(rubric=rubric, award_tie=True).select_related("unit").order_by("rank"))
    within = Contest.objects.filter(pk=rubric.contest_id).values_list("stage__rank_within", flat=True).first()
    groups = rank_groups(within or "", [r.unit_id for r in rows]) or {}
    ties: dict[tuple, list[Standing]] = {}
    for r in rows:  # a regional stage ranks each region apart: equal keys in two regions are two ties
        ties.setdefault((groups.get(r.unit_id, 0), r.rank_key), []).append(r)
    found = []
    for g in ties.values():
        rank = g[0].rank
        assert rank is not None  # a tie at an award line is between ranked entrants: the recompute sets both
        found.append(Tie(rank=rank, total=g[0].total, rank_key=g[0].rank_key, entrants=tuple(g)))
    return sorted(found, key=lambda t: (t.rank, t.ids))


def decisions(rubric: ContestPeriod) -> list[TieDecision]:
    """Every decision recorded for the rubric, newest first, with who made it."""
    return list(TieDecision.objects.filter(rubric=rubric).select_related("decided_by"))


@transaction.atomic
def tie_settle(
    *, user, rubric: ContestPeriod, entrants: Sequence[int], method: TieMethod | str, reason: str
) -> TieDecision:
    """Records how the tie of `entrants` (unit ids, best first unless the award is shared) is settled and
    re-ranks at once. Frozen results take the decision into their snapshot, to be previewed again."""
    acts.require(user, "scoring.settle_tie", rubric)
    rubric = ContestPeriod.objects.select_for_update(no_key=True).get(pk=rubric.pk)  # no recompute meanwhile
    lifecycle.ensure(rubric, Action.SETTLE)
    if Standing.objects.filter(rubric=rubric, change_seq__gt=F("computed_seq")).exists():
        raise ValidationError(_("standings are being recomputed; try again"))
    if method not in TieMethod.values:
        raise ValidationError(_("choose how the tie is settled"))
    method = TieMethod(method)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("give the reason or the panel's resolution (kept on record)"))
    entrants = [int(e) for e in entrants]
    tie = next((t for t in open_ties(rubric) if set(t.ids) == set(entrants)), None)
    if tie is None:
        raise ValidationError(
            _("these entrants are not a tie at an award line in the current standings; reload the page")
        )
    if len(set(entrants)) != len(entrants):
        raise ValidationError(_("each place must be a different entrant"))
    order = tie.ids if method == TieMethod.SHARED else entrants
    names = {r.unit_id: r.unit.name_th for r in tie.entrants}
    decision = TieDecision.objects.create(
        rubric=rubric,
        rank_key=tie.rank_key,
        entrants=order,
        names=[names[e] for e in order],
        total=tie.total,
        method=method,
        reason=reason,
        decided_by=user,
    )
    recompute.standings_rerank(rubric_id=rubric.pk)
    snapshot = StandingsSnapshot.objects.select_for_update().filter(rubric=rubric).first()
    if snapshot is not None:  # frozen (SETTLE is refused once published): the snapshot is taken anew
        rubric.refresh_from_db(fields=["standings_computed_at"])
        snapshot.rows, snapshot.computed_at, snapshot.frozen_at = (
            standings_rows(rubric),
            rubric.standings_computed_at,
            timezone.now(),
        )
        snapshot.save(update_fields=["rows", "computed_at", "frozen_at"])
    return decision
