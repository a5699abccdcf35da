"""A full recompute in parallel chunks (scoring.chunks): each chunk stages its points, the standings change
only when the chord's end writes them all. On PostgreSQL too: the points go in with COPY there."""

from decimal import Decimal

import pytest
from django.db.models import F
from django.utils import timezone

from scoring.chunks import chunk_stage, chunks_apply
from scoring.facts.imports import facts_import
from scoring.models import StagedPoints, Standing
from scoring.recompute import chunk_bounds, standings_recompute

from .test_services_recompute import marks, standings
from .test_services_standings import rows_for_total

pytestmark = pytest.mark.pg


def staged_chunks(rubric, chunks: int = 4) -> int:
    """What the chord's header tasks do before its end: each chunk's points staged, under one run."""
    bounds = chunk_bounds(rubric_id=rubric.pk, chunks=chunks)
    assert len(bounds) == chunks
    assert sum(chunk_stage(rubric_id=rubric.pk, low=lo, high=hi, run=RUN) for lo, hi in bounds) == 76
    return RUN


RUN = 1_700_000_000_000_000  # a run's start in microseconds


def test_chunks_write_nothing_and_the_standings_change_only_when_every_chunk_is_in(rubric):
    facts_import(rubric=rubric, rows=rows_for_total("TH-11", 20) + rows_for_total("TH-52", 5))
    standings_recompute(rubric_id=rubric.pk, full=True)
    before, settled = standings(rubric), marks(rubric)
    # TH-50 and TH-90 tie at 25, far in the lead; then every entrant is marked for a full recompute.
    facts_import(rubric=rubric, rows=rows_for_total("TH-50", 25) + rows_for_total("TH-90", 25))
    Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)
    stale = marks(rubric)

    run = staged_chunks(rubric)

    assert standings(rubric) == before  # four chunks scored, not one entrant written
    assert marks(rubric) == stale and stale != settled
    rescored = chunks_apply(rubric_id=rubric.pk, run=run, started_at=timezone.now().timestamp())
    assert rescored == 76
    assert all(computed == change for computed, change in marks(rubric))
    assert not StagedPoints.objects.exists()  # the staged points gone with the run
    after = standings(rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    assert standings(rubric) == after  # as a plain full recompute stores them
    assert after != before
    assert after["TH-50"][1:5] == after["TH-90"][1:5] == (1, True, "winner", True)  # a tie at the award line


def test_a_chunk_run_again_replaces_the_points_it_staged(rubric):
    Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)
    (low, high), *_ = chunk_bounds(rubric_id=rubric.pk, chunks=2)
    first = chunk_stage(rubric_id=rubric.pk, low=low, high=high, run=RUN)
    lowest = Standing.objects.filter(rubric=rubric).order_by("unit_id").select_related("unit").first()
    facts_import(rubric=rubric, rows=rows_for_total(lowest.unit.code, 25))  # an entrant of this chunk

    again = chunk_stage(rubric_id=rubric.pk, low=low, high=high, run=RUN)

    assert first == again == StagedPoints.objects.count() == 38
    assert StagedPoints.objects.get(standing=lowest.pk).total == Decimal(25)


def test_a_chunk_read_before_a_newer_change_leaves_that_entrants_newer_points(rubric):
    standings_recompute(rubric_id=rubric.pk, full=True)
    Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)
    run = staged_chunks(rubric, chunks=2)  # every entrant at 0 points
    facts_import(rubric=rubric, rows=rows_for_total("TH-50", 25))
    standings_recompute(rubric_id=rubric.pk)  # the newer change lands first

    chunks_apply(rubric_id=rubric.pk, run=run, started_at=timezone.now().timestamp())

    th50 = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    assert (th50.total, th50.rank, th50.award, th50.computed_seq) == (Decimal(25), 1, "winner", th50.change_seq)
