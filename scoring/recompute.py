"""Keeping the standings current: stale marks, queueing, and the rescore + re-rank itself."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from . import coalesce, engine, hooks, selectors
from .bulk import KEEP, update_rows, update_values
from .models import ProvinceResult, RecomputeRun, Rubric, YearSettings

JSON_FIELDS = ("dimensions", "criteria", "explanations")
RESULT_FIELDS = [f.name for f in ProvinceResult._meta.concrete_fields]
PLACE = ("rank", "tied", "award", "award_tie")


@contextmanager
def no_cyclic_gc():
    """Scoring thousands of entrants makes hundreds of thousands of small objects and no reference
    cycles: the cyclic collector would only walk them again and again (a fifth of a full recompute).
    Re-enabled only once they are freed (refcounting frees them), so the walk is not merely put off."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def merged_scores(rubric: Rubric, province_ids: list[int] | None) -> dict[int, dict[str, Decimal]]:
    """Every registered score source's points for these provinces (`hooks.score_sources`); later sources win."""
    merged: dict[int, dict[str, Decimal]] = {}
    for points in hooks.score_sources(rubric, province_ids):
        for province_id, by_code in points.items():
            merged.setdefault(province_id, {}).update(by_code)
    return merged


def _queue_recompute(rubric_id: int) -> None:
    # After commit, never inside the transaction: the worker must see the change, and a rolled-back
    # change must queue nothing. `schedule` debounces bursts and never raises (beat heals).
    transaction.on_commit(partial(coalesce.schedule, rubric_id))


def standings_refresh(*, rubric_id: int) -> int:
    """What the `scoring.recompute` task runs: coalesced, locked per year, logged when it did work."""
    coalesce.claim(rubric_id)  # before reading: anything committed from now on queues another run
    with coalesce.rubric_lock(rubric_id) as held:
        if not held:  # another worker is on this year; run again after it rather than queue on the row lock
            coalesce.schedule(rubric_id)
            return 0
        started, t0 = timezone.now(), time.perf_counter()
        try:
            rescored = standings_recompute(rubric_id=rubric_id)
        except Rubric.DoesNotExist:  # the year was deleted after the task was queued
            return 0
        if rescored:
            RecomputeRun.objects.create(
                rubric_id=rubric_id,
                started_at=started,
                duration_ms=int((time.perf_counter() - t0) * 1000),
                rescored=rescored,
            )
        return rescored


def stale_rubric_ids() -> list[int]:
    """Years with a "needs recompute" mark: what the beat job re-queues."""
    stale = ProvinceResult.objects.filter(change_seq__gt=F("computed_seq"))
    return sorted(set(stale.values_list("rubric_id", flat=True)))


def recompute_runs_prune(*, keep_days: int = 14) -> int:
    return RecomputeRun.objects.filter(started_at__lt=timezone.now() - timedelta(days=keep_days)).delete()[0]


def results_mark_dirty(*, rubric_id: int, province_ids: Iterable[int] | None = None) -> None:
    """Marks results stale in the caller's transaction and queues a recompute after it commits.

    The mark survives a broker outage; the beat job `scoring.recompute_dirty` picks it up.
    """
    qs = ProvinceResult.objects.filter(rubric_id=rubric_id)
    if province_ids is not None:
        qs = qs.filter(province_id__in=list(province_ids))
    qs.update(change_seq=F("change_seq") + 1)
    _queue_recompute(rubric_id)


@transaction.atomic
@no_cyclic_gc()
def standings_recompute(*, rubric_id: int, full: bool = False) -> int:
    """Rescores the stale provinces (all with `full`) and re-ranks all of them.

    Query count does not grow with provinces or criteria. Returns how many provinces were rescored.
    """
    # NO KEY UPDATE: serialises recomputes without blocking the foreign-key checks of concurrent fact writes.
    # The award minimum (decision 10) comes in the same query: the query count stays flat.
    minimum = YearSettings.objects.filter(rubric_id=OuterRef("pk")).values("award_min_total")[:1]
    rubric = Rubric.objects.select_for_update(no_key=True).annotate(award_min=Subquery(minimum)).get(pk=rubric_id)
    spec = selectors.rubric_spec(rubric)
    calendar = selectors.rubric_calendar(rubric)
    # Unordered: the model's ordering joins the year and the unit to sort rows that are ranked here anyway
    # (half the time of re-ranking 7,255 entrants after one changed).
    results = ProvinceResult.objects.filter(rubric=rubric).order_by()
    stale_rows = results if full else results.filter(change_seq__gt=F("computed_seq"))
    # Of the entrant, only what scoring reads.
    stale = list(stale_rows.select_related("province").only(*RESULT_FIELDS, "province__size_group"))
    if not stale:
        return 0
    stale_ids = {r.pk for r in stale}
    others = []
    if not full:
        # Thousands of entrants (issue #16): the rows not rescored are ranked by their stored rank key,
        # never instantiated nor decoded, and only their place is written, only if it moved. A row that
        # turned stale since the query above is ranked as stored, and rescored by the next run (its mark stays).
        values = results.values_list("pk", "province_id", "total", "rank_key", *PLACE)
        others = [row for row in values if row[0] not in stale_ids]
    before = {r.pk: [getattr(r, f) for f in JSON_FIELDS] for r in stale}
    stale_province_ids = None if full else [r.province_id for r in stale]
    facts = selectors.facts_by_province(rubric, stale_province_ids)
    # The committee's judgments feed the same engine as overrides (RUBRIC.md decision 8).
    judged = merged_scores(rubric, stale_province_ids)
    now = timezone.now()
    memo: dict = {}
    keys, totals = {}, {}
    for r in stale:
        b = engine.evaluate_province(
            spec,
            facts.get(r.province_id, {}),
            size_group=r.province.size_group,
            calendar=calendar,
            overrides=judged.get(r.province_id, {}),
            memo=memo,
        )
        r.total, r.level = b.total, b.level
        r.dimensions = {k: str(v) for k, v in b.dimensions.items()}
        r.criteria = {k: str(s.points) for k, s in b.criteria.items()}
        r.explanations = {k: {"th": s.th, "en": s.en} for k, s in b.criteria.items()}
        r.rank_key = engine.rank_key(b.total, b.dimensions, spec.tie_break)
        r.computed_seq, r.computed_at = r.change_seq, now
        keys[r.province_id], totals[r.province_id] = r.rank_key, b.total
    for _, unit_id, total, key, *_ in others:
        keys[unit_id], totals[unit_id] = key, total
    floor = Decimal(rubric.award_min or 0)
    # Ranked by unit id, not code: entrants of one tie get the same place whatever their order, and
    # the ids need no join to the units.
    placings = {p.province: p for p in engine.rank_keys(keys, totals, awards=spec.awards, minimum=floor)}
    for r in stale:
        p = placings[r.province_id]
        r.rank, r.tied, r.award, r.award_tie = p.rank, p.tied, p.award or "", p.award_tie
    moved = []
    for pk, unit_id, _, _, *place in others:
        p = placings[unit_id]
        now_at = [p.rank, p.tied, p.award or "", p.award_tie]
        if place != now_at:
            moved.append((pk, *now_at))
    final = {r.pk: [getattr(r, f) for f in JSON_FIELDS] for r in stale}
    for r in stale:  # documents that did not change are not sent again (bulk.KEEP)
        for f, old in zip(JSON_FIELDS, before[r.pk], strict=True):
            if getattr(r, f) == old:
                setattr(r, f, KEEP)
    update_rows(
        stale,
        [
            "total",
            "level",
            "dimensions",
            "criteria",
            "explanations",
            "rank_key",
            *PLACE,
            "computed_seq",
            "computed_at",
        ],
        keepable=JSON_FIELDS,
    )
    update_values(ProvinceResult, PLACE, moved)  # no query when nothing moved, as after any full recompute
    for r in stale:  # the rescored objects as stored, not the KEEP markers
        for f, value in zip(JSON_FIELDS, final[r.pk], strict=True):
            setattr(r, f, value)
    Rubric.objects.filter(pk=rubric.pk).update(standings_computed_at=now)
    return len(stale)
