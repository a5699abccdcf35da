"""Thin tasks: ids in, a call, idempotent. Queued after commit by `coalesce.schedule`, by name."""

from celery import shared_task
from django.utils import timezone

from scoring import coalesce
from scoring.chunks import chunk_stage, chunks_apply
from scoring.explanations import explanations_build
from scoring.recompute import (
    periods_begun_mark,
    recompute_runs_prune,
    stale_rubric_ids,
    standings_refresh,
)


@shared_task(name="scoring.recompute", acks_late=True)
def recompute(rubric_id: int) -> int:
    """Idempotent: rescoring finds nothing stale the second time and does nothing."""
    return standings_refresh(rubric_id=rubric_id)


@shared_task(name="scoring.recompute_chunk", acks_late=True, ignore_result=False)
def recompute_chunk(rubric_id: int, low: int, high: int, run: int) -> int:
    """One chunk of a parallel recompute: points staged, the standings untouched (a chord header; run again if
    lost). Only the count crosses the broker."""
    return chunk_stage(rubric_id=rubric_id, low=low, high=high, run=run)


@shared_task(name="scoring.recompute_rank", acks_late=True)
def recompute_rank(staged: list[int], rubric_id: int, started_at: float, run: int) -> int:
    """The chord's end: every chunk's points staged, ranked and written at once."""
    return chunks_apply(rubric_id=rubric_id, run=run, started_at=started_at)


@shared_task(name="scoring.explain", acks_late=True)
def explain(rubric_id: int, low: int | None = None, high: int | None = None) -> int:
    """The explanation pass after a recompute, or its part for the unit ids low..high; idempotent (it writes
    only what is still unbuilt)."""
    return explanations_build(rubric_id=rubric_id, low=low, high=high)


@shared_task(name="scoring.recompute_dirty", acks_late=True)
def recompute_dirty() -> list[int]:
    """Beat job: re-queues every year with stale results (heals after a broker or worker outage).

    It bypasses the debounce: a pending key left by a lost message must not delay the healing.
    """
    rubric_ids = stale_rubric_ids()
    for rubric_id in rubric_ids:
        coalesce.claim(rubric_id)
        recompute.delay(rubric_id)
    recompute_runs_prune()
    return rubric_ids


@shared_task(name="scoring.periods_begun", acks_late=True)
def periods_begun() -> list[int]:
    """Beat job, daily: a period whose rules begin scoring today (a month on its 1st) is rescored."""
    return periods_begun_mark(today=timezone.localdate())
