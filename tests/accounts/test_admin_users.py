"""The user admin (accounts.admin.PortalUserAdmin) as central staff use it: closing and reopening, from the list
or an account's page, each recorded; an account's e-mail; a new account invited, never given a typed password."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from accounts.models import AccountEvent, Event
from people.models import Membership, Role
from tests.accounts.support import admin_change_post
from tests.factories import UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


def test_closing_a_selection_leaves_out_a_superuser_says_so_and_closes_the_rest(client, central_user, chiang_mai):
    """A superuser's account is a superuser's to close: central staff who are not one close the others in the
    selection and are told how many were left out, rather than a 403 after some were already closed."""
    first = UserFactory(username="a-staff", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    root = UserFactory(username="b-root", is_superuser=True)
    last = UserFactory(username="c-staff", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.force_login(central_user)

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate", "_selected_action": [first.pk, root.pk, last.pk]},
    )

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "ปิดบัญชีแล้ว 2 บัญชี",
        "ไม่ได้ปิด 1 บัญชีที่คุณไม่มีสิทธิ์ปิด",
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

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["ปิดบัญชีแล้ว 1 บัญชี"]
    root.refresh_from_db()
    assert root.is_active is False


def _change_post(user, email: str, *, active: bool = True) -> dict[str, str]:
    posted = admin_change_post(user, first_name="สมศรี", last_name="ใจดี", email=email)
    if not active:
        del posted["is_active"]
    return posted


def test_the_admin_keeps_an_e_mail_in_lower_case(client, central_user, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "Somsri@CDD.go.th"))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "somsri@cdd.go.th"
    # The box was left alone, so nothing was closed; the new address is recorded with who typed it.
    assert list(AccountEvent.objects.filter(user=user).values_list("kind", "by")) == [
        (Event.EMAIL_CHANGED, central_user.pk)
    ]


def test_the_admin_refuses_an_e_mail_another_account_has_in_any_case(client, central_user, chiang_mai):
    UserFactory(email="somsri@cdd.go.th")
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="old@cdd.go.th")
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "SomSri@cdd.go.th"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"email": ["อีเมลนี้เป็นของบัญชีอื่นแล้ว"]}
    user.refresh_from_db()
    assert user.email == "old@cdd.go.th"


def test_the_admin_saves_an_account_keeping_its_own_e_mail(client, central_user, chiang_mai):
    """The account's own address is no clash with itself, nor is an empty one with other empty ones."""
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="somsri@cdd.go.th")
    blank = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    UserFactory()  # another account with no e-mail
    client.force_login(central_user)

    kept = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "somsri@cdd.go.th"))
    empty = client.post(reverse("admin:auth_user_change", args=[blank.pk]), _change_post(blank, ""))

    assert (kept.status_code, empty.status_code) == (302, 302)


def test_closing_an_account_from_its_page_is_recorded_once_by_whoever_closed_it(client, central_user, chiang_mai):
    """Unticking "is_active" closes the account through the same service as the list's action."""
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="somsri@cdd.go.th")
    client.force_login(central_user)

    response = client.post(
        reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, "somsri@cdd.go.th", active=False)
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.is_active, user.first_name) == (False, "สมศรี")
    assert list(AccountEvent.objects.filter(user=user).values_list("kind", "by")) == [
        (Event.DEACTIVATED, central_user.pk)
    ]


def test_reopening_an_account_from_its_page_is_recorded(client, central_user, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, is_active=False)
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_change", args=[user.pk]), _change_post(user, ""))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active is True
    assert list(AccountEvent.objects.filter(user=user).values_list("kind", "by")) == [
        (Event.REACTIVATED, central_user.pk)
    ]


def test_ones_own_account_page_cannot_close_it(client, central_user):
    """The lock refuses closing one's own account, so its box is shown but not offered; a post without it saves
    the rest and leaves the account open."""
    client.force_login(central_user)
    page = reverse("admin:auth_user_change", args=[central_user.pk])

    form = client.get(page).context["adminform"].form
    inline = {"membership-TOTAL_FORMS": "1", "membership-INITIAL_FORMS": "1"}
    membership = Membership.objects.get(user=central_user)
    inline |= {"membership-0-id": str(membership.pk), "membership-0-user": str(central_user.pk)}
    inline |= {"membership-0-role": membership.role, "membership-0-unit": ""}
    response = client.post(page, {"username": central_user.username, "email": "", **inline})

    assert "is_active" not in form.fields
    assert response.status_code == 302
    central_user.refresh_from_db()
    assert central_user.is_active is True
    assert not AccountEvent.objects.filter(kind=Event.DEACTIVATED).exists()


def test_reopening_the_chosen_accounts_leaves_out_a_superuser_and_records_the_rest(client, central_user, chiang_mai):
    closed = UserFactory(username="a-staff", role=Role.OFFICE_STAFF, role__unit=chiang_mai, is_active=False)
    root = UserFactory(username="b-root", is_superuser=True, is_active=False)
    client.force_login(central_user)

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reactivate", "_selected_action": [closed.pk, root.pk]},
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "เปิดบัญชีอีกครั้งแล้ว 1 บัญชี",
        "ไม่ได้เปิด 1 บัญชีที่คุณไม่มีสิทธิ์เปิด",
    ]
    assert list(User.objects.filter(pk__in=[closed.pk, root.pk]).values_list("username", "is_active")) == [
        ("a-staff", True),
        ("b-root", False),
    ]
    assert list(AccountEvent.objects.filter(kind=Event.REACTIVATED).values_list("user", "by")) == [
        (closed.pk, central_user.pk)
    ]


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_types_another_persons_password_in_the_admin(client, central_user, chiang_mai, superuser):
    """Django's per-account password page is refused for every account but one's own, a superuser's too."""
    central_user.is_superuser = superuser
    central_user.save(update_fields=["is_superuser"])
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    before = user.password
    client.force_login(central_user)
    page = reverse("admin:auth_user_password_change", args=[user.pk])

    shown = client.get(page)
    typed = client.post(page, {"usable_password": "true", "password1": "ใหม่-2569-cdd", "password2": "ใหม่-2569-cdd"})
    unset = client.post(page, {"usable_password": "false", "unset-password": "1"})

    assert (shown.status_code, typed.status_code, unset.status_code) == (403, 403, 403)
    user.refresh_from_db()
    assert user.password == before
    assert not AccountEvent.objects.filter(user=user).exists()
    assert not LogEntry.objects.exists()


def test_ones_own_password_page_goes_to_the_portals_counted_page(client, central_user):
    client.force_login(central_user)

    response = client.get(reverse("admin:auth_user_password_change", args=[central_user.pk]))

    assert (response.status_code, response["Location"]) == (302, reverse("password_change"))


def test_an_account_page_says_whether_a_password_is_set_and_links_to_no_form_that_sets_it(
    client, central_user, chiang_mai
):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    invited = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    invited.set_unusable_password()  # as the sheet and the add page make an account, until its owner sets one
    invited.save(update_fields=["password"])
    client.force_login(central_user)

    pages = [client.get(reverse("admin:auth_user_change", args=[u.pk])).content.decode() for u in (user, invited)]

    assert ["password/" in html for html in pages] == [False, False]
    assert "ตั้งแล้ว เจ้าของบัญชีเท่านั้นที่เปลี่ยนได้" in pages[0]
    assert "ยังไม่ได้ตั้ง รอเจ้าของบัญชีตั้งจากคำเชิญ" in pages[1]


def _add_post(username: str, email: str, office) -> dict[str, str]:
    inline = {"membership-TOTAL_FORMS": "1", "membership-INITIAL_FORMS": "0", "membership-0-role": Role.OFFICE_STAFF}
    person = {"username": username, "email": email, "first_name": "สมชาย", "last_name": "ใจดี"}
    return {**person, **inline, "membership-0-unit": str(office.pk)}


def test_a_new_account_from_the_admin_gets_no_typed_password_and_its_owner_is_invited(
    client, central_user, chiang_mai, django_capture_on_commit_callbacks
):
    """As README says of every new account: an e-mail with a link to set its own password."""
    client.force_login(central_user)

    fields = list(client.get(reverse("admin:auth_user_add")).context["adminform"].form.fields)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:auth_user_add"), _add_post("somchai", "Somchai@CDD.go.th", chiang_mai))

    assert fields == ["username", "email", "first_name", "last_name"]
    assert response.status_code == 302
    user = User.objects.get(username="somchai")
    assert (user.email, user.has_usable_password(), user.is_active) == ("somchai@cdd.go.th", False, True)
    assert [m.to for m in mail.outbox] == [["somchai@cdd.go.th"]]
    assert "/accounts/invitation/" in mail.outbox[0].body
    assert list(AccountEvent.objects.filter(user=user).values_list("kind", "by")) == [(Event.INVITED, central_user.pk)]
    assert "ส่งคำเชิญไปที่ somchai@cdd.go.th" in [str(m) for m in get_messages(response.wsgi_request)]


def test_a_new_account_without_an_e_mail_is_made_and_the_admin_says_no_invitation_went(
    client, central_user, chiang_mai, django_capture_on_commit_callbacks
):
    client.force_login(central_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:auth_user_add"), _add_post("somchai", "", chiang_mai))

    assert response.status_code == 302
    assert User.objects.get(username="somchai").has_usable_password() is False
    assert mail.outbox == []
    assert ("ยังไม่ได้ส่งคำเชิญเพราะไม่มีอีเมล เพิ่มอีเมลแล้วใช้ “ส่งคำเชิญอีกครั้ง”") in [
        str(m) for m in get_messages(response.wsgi_request)
    ]


def test_a_new_account_refuses_a_username_another_has_in_any_case(client, central_user, chiang_mai):
    UserFactory(username="somchai")
    client.force_login(central_user)

    response = client.post(reverse("admin:auth_user_add"), _add_post("SomChai", "", chiang_mai))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"username": ["มีบัญชีชื่อผู้ใช้นี้แล้ว"]}
