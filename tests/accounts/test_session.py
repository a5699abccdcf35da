"""Signing in, changing one's password and signing out (accounts/session_urls.py): each is in the person's
own sign-in audit, the password change included; each session row names its person, and expired ones are removed
every hour."""

from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountEvent, Event, PersonSession
from accounts.tasks import sessions_clear
from tests.factories import PASSWORD

NEW = "ใหม่-2566-long-pass"


def test_login_change_password_and_logout_are_each_recorded(client, provincial_user):
    response = client.post(reverse("login"), {"username": provincial_user.username, "password": PASSWORD})
    assert response.status_code == 302
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert client.post(reverse("logout")).status_code == 302

    assert client.login(username=provincial_user.username, password=NEW)
    kinds = AccountEvent.objects.filter(user=provincial_user).order_by("pk").values_list("kind", flat=True)
    assert list(kinds) == [Event.SIGN_IN, Event.PASSWORD_CHANGED, Event.SIGN_OUT, Event.SIGN_IN]


def test_wrong_old_password_changes_nothing_and_records_no_change(client, provincial_user):
    client.post(reverse("login"), {"username": provincial_user.username, "password": PASSWORD})

    response = client.post(
        reverse("password_change"), {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW}
    )

    assert response.status_code == 200
    assert not AccountEvent.objects.filter(user=provincial_user, kind=Event.PASSWORD_CHANGED).exists()
    provincial_user.refresh_from_db()
    assert provincial_user.check_password(PASSWORD)


def test_the_hourly_job_removes_expired_sessions_and_keeps_live_ones(client, provincial_user, settings):
    client.force_login(provincial_user)
    live = client.session.session_key
    gone = PersonSession.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())

    sessions_clear()

    assert list(PersonSession.objects.values_list("session_key", flat=True)) == [live] != [gone.session_key]
    assert settings.CELERY_BEAT_SCHEDULE["sessions-clear"]["task"] == sessions_clear.name


def test_a_session_row_names_the_person_it_is_signed_in_as(client, provincial_user):
    client.get(reverse("login"))
    client.post(reverse("login"), {"username": provincial_user.username, "password": PASSWORD})

    assert list(PersonSession.objects.values_list("user_id", flat=True)) == [provincial_user.pk]
