"""The unit tree, defined once (contests.tree): what lies under a unit, at any depth, asked as a
filter, a subquery or a unit's line; and the actor's scopes built on it."""

import pytest

from contests.models import Unit
from contests.tree import at_or_under, line_of, lines_of, subtree, under
from people.models import Conflict
from tests.factories import DistrictFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(chiang_mai, phuket):
    """Chiang Mai › two districts › a subdistrict each; Phuket › a district › a subdistrict."""
    mae_rim, hang_dong, kathu = (
        DistrictFactory(parent=chiang_mai),
        DistrictFactory(parent=chiang_mai),
        DistrictFactory(parent=phuket),
    )
    rim, nong, patong = (SubdistrictFactory(parent=d) for d in (mae_rim, hang_dong, kathu))
    return {"cm": chiang_mai, "mae_rim": mae_rim, "hang_dong": hang_dong, "kathu": kathu}, (rim, nong, patong)


def codes(q) -> set[str]:
    return set(Unit.objects.filter(q).values_list("code", flat=True))


def test_under_a_province_is_its_districts_and_their_subdistricts(tree):
    units, (rim, nong, _) = tree
    cm, mae_rim, hang_dong = units["cm"], units["mae_rim"], units["hang_dong"]
    assert codes(under(cm)) == {mae_rim.code, hang_dong.code, rim.code, nong.code}
    assert codes(under(cm.pk)) == codes(under(cm))
    assert codes(at_or_under(mae_rim)) == {mae_rim.code, rim.code}
    assert codes(under(rim)) == set()


def test_under_a_subquery_of_units_is_one_query(tree, django_assert_num_queries):
    units, (rim, _, patong) = tree
    offices = Unit.objects.filter(pk__in=[units["mae_rim"].pk, units["kathu"].pk]).values("pk")
    with django_assert_num_queries(1):
        found = set(Unit.objects.filter(pk__in=subtree(offices)).values_list("code", flat=True))
    assert found == {units["mae_rim"].code, rim.code, units["kathu"].code, patong.code}


def test_a_path_reaches_the_unit_from_another_model(tree, central_user):
    units, (rim, _, _) = tree
    Conflict.objects.create(member=central_user, unit=rim)
    found = Conflict.objects.filter(at_or_under(units["cm"], "unit__"))
    assert [c.unit for c in found] == [rim]
    assert not Conflict.objects.filter(at_or_under(units["kathu"], "unit__")).exists()


def test_a_units_line_is_itself_and_every_unit_above(tree, django_assert_num_queries):
    units, (rim, nong, _) = tree
    cm, mae_rim = units["cm"], units["mae_rim"]
    with django_assert_num_queries(1):
        lines = lines_of([rim.pk, mae_rim.pk, cm.pk])
    assert lines == {rim.pk: {rim.pk, mae_rim.pk, cm.pk}, mae_rim.pk: {mae_rim.pk, cm.pk}, cm.pk: {cm.pk}}
    loaded = Unit.objects.select_related("parent").get(pk=nong.pk)
    with django_assert_num_queries(0):
        assert line_of(loaded) == {nong.pk, units["hang_dong"].pk, cm.pk}
        assert line_of(cm) == {cm.pk}
    fresh = Unit.objects.get(pk=rim.pk)
    with django_assert_num_queries(1):
        assert line_of(fresh) == lines[rim.pk]
