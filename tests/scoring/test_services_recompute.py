"""The full recompute: points alone, ranked once, explanations built when read or by their pass."""

from decimal import Decimal

import pytest
from django.db.models import F
from django.utils import timezone

from scoring import demo, explanations, recompute, selectors
from scoring.chunks import chunk_stage, chunks_apply
from scoring.explanations import explanations_build
from scoring.facts.imports import facts_import
from scoring.models import StagedPoints, Standing
from scoring.recompute import chunk_bounds, standings_recompute
from scoring.standings import standings_rows

from .test_services_standings import rows_for_total

STANDING = ("unit__code", "total", "rank", "tied", "award", "award_tie", "level", "dimensions", "criteria")


def standings(rubric) -> dict[str, tuple]:
    rows = Standing.objects.filter(rubric=rubric).values_list(*STANDING)
    return {code: tuple(rest) for code, *rest in rows}


def marks(rubric) -> set[tuple[int, int]]:
    return set(Standing.objects.filter(rubric=rubric).values_list("computed_seq", "change_seq"))


def staged_chunks(rubric, chunks: int = 4) -> int:
    """What the chord's header tasks do before its end: each chunk's points staged, under one run."""
    bounds = chunk_bounds(rubric_id=rubric.pk, chunks=chunks)
    assert len(bounds) == chunks
    assert sum(chunk_stage(rubric_id=rubric.pk, low=lo, high=hi, run=RUN) for lo, hi in bounds) == 76
    return RUN


RUN = 1_700_000_000_000_000  # a run's start in microseconds


def test_full_recompute_counts_at_most_20_queries_cold(rubric, django_assert_max_num_queries):
    demo.demo_facts(rubric=rubric)
    selectors._SPECS.clear()  # cold: the rubric, its criteria and the holidays are read too
    selectors._CALENDARS.clear()
    selectors._CODES.clear()
    with django_assert_max_num_queries(20):
        assert standings_recompute(rubric_id=rubric.pk, full=True) == 76


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


@pytest.mark.parametrize("part", [10_000, 10])  # explained all at once, or 10 entrants at a time
def test_explanations_read_before_their_pass_are_the_ones_it_stores(rubric, part, monkeypatch):
    monkeypatch.setattr(explanations, "PART", part)
    demo.demo_facts(rubric=rubric)
    facts_import(rubric=rubric, rows=rows_for_total("TH-50", 23))
    standings_recompute(rubric_id=rubric.pk, full=True)
    assert not any(Standing.objects.filter(rubric=rubric).values_list("explained", flat=True))  # none current

    read = standings_rows(rubric)

    assert explanations_build(rubric_id=rubric.pk) == 76
    assert explanations_build(rubric_id=rubric.pk) == 0  # nothing left unbuilt
    stored = standings_rows(rubric)
    assert [r["explanations"] for r in read] == [r["explanations"] for r in stored]
    assert [r["explanations_en"] for r in read] == [r["explanations_en"] for r in stored]
    th50 = next(r for r in stored if r["province"] == "TH-50")
    assert th50["explanations"]["1.3"] == "ผ่านขั้นที่ 1, 2, 3; ขั้นที่ 4 ไม่ผ่าน → 3 คะแนน"


def test_the_pass_leaves_an_entrant_whose_facts_changed_after_its_points(rubric):
    standings_recompute(rubric_id=rubric.pk, full=True)
    Standing.objects.filter(rubric=rubric, unit__code="TH-50").update(change_seq=F("change_seq") + 1)

    assert explanations_build(rubric_id=rubric.pk) == 75

    th50 = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    assert th50.explained is False  # its text waits for its points: the next recompute, then the pass


def test_texts_left_from_before_a_change_are_never_shown_with_the_new_points(rubric):
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    explanations_build(rubric_id=rubric.pk)
    before = Standing.objects.get(rubric=rubric, unit__code="TH-50").explanations

    facts_import(rubric=rubric, rows=rows_for_total("TH-50", 23))
    assert standings_recompute(rubric_id=rubric.pk) == 1

    th50 = Standing.objects.select_related("rubric").get(rubric=rubric, unit__code="TH-50")
    assert (th50.explained, th50.explanations) == (False, before)  # left in place, no longer its points' own
    fresh = explanations.explanations_of(rubric, {th50.unit_id: th50.unit.size_group})[th50.unit_id]
    assert fresh != before
    assert explanations.texts_of(th50) == fresh
    row = next(r for r in standings_rows(rubric) if r["province"] == "TH-50")
    assert row["explanations"] == {code: text["th"] for code, text in fresh.items()}
    assert explanations_build(rubric_id=rubric.pk) == 1
    th50.refresh_from_db()
    assert (th50.explained, th50.explanations) == (True, fresh)


def test_a_full_recompute_scored_part_by_part_equals_one_scored_whole(rubric, monkeypatch):
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    whole = standings(rubric)
    Standing.objects.filter(rubric=rubric).update(total=0, rank=None, dimensions={}, criteria={})
    monkeypatch.setattr(recompute, "PART", 10)  # 76 entrants in 8 parts, each part's facts read alone
    assert standings_recompute(rubric_id=rubric.pk, full=True) == 76
    assert standings(rubric) == whole
    assert len({row[1] for row in whole.values()}) > 10  # totals that differ: parts really mattered
