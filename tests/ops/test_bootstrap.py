"""`bootstrap` is an ops command: its demo spans scoring and committee, which only the top app may import."""

import io

from django.core.management import call_command

from scoring.models import Criterion, Province, ProvinceResult, Rubric


def test_bootstrap_twice_changes_nothing(db):  # the test database was bootstrapped once already
    call_command("bootstrap", "--no-units", stdout=io.StringIO())  # the units: tests/scoring/test_units_real.py
    assert (Province.objects.count(), Rubric.objects.count(), Criterion.objects.count()) == (76, 1, 18)
    assert ProvinceResult.objects.count() == 76
