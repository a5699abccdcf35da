"""Re-ranking only what moved (scoring.shift): after any change of a few entrants' points the standings equal a
full re-ranking's, ties, tie-breaks and award lines included, and only the span they moved through is read."""

import random
from decimal import Decimal

import pytest
from django.db import connection, transaction

from rubrics.models import AWARD_FLOOR, YearSettings
from rubrics.selectors import rubric_spec
from rulebook import engine
from scoring.facts.imports import facts_import
from scoring.models import Standing
from scoring.ranking import Scored
from scoring.recompute import rubric_locked, standings_recompute, standings_rerank
from scoring.shift import standings_shift

from .test_services_standings import rows_for_total

PLACES = ("unit_id", "rank", "tied", "award", "award_tie", "rank_key", "total")


def places(rubric) -> dict[int, tuple]:
    return {unit: tuple(rest) for unit, *rest in Standing.objects.filter(rubric=rubric).values_list(*PLACES)}


def points(rng: random.Random, dimensions: list[str]) -> tuple[Decimal, dict[str, Decimal]]:
    """Few distinct points, so totals tie often and tie-breaks often tie too."""
    by = {d: Decimal(rng.choice((0, 0, 1, 2, Decimal("2.5")))) for d in dimensions}
    return sum(by.values(), Decimal(0)), by


def scored(standing: Standing, total: Decimal, by: dict[str, Decimal], tie_break) -> Scored:
    return Scored(
        standing.pk,
        standing.unit_id,
        standing.change_seq,
        str(total),
        None,
        {d: str(v) for d, v in by.items()},
        {},
        engine.rank_key(total, by, tie_break),
    )


@pytest.fixture
def ranked(rubric):
    """The 76 entrants with random points, fully ranked."""
    rng = random.Random(64)
    spec = rubric_spec(rubric)
    dimensions = [d.code for d in spec.dimensions]
    rows = list(Standing.objects.filter(rubric=rubric))
    for row in rows:
        row.total, by = points(rng, dimensions)
        row.dimensions = {d: str(v) for d, v in by.items()}
        row.rank_key = engine.rank_key(row.total, by, spec.tie_break)
    Standing.objects.bulk_update(rows, ["total", "dimensions", "rank_key"])
    with transaction.atomic():
        standings_rerank(rubric_id=rubric.pk)
    return rng, dimensions, spec.tie_break


@pytest.mark.parametrize("ranks", [True, False])  # one entrant's move told its stored rank, or counted
@pytest.mark.parametrize("minimum", [AWARD_FLOOR, Decimal(5)])  # the floor: any total above 0 is awarded
def test_random_changes_ranked_by_span_equal_a_full_ranking(rubric, ranked, minimum, ranks):
    rng, dimensions, tie_break = ranked
    YearSettings.objects.update_or_create(rubric=rubric, defaults={"award_min_total": minimum})
    spans = 0
    for _ in range(120):
        # Drawn among the entrants' ids in the rows' order (the same draw as among the rows), then only the drawn
        # rows read: not every entrant's row made for each change.
        ids = rng.sample(list(Standing.objects.filter(rubric=rubric).values_list("pk", flat=True)),
                         rng.choice((1, 1, 1, 2, 3)))  # fmt: skip
        rows = Standing.objects.in_bulk(ids)
        chosen = [rows[pk] for pk in ids]
        if rng.random() < 0.2:  # onto another entrant's points exactly: a new tie, tie-breaks equal too
            twin = Standing.objects.filter(rubric=rubric).order_by("?").first()
            changes = [scored(s, twin.total, {d: Decimal(twin.dimensions[d]) for d in dimensions}, tie_break)
                       for s in chosen]  # fmt: skip
        else:
            changes = [scored(s, *points(rng, dimensions), tie_break) for s in chosen]
        with transaction.atomic():
            locked = rubric_locked(rubric.pk)
            stored = {s.pk: s.rank for s in chosen} if ranks else None
            standings_shift(locked, changes, {s.pk: s.rank_key for s in chosen}, stored)
        by_span = places(rubric)
        with transaction.atomic():
            standings_rerank(rubric_id=rubric.pk)
        assert places(rubric) == by_span
        spans += 1
    assert spans == 120
    awarded = Standing.objects.filter(rubric=rubric).exclude(award="")
    assert awarded.exists() and Standing.objects.filter(rubric=rubric, tied=True).exists()


def test_one_change_below_the_award_places_moves_its_span_without_reading_it(rubric, ranked, django_assert_num_queries):
    _, dimensions, tie_break = ranked
    order = list(Standing.objects.filter(rubric=rubric).order_by("-rank_key", "unit_id"))
    low, high = order[-1], order[40]  # the last entrant climbs to just below the 40th
    above = sum(1 for s in order if s.rank_key > high.rank_key)
    total, by = high.total, {d: Decimal(high.dimensions[d]) for d in dimensions}
    change = scored(low, total, by, tie_break)
    span = Standing.objects.filter(rubric=rubric, rank_key__gte=low.rank_key, rank_key__lte=high.rank_key)
    before = places(rubric)
    with transaction.atomic():
        locked = rubric_locked(rubric.pk)
        # the year's write lock (PostgreSQL's only); those just above its new key; one UPDATE moving those between
        # the keys; those at the old and new keys read; the rescored row, the ties it joined, the year's time
        # written: no query reads the span
        with django_assert_num_queries(6 + (connection.vendor == "postgresql")):
            standings_shift(locked, [change], {low.pk: low.rank_key}, {low.pk: low.rank})
    after = places(rubric)
    moved = {unit for unit in after if after[unit] != before[unit]}
    assert low.unit_id in moved
    assert moved <= set(span.values_list("unit_id", flat=True))
    assert after[low.unit_id][0] == above + 1  # tied with the 41st, at its place
    assert all(after[unit][0] > 13 for unit in moved)  # no award place was touched


def test_facts_changed_entrant_by_entrant_rank_as_a_full_recompute_does(rubric):
    rng = random.Random(7)
    codes = list(Standing.objects.filter(rubric=rubric).values_list("unit__code", flat=True))
    totals = {c: rng.randint(0, 3) * 5 for c in codes}
    facts_import(rubric=rubric, rows=[r for c in codes for r in rows_for_total(c, totals[c])])
    standings_recompute(rubric_id=rubric.pk, full=True)
    for _ in range(15):
        code = rng.choice([c for c in codes if totals[c] < 25])
        totals[code] += 5  # a total only grows here: the rows add facts to those already there
        facts_import(rubric=rubric, rows=rows_for_total(code, totals[code]))
        assert standings_recompute(rubric_id=rubric.pk) == 1  # as the queued task runs it: by span
        incremental = places(rubric)
        standings_recompute(rubric_id=rubric.pk, full=True)
        assert places(rubric) == incremental
