"""The real units file loaded by `bootstrap`, then exact counts through `units_under`.

The load is the worker's one, shared with the other modules that read the units (tests/demo_world.py
`units_world`): the database as it was before the module is back at the module's end, so no other test sees the
8,000 units; each test's own changes roll back to a savepoint inside it."""

import pytest
from django.core.management import call_command

from contests.models import Level, Unit
from contests.tree import units_under
from tests.demo_world import units_world  # noqa: F401  (bootstrap with the real units, once per worker)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units_world")]


def _codes(organiser_dopa: str, level: str) -> list[str]:
    organiser = Unit.objects.get(dopa_code=organiser_dopa)
    return list(units_under(organiser, level).values_list("dopa_code", flat=True))


def test_totals():
    counts = {level: Unit.objects.filter(level=level).count() for level in Level.values}
    offices = {level: Unit.objects.filter(level=level, is_cdd_office=True).count() for level in Level.values}
    # The data file lists no village: a contest among villages loads its own (bench/villages.py makes some).
    assert counts == {"province": 77, "district": 927, "subdistrict": 7451, "village": 0}
    assert offices == {"province": 76, "district": 877, "subdistrict": 7282, "village": 0}
    assert Unit.objects.provinces().count() == 76


def test_districts_under_provinces():
    assert _codes("20", Level.DISTRICT) == [f"20{n:02d}" for n in range(1, 12)]  # Chonburi
    assert len(_codes("43", Level.DISTRICT)) == 9  # Nong Khai
    assert len(_codes("34", Level.DISTRICT)) == 25  # Ubon Ratchathani
    assert len(_codes("50", Level.DISTRICT)) == 24  # Chiang Mai


def test_subdistricts_under_a_province_and_a_district():
    assert len(_codes("20", Level.SUBDISTRICT)) == 92
    assert _codes("2001", Level.SUBDISTRICT) == [f"2001{n:02d}" for n in range(1, 19)]  # Mueang Chonburi
    assert len(_codes("43", Level.SUBDISTRICT)) == 62
    assert len(_codes("34", Level.SUBDISTRICT)) == 220


def test_bangkok_is_kept_but_organises_no_cdd_unit():
    bangkok = Unit.objects.get(code="TH-10")
    assert (bangkok.children.count(), Unit.objects.filter(parent__parent=bangkok).count()) == (50, 169)
    assert _codes("10", Level.DISTRICT) == [] and _codes("10", Level.SUBDISTRICT) == []


def test_bootstrap_again_changes_nothing_and_keeps_province_fields():
    chonburi = Unit.objects.get(code="TH-20")
    before = Unit.objects.count()
    call_command("bootstrap", verbosity=0, stdout=open("/dev/null", "w"))
    assert Unit.objects.count() == before == 8455
    assert (chonburi.dopa_code, chonburi.name_en, chonburi.region, chonburi.parent) == ("20", "Chon Buri", "east", None)
    assert Unit.objects.get(code="TH-16").name_en == "Lop Buri"  # provinces.json's spelling, not the source's
