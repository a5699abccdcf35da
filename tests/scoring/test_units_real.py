"""The real units file loaded once for this module (about 1 s), then exact counts through `units_under`.

The load runs inside a transaction this module rolls back at its end, so no other test sees the 8,000 units;
each test's own changes roll back to a savepoint inside it."""

import pytest
from django.core.management import call_command
from django.db import transaction

from contests.models import Level, Unit
from contests.tree import units_under

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("bootstrap", verbosity=0, stdout=open("/dev/null", "w"))  # its time: bench/, not here
        yield
        transaction.set_rollback(True)


def _codes(organiser_dopa: str, level: str) -> list[str]:
    organiser = Unit.objects.get(dopa_code=organiser_dopa)
    return list(units_under(organiser, level).values_list("dopa_code", flat=True))


def test_totals(loaded):
    counts = {level: Unit.objects.filter(level=level).count() for level in Level.values}
    offices = {level: Unit.objects.filter(level=level, is_cdd_office=True).count() for level in Level.values}
    # The data file lists no village: a contest among villages loads its own (bench/villages.py makes some).
    assert counts == {"province": 77, "district": 927, "subdistrict": 7451, "village": 0}
    assert offices == {"province": 76, "district": 877, "subdistrict": 7282, "village": 0}
    assert Unit.objects.provinces().count() == 76


def test_districts_under_provinces(loaded):
    assert _codes("20", Level.DISTRICT) == [f"20{n:02d}" for n in range(1, 12)]  # Chonburi
    assert len(_codes("43", Level.DISTRICT)) == 9  # Nong Khai
    assert len(_codes("34", Level.DISTRICT)) == 25  # Ubon Ratchathani
    assert len(_codes("50", Level.DISTRICT)) == 24  # Chiang Mai


def test_subdistricts_under_a_province_and_a_district(loaded):
    assert len(_codes("20", Level.SUBDISTRICT)) == 92
    assert _codes("2001", Level.SUBDISTRICT) == [f"2001{n:02d}" for n in range(1, 19)]  # Mueang Chonburi
    assert len(_codes("43", Level.SUBDISTRICT)) == 62
    assert len(_codes("34", Level.SUBDISTRICT)) == 220


def test_bangkok_is_kept_but_organises_no_cdd_unit(loaded):
    bangkok = Unit.objects.get(code="TH-10")
    assert (bangkok.children.count(), Unit.objects.filter(parent__parent=bangkok).count()) == (50, 169)
    assert _codes("10", Level.DISTRICT) == [] and _codes("10", Level.SUBDISTRICT) == []


def test_bootstrap_again_changes_nothing_and_keeps_province_fields(loaded):
    chonburi = Unit.objects.get(code="TH-20")
    before = Unit.objects.count()
    call_command("bootstrap", verbosity=0, stdout=open("/dev/null", "w"))
    assert Unit.objects.count() == before == 8455
    assert (chonburi.dopa_code, chonburi.name_en, chonburi.region, chonburi.parent) == ("20", "Chon Buri", "east", None)
    assert Unit.objects.get(code="TH-16").name_en == "Lop Buri"  # provinces.json's spelling, not the source's
