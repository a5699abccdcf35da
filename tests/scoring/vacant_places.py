"""The national contest with five provinces given points and the rest none: its award places beyond those
five stay vacant. For the award eligibility tests, quick and those that read the announcement back."""

import pytest

from contests.models import Unit
from tests.scoring.test_services_standings import load_totals


@pytest.fixture
def five_with_points(rubric):
    codes = list(Unit.objects.order_by("code").values_list("code", flat=True))
    load_totals(rubric, {code: 10 + i for i, code in enumerate(codes[:5])})
    return codes[:5]
