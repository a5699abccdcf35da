"""A forgotten password, a new e-mail, an account closed and the sign-in audit, without central staff."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from accounts.models import AccountEvent, Event
from notices import outbox
from people.models import Role
from tests.factories import PASSWORD, UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # the reset limit counts per address in the cache


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`with sent(): …`: what was asked inside, committed, and its mail sent by the outbox (notices)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_forgotten_password_is_reset_from_the_e_mail_alone(client, chiang_mai, sent):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="staff@cdd.go.th")
    with sent():
        asked = client.post("/accounts/password-reset/", {"email": "Staff@cdd.go.th"})
    assert (asked.status_code, asked["Location"]) == (302, "/accounts/password-reset/sent/")
    [message] = mail.outbox
    assert message.subject == f"ตั้งรหัสผ่านใหม่ของบัญชี {user.username}"
    assert "ลิงก์ใช้ได้ครั้งเดียว ภายใน ๒๔ ชั่วโมง" in message.body  # Thai digits beside Thai words
    # On the portal's own address (CDD4_PUBLIC_URL), never the one the asking request named.
    link = re.search(r"http://localhost:8000(/accounts/password-reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "ใหม่-2569-cdd", "new_password2": "ใหม่-2569-cdd"})
    assert (done.status_code, done["Location"]) == (302, "/accounts/login/")
    user.refresh_from_db()
    assert user.check_password("ใหม่-2569-cdd")
    assert list(AccountEvent.objects.filter(user=user).values_list("kind", flat=True)) == [
        Event.RESET_DONE,
        Event.RESET_ASKED,
    ]
    assert not client.get(link, follow=True).context["validlink"]  # used once


def test_the_reset_page_says_the_same_for_an_unknown_address_and_sends_nothing(client, sent):
    with sent():
        asked = client.post("/accounts/password-reset/", {"email": "nobody@cdd.go.th"})
    assert (asked.status_code, asked["Location"]) == (302, "/accounts/password-reset/sent/")
    assert not mail.outbox


def test_resets_are_limited_per_address(client, settings):
    settings.CDD4_PASSWORD_RESET_RATE = "3/3600"
    codes = [client.post("/accounts/password-reset/", {"email": f"x{i}@cdd.go.th"}).status_code for i in range(4)]
    assert codes == [302, 302, 302, 429]


def test_an_invited_account_that_never_set_a_password_can_still_reset(client, sent):
    user = UserFactory(email="new@cdd.go.th")
    user.set_unusable_password()
    user.save()
    with sent():
        client.post("/accounts/password-reset/", {"email": "new@cdd.go.th"})
    assert [m.to for m in mail.outbox] == [["new@cdd.go.th"]]


def test_a_new_e_mail_counts_only_once_confirmed_from_that_address(client, chiang_mai, sent):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="old@cdd.go.th")
    client.force_login(user)
    with sent():
        wrong = client.post("/accounts/me/", {"do": "email", "email": "new@cdd.go.th", "password": "nope"})
    assert "รหัสผ่านไม่ถูกต้อง" in wrong.content.decode() and not mail.outbox
    with sent():
        client.post("/accounts/me/", {"do": "email", "email": "new@cdd.go.th", "password": PASSWORD})
    [message] = mail.outbox
    assert message.to == ["new@cdd.go.th"]
    assert "กดลิงก์ภายใน ๒๔ ชั่วโมงเพื่อยืนยัน" in message.body  # Thai digits beside Thai words
    user.refresh_from_db()
    assert user.email == "old@cdd.go.th"  # not until confirmed
    link = re.search(r"(/accounts/email/\S+/)", message.body).group(1)
    assert client.get(link).status_code == 302
    user.refresh_from_db()
    assert user.email == "new@cdd.go.th"
    assert client.get(link).status_code == 400  # once
    assert Event.EMAIL_CHANGED in AccountEvent.objects.filter(user=user).values_list("kind", flat=True)


def test_accounts_are_closed_never_deleted(client, central_user, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.force_login(central_user)
    assert client.get(f"/admin/auth/user/{staff.pk}/delete/").status_code == 403
    changelist = client.post("/admin/auth/user/", {"action": "deactivate", "_selected_action": [staff.pk]}, follow=True)
    assert "ปิดบัญชีแล้ว ๑ บัญชี" in changelist.content.decode()
    staff.refresh_from_db()
    assert staff.is_active is False
    event = AccountEvent.objects.get(kind=Event.DEACTIVATED)
    assert (event.user, event.by) == (staff, central_user)
    assert not client.login(username=staff.username, password=PASSWORD)


def test_the_year_end_list_shows_accounts_unused_for_a_year_and_closes_the_chosen(client, central_user, chiang_mai):
    old = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    never = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    recent = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    year_ago = timezone.now() - timedelta(days=400)
    User.objects.filter(pk=old.pk).update(last_login=year_ago)
    User.objects.filter(pk=never.pk).update(date_joined=year_ago, last_login=None)
    User.objects.filter(pk=recent.pk).update(last_login=timezone.now())
    client.force_login(central_user)
    page = client.get("/accounts/unused/")
    assert [u.pk for u in page.context["rows"]] == [old.pk, never.pk] or {u.pk for u in page.context["rows"]} == {
        old.pk,
        never.pk,
    }
    client.post("/accounts/unused/", {"user": [old.pk]})
    assert list(User.objects.filter(pk__in=[old.pk, never.pk, recent.pk], is_active=True).order_by("pk")) == [
        never,
        recent,
    ]


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.ORGANISER, Role.COMMITTEE])
def test_only_central_staff_see_the_year_end_list(client, role, chiang_mai):
    office = chiang_mai if role in Role.with_office() else None
    client.force_login(UserFactory(role=role, role__unit=office))
    assert client.get("/accounts/unused/").status_code == 403


def test_sign_ins_and_failures_are_recorded_and_each_person_sees_only_their_own(client, chiang_mai, central_user):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    other = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.post("/accounts/login/", {"username": staff.username, "password": "wrong"}, REMOTE_ADDR="10.1.2.3")
    client.post("/accounts/login/", {"username": staff.username, "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    client.post("/accounts/login/", {"username": other.username, "password": "wrong"})
    rows = list(AccountEvent.objects.filter(user=staff).order_by("pk").values_list("kind", "address"))
    assert rows == [(Event.FAILURE, "10.1.2.3"), (Event.SIGN_IN, "10.1.2.3")]
    page = client.get("/accounts/me/")
    assert [e.kind for e in page.context["events"]] == [Event.SIGN_IN, Event.FAILURE]
    client.force_login(central_user)
    listed = client.get("/admin/accounts/accountevent/")
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == AccountEvent.objects.count() >= 3  # everyone's, central staff only
    client.force_login(other)
    assert client.get("/admin/accounts/accountevent/").status_code in (302, 403)


def _ask_email(client, email: str):
    return client.post("/accounts/me/", {"do": "email", "email": email, "password": PASSWORD}, follow=True)


def test_the_e_mail_change_answers_the_same_for_a_taken_address_and_tells_its_holder(client, chiang_mai, sent):
    holder = UserFactory(username="somsri", email="somsri@cdd.go.th")
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="old@cdd.go.th")
    client.force_login(user)

    with sent():
        free = _ask_email(client, "free@cdd.go.th")
        taken = _ask_email(client, "SomSri@cdd.go.th")

    said = [[str(m) for m in page.context["messages"]] for page in (free, taken)]
    assert said[0] == said[1] == ["ส่งอีเมลไปที่อีเมลใหม่แล้ว อีเมลของบัญชีจะเปลี่ยนเมื่อกดลิงก์ยืนยันในนั้น"]
    assert (free.status_code, taken.status_code) == (200, 200)
    assert "another account" not in taken.content.decode() and "บัญชีอื่นแล้ว" not in taken.content.decode()
    [link] = mail.outbox  # the holder's notice waits for the morning's digest
    assert outbox.send_digests() == 1
    notice = mail.outbox[1]
    assert (link.to, notice.to) == (["free@cdd.go.th"], ["somsri@cdd.go.th"])
    assert "/accounts/email/" not in notice.body and "(somsri)" in notice.body
    user.refresh_from_db(), holder.refresh_from_db()
    assert (user.email, holder.email) == ("old@cdd.go.th", "somsri@cdd.go.th")


def test_an_e_mail_change_link_to_an_address_taken_meanwhile_is_refused(client, chiang_mai, sent):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="old@cdd.go.th")
    client.force_login(user)
    with sent():
        _ask_email(client, "new@cdd.go.th")
    UserFactory(email="new@cdd.go.th")  # made in the admin before the link was opened
    link = re.search(r"(/accounts/email/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 400
    user.refresh_from_db()
    assert user.email == "old@cdd.go.th"


def test_e_mail_change_mails_are_limited_per_account_whatever_the_address(client, chiang_mai, settings, sent):
    settings.CDD4_EMAIL_CHANGE_ACCOUNT_RATE = "3/3600"
    UserFactory(email="taken@cdd.go.th")
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
    addresses = ["a@cdd.go.th", "taken@cdd.go.th", "b@cdd.go.th", "c@cdd.go.th"]
    with sent():
        pages = [_ask_email(client, address) for address in addresses]
    outbox.send_digests()  # the holder of the taken address: in the morning's digest
    assert len(mail.outbox) == 3
    assert re.search(r"ส่งอีเมลยืนยันบ่อยเกินไป กรุณารอ [0-9]+ นาทีแล้วลองใหม่", pages[-1].content.decode())


def test_e_mail_change_mails_to_one_address_are_limited_whoever_asks(client, chiang_mai, settings, sent):
    settings.CDD4_EMAIL_CHANGE_ADDRESS_RATE = "2/3600"
    for _ in range(3):
        client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
        with sent():
            last = _ask_email(client, "target@example.com")
    assert [m.to for m in mail.outbox] == [["target@example.com"]] * 2
    assert "ส่งอีเมลยืนยันบ่อยเกินไป" in last.content.decode()


def test_resets_are_limited_per_account_from_any_address(client, settings, sent):
    """Two accounts reset 40 times from 20 addresses: each account gets its limit of links, no more."""
    settings.CDD4_PASSWORD_RESET_ACCOUNT_RATE = "3/3600"
    UserFactory(email="a@cdd.go.th"), UserFactory(email="b@cdd.go.th")
    with sent():
        codes = {
            client.post("/accounts/password-reset/", {"email": email}, REMOTE_ADDR=f"10.0.0.{n}").status_code
            for n in range(20)
            for email in ("a@cdd.go.th", "b@cdd.go.th")
        }
    assert codes == {302}  # the same page every time
    assert sorted(m.to[0] for m in mail.outbox) == ["a@cdd.go.th"] * 3 + ["b@cdd.go.th"] * 3
