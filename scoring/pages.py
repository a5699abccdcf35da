"""A large contest's standings in pages (75,000 villages): each page read off the index `result_rank_key`, never
by sorting the whole table; the award places likewise (central's dashboard shows them: schedule.dashboard)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import F, Subquery, Window
from django.db.models.functions import RowNumber

from rubrics.models import ContestPeriod
from scoring import entrant_counts
from scoring.models import Standing

PAGE_SIZE = 100  # ranking rows a page shows: all 76 provinces; a contest of 7,000 subdistricts in pages


class InRegion(TypedDict):
    region: int  # the inspection region the entrant is ranked in (contests.region_ranking.region_number)


if TYPE_CHECKING:  # the stubs' annotated model, a type only
    from django_stubs_ext import WithAnnotations

    RegionStanding: TypeAlias = WithAnnotations[Standing, InRegion]


def page_rows(
    rubric: ContestPeriod, results, page: int, bounds: list[tuple[str, str, int]] | None = None
) -> list[RegionStanding]:
    """A page of `results` (a year's standings, their region annotated) as a contest ranked all together
    orders it (rank, then code), every entrant ranked, with no sort of the whole table (75,000 villages). A
    rank counts the entrants above it and a greater rank key ranks higher, so the entrant at position p (from 0)
    in rank order shares its key with the one at position p in key order (the index `result_rank_key`), and
    holds the greatest of that key's ranks not above p + 1. The page's first and last keys come from `bounds`
    (`page_bounds`: kept for a large contest), else from one walk down the index to the page; then only the
    entrants between them are read and sorted. (The rank is in no index: scoring.models.Standing.) Their region
    tells the caller whether the contest ranks within regions."""
    start = (page - 1) * PAGE_SIZE
    values = Standing.objects.filter(rubric=rubric).order_by()
    if bounds is not None:
        if page > len(bounds):
            return []
        top, bottom, size = bounds[page - 1]
    else:
        keys = list(values.order_by("-rank_key").values_list("rank_key", flat=True)[start : start + PAGE_SIZE])
        if not keys:
            return []
        top, bottom, size = keys[0], keys[-1], len(keys)

    def rank_at(key: str, position: int) -> Subquery:
        return Subquery(values.filter(rank_key=key, rank__lte=position).order_by("-rank").values("rank")[:1])

    first, last = rank_at(top, start + 1), rank_at(bottom, start + size)
    at = Window(RowNumber(), order_by=[F("rank").asc(), F("unit__code").asc()]) + first - 1
    band = results.filter(rank_key__lte=top, rank_key__gte=bottom, rank__gte=first, rank__lte=last).annotate(at=at)
    band = band.filter(at__gt=start, at__lte=start + PAGE_SIZE)
    return list(band.order_by("rank", "unit__code").defer("explanations"))


_BOUNDS: dict[int, tuple[entrant_counts.Summary, list[tuple[str, str, int]]]] = {}  # rubric id → (its summary, bounds)


def page_bounds(rubric: ContestPeriod, tally: entrant_counts.Summary) -> list[tuple[str, str, int]] | None:
    """Every page's first and last rank key and its size, for a contest whose summary is kept between reads
    (`entrant_counts.summary`, from entrant_counts.KEPT_FROM entrants), read in one walk of the index
    `result_rank_key` and kept with that summary: the keys change only when the standings are written, and an
    entrant added or removed is marked stale, either of which makes `summary` count again and hand back another
    object. A page deep in
    75,000 villages then reads no keys before its own (the walk to it took 110–180 ms); a smaller contest
    walks to its page each time (`page_rows`). None for a smaller contest."""
    if tally.entrants < entrant_counts.KEPT_FROM:
        _BOUNDS.pop(rubric.pk, None)
        return None
    kept = _BOUNDS.get(rubric.pk)
    if kept is not None and kept[0] is tally:
        return kept[1]
    keys = Standing.objects.filter(rubric=rubric).order_by("-rank_key").values_list("rank_key", flat=True)
    every = list(keys.iterator(chunk_size=10_000))
    bounds = [
        (every[at], every[min(at + PAGE_SIZE, len(every)) - 1], min(PAGE_SIZE, len(every) - at))
        for at in range(0, len(every), PAGE_SIZE)
    ]
    _BOUNDS[rubric.pk] = (tally, bounds)
    return bounds


def places_from_top(rubric: ContestPeriod, places: int) -> dict:
    """A filter on a year's standings for the first `places` ranks of a contest ranked all together: their keys
    are at least the key at position `places` (the index `result_rank_key`), so the rest are never read. The key
    is read first (1 query) and given as a value: against a subquery's unknown key PostgreSQL plans a scan of
    every entrant (130 ms at 75,000 villages), against the value a walk down the index."""
    keys = Standing.objects.filter(rubric=rubric).order_by("-rank_key").values_list("rank_key", flat=True)
    found = list(keys[places - 1 : places])
    return {"rank_key__gte": found[0] if found else "", "rank__lte": places}
