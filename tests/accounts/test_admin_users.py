"""The user admin (accounts.admin.PortalUserAdmin) as central staff use it: closing a selection, an account's e-mail."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.models import AccountEvent, Event
from people.models import Membership, Role
from tests.factories import UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


def test_closing_a_selection_leaves_out_a_superuser_says_so_and_closes_the_rest(client, central_user, chiang_mai):
    """A superuser's account is a superuser's to close: central staff who are not one close the others in the
    selection and are told how many were left out, rather than a 403 after some were already closed."""
    first = UserFactory(username="a-staff", role=Role.PROVINCIAL, role__province=chiang_mai)
    root = UserFactory(username="b-root", is_superuser=True)
    last = UserFactory(username="c-staff", role=Role.PROVINCIAL, role__province=chiang_mai)
    client.force_login(central_user)

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate", "_selected_action": [first.pk, root.pk, last.pk]},
    )

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "ปิดบัญชีแล้ว 2 บัญชี / 2 accounts closed",
        "ไม่ได้ปิด 1 บัญชีที่คุณไม่มีสิทธิ์ปิด / 1 accounts you may not close were left out",
    ]
    assert list(User.objects.filter(pk__in=[first.pk, root.pk, last.pk]).values_list("username", "is_active")) == [
        ("a-staff", False),
        ("b-root", True),
        ("c-staff", False),
    ]
    assert sorted(AccountEvent.objects.filter(kind=Event.DEACTIVATED).values_list("user__username", flat=True)) == [
        "a-staff",
        "c-staff",
    ]


def test_a_superuser_closes_another_superuser_from_the_selection(client, central_user):
    central_user.is_superuser = True
    central_user.save(update_fields=["is_superuser"])
    root = UserFactory(username="b-root", is_superuser=True)
    client.force_login(central_user)

    response = client.post(
        reverse("admin:auth_user_changelist"), {"action": "deactivate", "_selected_action": [root.pk]}
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["ปิดบัญชีแล้ว 1 บัญชี / 1 accounts closed"]
    root.refresh_from_db()
    assert root.is_active is False


def _change_post(user, email: str) -> dict[str, str]:
    membership = Membership.objects.get(user=user)
    inline = {
        "membership-TOTAL_FORMS": "1",
        "membership-INITIAL_FORMS": "1",
        "membership-0-id": str(membership.pk),
        "membership-0-user": str(user.pk),
        "membership-0-role": membership.role,
        "membership-0-province": str(membership.province_id or ""),
    }
    person = {"username": user.username, "first_name": "สมศรี", "last_name": "ใจดี", "is_active": "on"}
    return {**person, "email": email, **inline}


def test_the_admin_keeps_an_e_mail_in_lower_case(client, central_user, chiang_mai):
    user = UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai)
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "Somsri@CDD.go.th"))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "somsri@cdd.go.th"


def test_the_admin_refuses_an_e_mail_another_account_has_in_any_case(client, central_user, chiang_mai):
    UserFactory(email="somsri@cdd.go.th")
    user = UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai, email="old@cdd.go.th")
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "SomSri@cdd.go.th"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "email": ["อีเมลนี้เป็นของบัญชีอื่นแล้ว / another account has this e-mail"]
    }
    user.refresh_from_db()
    assert user.email == "old@cdd.go.th"


def test_the_admin_saves_an_account_keeping_its_own_e_mail(client, central_user, chiang_mai):
    """The account's own address is no clash with itself, nor is an empty one with other empty ones."""
    user = UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai, email="somsri@cdd.go.th")
    blank = UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai)
    UserFactory()  # another account with no e-mail
    client.force_login(central_user)

    kept = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "somsri@cdd.go.th"))
    empty = client.post(reverse("admin:auth_user_change", args=[blank.pk]), _change_post(blank, ""))

    assert (kept.status_code, empty.status_code) == (302, 302)
