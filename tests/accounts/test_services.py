"""Closing and reopening an account (accounts.services): the lock decides whose, never the service itself."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import AccountEvent, Event
from accounts.services import account_deactivate, account_reactivate
from contests.models import Unit
from people.models import Role
from tests.factories import DistrictFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_organiser_closes_its_districts_staff_and_no_one_elses():
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    own = UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chiang_mai))
    other = UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=phuket))

    account_deactivate(by=organiser, user=own)
    with pytest.raises(PermissionDenied):
        account_deactivate(by=organiser, user=other)
    with pytest.raises(PermissionDenied):
        account_deactivate(by=organiser, user=organiser)

    own.refresh_from_db(), other.refresh_from_db()
    assert (own.is_active, other.is_active) == (False, True)
    assert list(AccountEvent.objects.filter(kind=Event.DEACTIVATED).values_list("user", "by")) == [
        (own.pk, organiser.pk)
    ]


def test_an_organiser_reopens_its_districts_staff_and_no_one_elses_each_recorded_once():
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    own = UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chiang_mai), is_active=False)
    other = UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=phuket), is_active=False)

    account_reactivate(by=organiser, user=own)
    account_reactivate(by=organiser, user=own)  # already open: nothing more to record
    with pytest.raises(PermissionDenied):
        account_reactivate(by=organiser, user=other)

    own.refresh_from_db(), other.refresh_from_db()
    assert (own.is_active, other.is_active) == (True, False)
    assert list(AccountEvent.objects.filter(kind=Event.REACTIVATED).values_list("user", "by")) == [
        (own.pk, organiser.pk)
    ]
