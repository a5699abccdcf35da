"""The sign-in audit (accounts.audit): failures linked to the account axes counts them against, admin changes
with who made them, and a sheet's reopening recorded as one."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from accounts.models import AccountEvent, Event
from accounts.provision import accounts_provision
from core.sheets.tabular import read_rows
from people.models import Role
from tests.accounts.support import admin_change_post, sheet
from tests.factories import DistrictFactory, UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


@pytest.mark.parametrize("typed", ["SOMSRI", "SomSri", "ｓｏｍｓｒｉ", " somsri "])
def test_a_wrong_password_under_any_spelling_axes_counts_is_linked_to_the_account(client, chiang_mai, typed):
    staff = UserFactory(username="somsri", role=Role.OFFICE_STAFF, role__unit=chiang_mai)

    client.post("/accounts/login/", {"username": typed, "password": "wrong"}, REMOTE_ADDR="10.1.2.3")

    [failure] = AccountEvent.objects.filter(kind=Event.FAILURE)
    assert (failure.user, failure.address) == (staff, "10.1.2.3")


def test_a_username_nobody_has_is_recorded_unlinked(client):
    UserFactory(username="somsri")
    client.post("/accounts/login/", {"username": "somsak", "password": "wrong"})
    assert list(AccountEvent.objects.values_list("kind", "user", "username")) == [(Event.FAILURE, None, "somsak")]


@pytest.mark.parametrize(
    ("changes", "recorded"),
    [
        ({"email": "somsri.j@cdd.go.th"}, [Event.EMAIL_CHANGED]),
        ({"username": "somsri.j"}, [Event.USERNAME_CHANGED]),
        ({"membership-0-role": Role.ORGANISER}, [Event.ROLE_CHANGED]),
        ({"email": "somsri.j@cdd.go.th", "username": "somsri.j"}, [Event.EMAIL_CHANGED, Event.USERNAME_CHANGED]),
        ({"first_name": "สมศรีใหม่"}, []),
    ],
)
def test_the_admins_changes_of_address_username_and_role_are_recorded_with_who(
    client, central_user, chiang_mai, changes, recorded
):
    user = UserFactory(username="somsri", email="somsri@cdd.go.th", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), admin_change_post(user, **changes))

    assert response.status_code == 302
    events = AccountEvent.objects.filter(user=user).order_by("pk")
    assert list(events.values_list("kind", "by")) == [(kind, central_user.pk) for kind in recorded]


def test_an_organisers_sheet_reopening_a_closed_account_is_recorded_as_reopened(chiang_mai, central_user):
    district = DistrictFactory(parent=chiang_mai)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = UserFactory(
        email="somsri@cdd.go.th", first_name="สมศรี", last_name="ใจดี", role=Role.OFFICE_STAFF, role__unit=district
    )
    User.objects.filter(pk=staff.pk).update(is_active=False)  # closed by central staff
    rows = [["สมศรี ใจดี", "somsri@cdd.go.th", district.dopa_code, "provincial", ""]]

    accounts_provision(by=organiser, rows=read_rows(sheet(rows), "a.csv"))

    staff.refresh_from_db()
    assert staff.is_active is True
    assert list(AccountEvent.objects.filter(user=staff).values_list("kind", "by")) == [
        (Event.REACTIVATED, organiser.pk)
    ]


def test_a_sheet_that_reopens_and_changes_an_account_records_both(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = UserFactory(email="somsri@cdd.go.th", role=Role.OFFICE_STAFF, role__unit=district, is_active=False)
    rows = [["สมศรี ใจดี", "somsri@cdd.go.th", district.dopa_code, "organiser", ""]]

    accounts_provision(by=organiser, rows=read_rows(sheet(rows), "a.csv"))

    kinds = AccountEvent.objects.filter(user=staff).order_by("pk").values_list("kind", "by")
    assert list(kinds) == [(Event.REACTIVATED, organiser.pk), (Event.PROVISIONED, organiser.pk)]
