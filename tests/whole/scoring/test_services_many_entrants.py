"""A contest among villages: some 75,000 entrants, ranked past what a small integer holds."""

from decimal import Decimal

import pytest

from contests.models import Level, Unit
from rulebook import engine
from scoring.models import Standing
from scoring.recompute import standings_rerank

pytestmark = pytest.mark.pg

MANY = 32_800  # past 32,767, the largest small integer


def many_entrants(rubric, count: int) -> list[int]:
    """`count` subdistricts under one district, the n-th with a result of n points, made in bulk."""
    province = Unit.objects.get(code="TH-50")
    district = Unit.objects.create(
        code="5099", dopa_code="5099", level=Level.DISTRICT, parent=province, name_th="ทดสอบ", name_en="Test"
    )
    Unit.objects.bulk_create(
        Unit(
            code=f"{100_000 + i}",
            dopa_code=f"{100_000 + i}",
            level=Level.SUBDISTRICT,
            parent=district,
            name_th=f"ตำบล {i}",
            name_en=f"Subdistrict {i}",
        )
        for i in range(count)
    )
    units = list(Unit.objects.filter(parent=district).order_by("code").values_list("pk", flat=True))
    Standing.objects.bulk_create(
        (
            Standing(rubric=rubric, unit_id=unit, total=n, rank_key=engine.rank_key(Decimal(n), {}, ()))
            for n, unit in enumerate(units, start=1)
        ),
        batch_size=5000,
    )
    return units


def test_a_contest_past_32767_entrants_ranks_every_one_of_them(rubric):
    units = many_entrants(rubric, MANY)
    standings_rerank(rubric_id=rubric.pk)
    results = Standing.objects.filter(rubric=rubric)
    assert results.count() == MANY + 76
    # The last subdistrict (1 point) ranks 32,800th, the 76 provinces without points tie after it.
    ranks = dict(results.filter(unit_id__in=units).values_list("unit_id", "rank"))
    assert [ranks[unit] for unit in units] == list(range(MANY, 0, -1))
    assert set(results.exclude(unit_id__in=units).values_list("rank", flat=True)) == {MANY + 1}
