"""Keeping the standings current: stale marks, queueing, and the rescore + re-rank itself (in parallel chunks:
scoring.chunks)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from operator import itemgetter

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone

from contests.entrants import contest_entrants
from contests.models import Contest
from rubrics.models import ContestPeriod, Criterion, YearSettings
from rubrics.selectors import rubric_calendar, rubric_spec
from rulebook import engine
from scoring import coalesce, hooks, selectors
from scoring.models import FreezeAction, FreezeEvent, RecomputeRun, Standing
from scoring.ranking import FULL_FROM, Scored, standings_apply, standings_write_lock
from scoring.shift import standings_shift

EMPTY: dict = {}  # never mutated


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


def merged_scores(rubric: ContestPeriod, unit_ids: list[int] | None) -> dict[int, dict[str, Decimal]]:
    """Every registered score source's points for these entrants (`hooks.score_sources`); later sources win."""
    merged: dict[int, dict[str, Decimal]] = {}
    for points in hooks.score_sources(rubric, unit_ids):
        for unit_id, by_code in points.items():
            merged.setdefault(unit_id, {}).update(by_code)
    return merged


def _queue_recompute(rubric_id: int) -> None:
    # After commit, never inside the transaction: the worker must see the change, and a rolled-back
    # change must queue nothing. `schedule` debounces bursts and never raises (beat heals).
    transaction.on_commit(partial(coalesce.schedule, rubric_id))


def standings_refresh(*, rubric_id: int) -> int:
    """What the `scoring.recompute` task runs: coalesced, locked per year, logged when it did work. Many stale
    entrants (a rubric or holiday change) are scored in parallel chunks by every worker (`coalesce.parallel`);
    then the explanations follow in a pass of their own (`scoring.explain`), after the standings."""
    coalesce.claim(rubric_id)  # before reading: anything committed from now on queues another run
    with coalesce.rubric_lock(rubric_id) as held:
        if not held:  # another worker is on this year; run again after it rather than queue on the row lock
            coalesce.schedule(rubric_id)
            return 0
        stale = Standing.objects.filter(rubric_id=rubric_id, change_seq__gt=F("computed_seq"))
        chunks = settings.CDD4_RECOMPUTE_CHUNKS  # one worker process: chunks would only add their overhead
        if chunks > 1 and coalesce.parallel_wanted() and stale.count() >= settings.CDD4_RECOMPUTE_PARALLEL_FROM:
            coalesce.parallel(rubric_id, chunk_bounds(rubric_id=rubric_id, chunks=chunks))
            return 0  # the chunks' end queues the rounds' count (`chunks_apply`)
        started = timezone.now()
        try:
            rescored = standings_recompute(rubric_id=rubric_id)
        except ContestPeriod.DoesNotExist:  # the year was deleted after the task was queued
            return 0
        if rescored:
            recompute_recorded(rubric_id, started, rescored)
        # After the standings, which are awaited first: the rounds central's missing list counts, kept per
        # entrant under the same marks, are counted again by whoever hears it (the schedule).
        hooks.recomputed(rubric_id)
        return rescored


def recompute_recorded(rubric_id: int, started: datetime, rescored: int) -> None:
    took = int((timezone.now() - started).total_seconds() * 1000)
    RecomputeRun.objects.create(rubric_id=rubric_id, started_at=started, duration_ms=took, rescored=rescored)
    # After the standings' commit: they never wait for the text. Many entrants' texts (a full recompute: 59 s
    # of one process at 75,000 villages) are shared by the workers, in parts of about EXPLAINED_AT_ONCE
    # entrants, at least one a worker: small enough that a worker done with one task (the rounds' count queued
    # before them) takes the next part, and neither core waits for the other at the end.
    chunks = settings.CDD4_RECOMPUTE_CHUNKS
    shared = chunks > 1 and rescored >= settings.CDD4_RECOMPUTE_PARALLEL_FROM and coalesce.parallel_wanted()
    parts = max(chunks, -(-rescored // EXPLAINED_AT_ONCE))
    coalesce.explain(rubric_id, chunk_bounds(rubric_id=rubric_id, chunks=parts) if shared else None)


EXPLAINED_AT_ONCE = 10_000  # entrants in a part of a shared explanation pass


def stale_rubric_ids() -> list[int]:
    """Years with a "needs recompute" mark: what the beat job re-queues."""
    stale = Standing.objects.filter(change_seq__gt=F("computed_seq"))
    return sorted(set(stale.values_list("rubric_id", flat=True)))


def recompute_runs_prune(*, keep_days: int = 14) -> int:
    return RecomputeRun.objects.filter(started_at__lt=timezone.now() - timedelta(days=keep_days)).delete()[0]


def results_mark_dirty(*, rubric_id: int, unit_ids: Iterable[int] | None = None) -> None:
    """Marks results stale in the caller's transaction and queues a recompute after it commits.

    The mark survives a broker outage; the beat job `scoring.recompute_dirty` picks it up.
    """
    qs = Standing.objects.filter(rubric_id=rubric_id)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    standings_write_lock(rubric_id, shared=True)
    qs.update(change_seq=F("change_seq") + 1)
    _queue_recompute(rubric_id)


def periods_begun_mark(*, today: date, days: int = 3) -> list[int]:
    """Marks stale the results of every period one of whose rules began scoring in the last `days` days (a
    month's milestones on its 1st, Rule.scored_from): scored "ยังไม่ถึง" before, they are scored now. Run daily;
    the days before today cover a beat missed in an outage, and marking twice only rescores twice."""
    since = today - timedelta(days=days - 1)
    near = Criterion.objects.filter(deadline__gte=since, deadline__lte=today + timedelta(days=31))
    marked = []
    for rubric in ContestPeriod.objects.filter(pk__in=near.values("rubric_id")):
        starts = (c.rule.scored_from(c.deadline) for c in rubric_spec(rubric).criteria())
        if any(first is not None and since <= first <= today for first in starts):
            with transaction.atomic():
                results_mark_dirty(rubric_id=rubric.pk)
            marked.append(rubric.pk)
    return marked


def rubric_locked(rubric_id: int) -> ContestPeriod:
    # NO KEY UPDATE: serialises recomputes without blocking the foreign-key checks of concurrent fact writes.
    # The award minimum (decision 10) comes in the same query: the query count stays flat.
    # So does how the contest's stage groups its ranking (seed 002's regional stage: within each region), and
    # whether published awards were ever corrected (scoring.snapshots.awards_correct: the ranking keeps them).
    minimum = YearSettings.objects.filter(rubric_id=OuterRef("pk")).values("award_min_total")[:1]
    within = Contest.objects.filter(pk=OuterRef("contest_id")).values("stage__rank_within")[:1]
    corrected = FreezeEvent.objects.filter(rubric_id=OuterRef("pk"), action=FreezeAction.CORRECT)
    return (
        ContestPeriod.objects.select_for_update(no_key=True)
        .annotate(award_min=Subquery(minimum), rank_within=Subquery(within), corrected=Exists(corrected))
        .get(pk=rubric_id)
    )


def entrants_score(
    rubric: ContestPeriod,
    entrants: list[tuple[int, int, int, str]],
    *,
    every: bool,
    within: tuple[int, int] | None = None,
) -> list[Scored]:
    """Points of `entrants` ((pk, unit id, change mark, size group)), from their facts and judgments; no text
    (the explanations are built when read, `scoring.explanations`). `every`: these are all the
    year's entrants; `within`: they are those with unit ids in this range (a chunk of a parallel recompute)."""
    spec = rubric_spec(rubric)
    calendar = rubric_calendar(rubric)
    ids = None if every else [unit for _, unit, _, _ in entrants]
    facts = selectors.facts_by_unit(rubric, None if within else ids, within=within, ordered=False)
    # The committee's judgments feed the same engine as overrides (docs/decisions.md, decision 8). A chunk reads
    # the whole contest's (a panel judges a few hundred entrants at most): cheaper than naming 10,000 ids.
    judged = merged_scores(rubric, None if within else ids)
    tallies = engine.Scorer(spec, calendar, today=timezone.localdate()).score_many(
        [(facts.get(unit, EMPTY), size_group, judged.get(unit, EMPTY)) for _, unit, _, size_group in entrants]
    )
    key_of, tie_break = engine.rank_key, spec.tie_break
    out = []
    for (pk, unit, seq, _), t in zip(entrants, tallies, strict=True):
        out.append(
            Scored(
                pk,
                unit,
                seq,
                str(t.total),
                t.level,
                {k: str(v) for k, v in t.dimensions.items()},
                {k: str(v) for k, v in t.criteria.items()},
                key_of(t.total, t.dimensions, tie_break),
            )
        )
    return out


ENTRANT = ("pk", "unit_id", "change_seq", "unit__size_group")


PART = 10_000  # entrants scored at a time: only their facts in memory, never a whole year's (75,000 villages)


def scored_by_parts(rubric: ContestPeriod, entrants: list[tuple[int, int, int, str]]) -> list[Scored]:
    """`entrants` scored PART at a time, each part a range of unit ids whose facts are read alone: the memory
    a recompute takes stays that of one part's facts (36 a village: 2.7 million for 75,000) and the points."""
    ordered = sorted(entrants, key=itemgetter(1))
    out: list[Scored] = []
    for at in range(0, len(ordered), PART):
        part = ordered[at : at + PART]
        out += entrants_score(rubric, part, every=False, within=(part[0][1], part[-1][1]))
    return out


def chunk_bounds(*, rubric_id: int, chunks: int) -> list[tuple[int, int]]:
    """The entrants split into `chunks` ranges of unit ids of about equal size, for `chunk_score`."""
    ids = sorted(Standing.objects.filter(rubric_id=rubric_id).values_list("unit_id", flat=True))
    size = -(-len(ids) // max(chunks, 1)) if ids else 1
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


@transaction.atomic
@no_cyclic_gc()
def standings_recompute(*, rubric_id: int, full: bool = False) -> int:
    """Rescores the stale entrants (all with `full`) and re-ranks all of them.

    Query count does not grow with entrants or criteria. Returns how many entrants were rescored.
    """
    rubric = rubric_locked(rubric_id)
    # Unordered: the model's ordering joins the year and the unit to sort rows that are ranked here anyway
    # (half the time of re-ranking 7,255 entrants after one changed).
    results = Standing.objects.filter(rubric=rubric).order_by()
    stale_rows = results if full else results.filter(change_seq__gt=F("computed_seq"))
    stale = list(stale_rows.values_list(*ENTRANT, "rank", "rank_key"))  # of the entrant, only what scoring reads
    if not stale:
        return 0
    # Every entrant stale (a rubric or holiday change marks them all): scored as a full recompute is, without
    # naming 7,255 ids to the facts query nor reading the rows again. Counted only when it can be so.
    every = full or (len(stale) >= FULL_FROM and len(stale) == results.count())
    entrants = [row[:-2] for row in stale]
    many = every and len(entrants) > PART
    scored = scored_by_parts(rubric, entrants) if many else entrants_score(rubric, entrants, every=every)
    shiftable = not (rubric.rank_within or rubric.corrected)  # type: ignore[attr-defined]  # rubric_locked's
    if not every and len(stale) < FULL_FROM and shiftable:
        # A few entrants among thousands: only the span they moved through is re-ranked.
        return standings_shift(rubric, scored, {row[0]: row[-1] for row in stale}, {row[0]: row[-2] for row in stale})
    return standings_apply(rubric, scored, every=every)


def standings_rerank(*, rubric_id: int) -> None:
    """Re-ranks every entrant from its stored rank key, rescoring none (a tie at an award line settled), in
    the caller's transaction."""
    standings_apply(rubric_locked(rubric_id), [])


def results_ensure(rubric: ContestPeriod) -> None:
    """A result row per entrant of the rubric's contest; one no longer entered loses its row (facts, scores stay)."""
    entrants = contest_entrants(rubric.contest)
    if Standing.objects.filter(rubric=rubric).exclude(unit__in=entrants).delete()[0]:
        # The rounds' sums (the schedule's) still count the rows that left with them: all counted again.
        hooks.entrants_left(rubric)
    have = set(Standing.objects.filter(rubric=rubric).values_list("unit_id", flat=True))
    Standing.objects.bulk_create(
        [Standing(rubric=rubric, unit=p) for p in entrants.exclude(pk__in=have)], batch_size=2000
    )
