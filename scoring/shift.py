"""Re-ranking only what moved: a few entrants rescored among thousands (a contest among villages, some 75,000).

A place depends on how many entrants have a greater rank key, which of them share its key, and, in the award
places, on every entrant above. So when entrants' keys change from `old` to `new`, only the entrants whose
key lies between the lowest and the highest of those keys can move: the span between their old and their
new position. Above the span nothing changes; below it every place holds, since each changed entrant is
above it before and after. If the span reaches the award places, it is taken from the top, down through the
award places, so the award lines are drawn as a full ranking draws them.

This holds while the stored places agree with the stored keys: every write of a key ranks (scoring.recompute),
and removing an entrant marks every entrant for a recompute (scoring.recompute.results_ensure's callers). The
result equals a full re-ranking: tests/scoring/test_shift.py compares the two over random changes, ties too.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, F, Min, Subquery
from django.utils import timezone

from core.bulk import update_documents, update_values
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook import engine
from scoring.models import Standing
from scoring.ranking import PLACE, WRITTEN, Scored, decided_ties, placed, standings_write_lock, ties_tell


def span_bounds(rubric: ContestPeriod, scored: list[Scored], old: dict[int, str]) -> tuple[str, str | None, int]:
    """(lowest key, highest key or None for "from the top", entrants above the span) for `scored`, whose
    stored keys are `old` (by pk). One count, and one read of the award places when the span reaches them."""
    values = Standing.objects.filter(rubric=rubric).order_by()
    keys = [*old.values(), *(s.rank_key for s in scored)]
    low, high = min(keys), max(keys)
    places = sum(a.count for a in rubric_spec(rubric).awards)
    above = values.filter(rank_key__gt=high).count()
    if above >= places:
        return low, high, above
    # The award places: the best of the others (their keys are current) and the rescored at their new keys.
    best = values.exclude(pk__in=old).order_by("-rank_key").values_list("rank_key", flat=True)[:places]
    top = sorted([*best, *(s.rank_key for s in scored)], reverse=True)[:places]
    return min(low, top[-1]), None, 0


def standings_shift(
    rubric: ContestPeriod, scored: list[Scored], old: dict[int, str], ranks: dict[int, int | None] | None = None
) -> int:
    """Writes the rescored entrants and re-ranks only the span they moved through, in the caller's transaction
    under the year's lock (scoring.recompute.rubric_locked). `old`: each rescored entrant's stored rank key, by pk;
    `ranks`: its stored rank, by pk (one entrant's move then needs no count)."""
    if not scored:
        return 0
    standings_write_lock(rubric.pk)  # before the first write, in either way below
    one = scored[0]
    rank = (ranks or {}).get(one.pk)
    if len(scored) == 1 and rank and old[one.pk] not in ("", one.rank_key):
        above = _above_one(rubric, one.rank_key, old[one.pk], rank)
        if above >= sum(a.count for a in rubric_spec(rubric).awards):
            return _one_moved(rubric, one, old[one.pk], above)
    low, high, above = span_bounds(rubric, scored, old)
    span = Standing.objects.filter(rubric=rubric, rank_key__gte=low).order_by()
    if high is not None:
        span = span.filter(rank_key__lte=high)
    fresh = {s.pk: s for s in scored}
    keys, totals, others = {}, {}, []
    for pk, unit, total, key, *place in span.values_list("pk", "unit_id", "total", "rank_key", *PLACE):
        s = fresh.get(pk)
        if s is None:
            keys[unit], totals[unit] = key, total
            others.append((pk, unit, place))
        else:
            keys[unit], totals[unit] = s.rank_key, Decimal(s.total)
    spec = rubric_spec(rubric)
    floor = Decimal(rubric.award_min or 0)  # type: ignore[attr-defined]  # annotated by recompute.rubric_locked

    def ranked(decided) -> dict:
        placings = engine.rank_keys(keys, totals, awards=spec.awards, minimum=floor, decided=decided, offset=above)
        return {p.unit: p for p in placings}

    placings = ranked({})
    if any(p.award_tie for p in placings.values()) and (decided := decided_ties(rubric)):
        placings = ranked(decided)
    rows, moved = placed(fresh.values(), others, placings)
    now = timezone.now()
    update_documents(Standing, WRITTEN, rows, same={"explained": False, "computed_at": now})
    update_values(Standing, PLACE, moved)
    ContestPeriod.objects.filter(pk=rubric.pk).update(standings_computed_at=now)
    ties_tell(rubric, spec, placings)
    return len(fresh)


def _above_one(rubric: ContestPeriod, now: str, was: str, rank: int) -> int:
    """How many entrants rank above the higher of one entrant's old and new keys, from stored ranks (a rank
    counts the entrants above it): going down, those above its old place; going up, those above the entrants
    just above its new key, and these (their places hold: it was below them and stays below)."""
    if now < was:
        return rank - 1
    values = Standing.objects.filter(rubric=rubric).order_by()
    nearest = values.filter(rank_key__gt=now).order_by("rank_key").values("rank_key")[:1]
    group = values.filter(rank_key=Subquery(nearest)).aggregate(rank=Min("rank"), n=Count("pk"))
    return group["rank"] + group["n"] - 1 if group["n"] else 0


def _one_moved(rubric: ContestPeriod, s: Scored, was: str, above: int) -> int:
    """One entrant's key moved from `was` to `s.rank_key`, below the award places (`above`: the entrants above
    both keys, at least the award places). Every entrant strictly between the two keys moves one place, up or
    down, and keeps its tie and (no) award: one UPDATE, nothing read. Only those sharing the old or the new key
    are read: their ties change, and their rank follows from the one they hold (only this entrant crossed)."""
    now, up = s.rank_key, s.rank_key > was
    values = Standing.objects.filter(rubric=rubric).order_by()
    low, high = min(was, now), max(was, now)
    between = values.filter(rank_key__gt=low, rank_key__lt=high).update(rank=F("rank") + (1 if up else -1))
    groups: dict[str, list] = {was: [], now: []}
    at_keys = values.filter(rank_key__in=[was, now]).exclude(pk=s.pk)
    for pk, key, rank, tied in at_keys.values_list("pk", "rank_key", "rank", "tied"):
        groups[key].append((pk, rank, tied))
    moved = []
    for key, rows in groups.items():
        # Those left at the old key gain the entrant above them if it went up; those at the new key lose it
        # from above if it came down to them.
        step = (1 if up else 0) if key == was else (0 if up else -1)
        shared = len(rows) + (key == now) > 1
        moved += [(pk, rank + step, shared, "", False) for pk, rank, tied in rows if step or tied is not shared]
    # Up: first below those above its new key. Down: below those above its old key, those left there, and
    # those it passed.
    rank = above + 1 if up else above + len(groups[was]) + between + 1
    place = (rank, bool(groups[now]), "", False)
    written = (s.pk, s.total, s.level, s.dimensions, s.criteria, s.rank_key, *place, s.seq)
    at = timezone.now()
    update_documents(Standing, WRITTEN, [written], same={"explained": False, "computed_at": at})
    update_values(Standing, PLACE, moved)
    ContestPeriod.objects.filter(pk=rubric.pk).update(standings_computed_at=at)
    return 1
