"""The village level (หมู่บ้าน) under a subdistrict: the tree reaches it, its region is its province's, and a
rubric file may list every village of the country."""

import json

import pytest
from django.db import IntegrityError, transaction

from contests.models import Level, Unit
from contests.region_ranking import regions_of
from contests.tree import at_or_under, line_of, lines_of, under
from contests.units import units_load
from rubrics import services
from rubrics.contest_spec import check_contest
from rulebook.rules.fields import Reader
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory, SubdistrictFactory, VillageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(chiang_mai):
    return VillageFactory(parent=SubdistrictFactory(parent=DistrictFactory(parent=chiang_mai)))


def test_a_village_lies_under_its_subdistrict_district_and_province(village, chiang_mai):
    subdistrict = village.parent
    codes = set(Unit.objects.filter(under(chiang_mai)).values_list("code", flat=True))
    assert {village.code, subdistrict.code, subdistrict.parent.code} <= codes
    assert list(Unit.objects.filter(at_or_under(subdistrict)).order_by("level").values_list("code", flat=True)) == [
        subdistrict.code,
        village.code,
    ]


def test_a_villages_line_reaches_its_province(village, chiang_mai, django_assert_num_queries):
    line = {village.pk, village.parent_id, village.parent.parent_id, chiang_mai.pk}
    with django_assert_num_queries(1):
        assert lines_of([village.pk]) == {village.pk: line}
    loaded = Unit.objects.select_related("parent__parent__parent").get(pk=village.pk)
    with django_assert_num_queries(0):
        assert line_of(loaded) == line
    partly = Unit.objects.select_related("parent").get(pk=village.pk)  # its subdistrict loaded, no further
    with django_assert_num_queries(1):
        assert line_of(partly) == line


def test_a_villages_inspection_region_is_its_provinces(village, chiang_mai):
    regions = regions_of([village.pk, chiang_mai.pk])
    assert regions[village.pk] is not None
    assert regions[village.pk] == regions[chiang_mai.pk]


def test_a_village_code_has_eight_digits(village):
    assert len(village.dopa_code) == 8 and village.code == village.dopa_code
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(code="501", dopa_code="501", level=Level.VILLAGE, parent=village.parent, name_th="x")


def test_the_units_file_loads_villages_under_their_subdistricts(chiang_mai):
    subdistrict = SubdistrictFactory(parent=DistrictFactory(parent=chiang_mai))
    code = f"{subdistrict.dopa_code}01"
    units_load(rows=[(code, "บ้านทดสอบ", "Ban Test")])
    loaded = Unit.objects.get(dopa_code=code)
    assert (loaded.level, loaded.parent, loaded.code) == (Level.VILLAGE, subdistrict, code)


def problems(block) -> list[tuple[str, str]]:
    r = Reader()
    check_contest(r, block, 2568)
    return [(p.th, p.en) for p in r.errors]


def test_a_contest_among_75000_villages_may_be_listed():
    codes = [f"{50010100 + n}" for n in range(75_000)]
    assert problems({"slug": "villages", "organiser": None, "entrant_level": "village", "entrants": codes}) == []


def test_more_entrants_than_the_setting_allows_are_refused_thai_first(settings):
    settings.CDD4_MOST_ENTRANTS = 3
    found = problems({"slug": "villages", "entrant_level": "village", "entrants": ["50010101"] * 4})
    assert found == [
        (
            "contest.entrants มีผู้เข้าประกวด 4 ราย เกินกว่าที่กำหนดไว้ 3 ราย (ค่าตั้ง CDD4_MOST_ENTRANTS)",
            "contest.entrants lists 4 entrants, more than the 3 allowed (setting CDD4_MOST_ENTRANTS)",
        )
    ]


def test_a_contest_among_villages_loads_and_ranks_its_villages(chiang_mai):
    subdistrict = SubdistrictFactory(parent=DistrictFactory(parent=chiang_mai))
    villages = [VillageFactory(parent=subdistrict) for _ in range(3)]
    data = json.loads(open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8").read())
    data["contest"] = {"slug": "villages-2565", "entrant_level": "village", "entrants": [v.code for v in villages]}
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    ranked = Standing.objects.filter(rubric=rubric)
    assert sorted(ranked.values_list("unit__code", flat=True)) == sorted(v.code for v in villages)
    assert rubric.contest.entrant_noun == ("หมู่บ้าน", "village")
    assert all(rank == 1 for rank in ranked.values_list("rank", flat=True))  # nothing reported: all tie first
