import pytest
from django.contrib.auth.models import AnonymousUser

from contests.actor import actor_of
from contests.scopes import visible_units
from people.models import Conflict, Role
from people.selectors import conflicted_unit_ids, office_unit_id, role_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_role_and_office_of_provincial_staff(chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    assert (role_of(user), office_unit_id(user)) == (Role.OFFICE_STAFF, chiang_mai.pk)


def test_superuser_is_central_with_no_office():
    user = UserFactory(is_superuser=True)
    assert (role_of(user), office_unit_id(user)) == (Role.CENTRAL, None)


def test_user_without_membership_and_anonymous_have_no_role():
    assert (role_of(UserFactory()), office_unit_id(UserFactory())) == (None, None)
    assert (role_of(AnonymousUser()), office_unit_id(AnonymousUser())) == (None, None)


def test_conflicts_are_per_member_and_hide_the_province_from_them(chiang_mai, phuket):
    member, other = UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.COMMITTEE)
    Conflict.objects.create(member=member, unit=chiang_mai)
    assert list(conflicted_unit_ids(member)) == [{"unit_id": chiang_mai.pk}]
    assert list(conflicted_unit_ids(other)) == []
    assert chiang_mai not in visible_units(actor_of(member))
    assert {chiang_mai, phuket} <= set(visible_units(actor_of(other)))
