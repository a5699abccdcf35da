"""Failed logins are counted on every password path (django-axes, cdd4/auth.py)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client
from django.urls import reverse

from people.models import Role
from tests.factories import PASSWORD, UserFactory

LOCKED = "เข้าสู่ระบบผิดหลายครั้งเกินไป"
SLOWED = "มีการเข้าสู่ระบบผิดจากเครือข่ายนี้จำนวนมาก"


@pytest.fixture(autouse=True)
def behind_proxy(settings):
    """As deployed: nginx on 127.0.0.1 writes X-Real-IP; the portal trusts it from there only."""
    settings.CDD4_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.CDD4_TRUSTED_PROXIES = ["127.0.0.1/32"]


def attempt(url, username, password, ip="198.51.100.7", **extra):
    client = Client()
    response = client.post(url, {"username": username, "password": password}, HTTP_X_REAL_IP=ip, **extra)
    return response, client


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def phuket_user(db, phuket):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket, username="phuket")


@pytest.mark.parametrize("url", [reverse("login"), reverse("admin:login")])
def test_five_failures_lock_the_pair_on_every_login_page(url, phuket_user, central_user):
    user = central_user if "admin" in url else phuket_user
    statuses = [attempt(url, user.username, "wrong")[0].status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks

    response, client = attempt(url, user.username, PASSWORD)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert response["Retry-After"] == "900"
    assert not logged_in(client)


def test_admin_login_failures_count_with_portal_login_failures(phuket_user):
    for url in [reverse("admin:login"), reverse("login")] * 2 + [reverse("admin:login")]:
        attempt(url, "phuket", "wrong")

    assert attempt(reverse("login"), "phuket", PASSWORD)[0].status_code == 429


def test_full_width_and_upper_case_lookalikes_count_as_the_same_username(phuket_user):
    for name in ["phuket", "ｐｈｕｋｅｔ", "PHUKET", "Ｐｈｕｋｅｔ ", "phuket"]:
        attempt(reverse("login"), name, "wrong")

    response, client = attempt(reverse("login"), "phuket", PASSWORD)

    assert response.status_code == 429 and not logged_in(client)
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"phuket"}


def test_lock_is_for_the_pair_only_the_owner_logs_in_from_elsewhere(phuket_user):
    for _ in range(8):
        attempt(reverse("login"), "phuket", "wrong", ip="203.0.113.66")

    response, client = attempt(reverse("login"), "phuket", PASSWORD, ip="198.51.100.7")

    assert response.status_code == 302 and logged_in(client)


def test_twenty_failures_from_one_address_do_not_lock_others_behind_it(phuket_user, chiang_mai):
    for i in range(20):
        attempt(reverse("login"), f"guess{i % 4}", "wrong", ip="192.0.2.10")
    colleague = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)

    response, client = attempt(reverse("login"), colleague.username, PASSWORD, ip="192.0.2.10")

    assert response.status_code == 302 and logged_in(client)


def test_many_failures_from_one_address_slow_it_never_lock_it(settings, phuket_user):
    settings.CDD4_LOGIN_ADDRESS_SLOW_AFTER = 5
    for i in range(10):
        attempt(reverse("login"), f"guess{i}", "wrong", ip="192.0.2.10")

    response, client = attempt(reverse("login"), "phuket", PASSWORD, ip="192.0.2.10")

    # 10 failures, 5 over the threshold: one attempt per 6 seconds from that address.
    assert response.status_code == 429 and 1 <= int(response["Retry-After"]) <= 6
    assert SLOWED in response.content.decode() and not logged_in(client)
    assert not AccessAttempt.objects.filter(username="phuket").exists()  # the account is not charged
    assert attempt(reverse("login"), "phuket", PASSWORD, ip="198.51.100.7")[0].status_code == 302
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=7))  # 7 seconds later
    response, client = attempt(reverse("login"), "phuket", PASSWORD, ip="192.0.2.10")
    assert response.status_code == 302 and logged_in(client)


def test_client_sent_address_header_ignored_unless_from_the_proxy(phuket_user):
    for i in range(5):  # straight to the app, claiming a new address each time
        attempt(reverse("login"), "phuket", "wrong", ip=f"10.9.9.{i}", REMOTE_ADDR="203.0.113.5")

    response, _ = attempt(reverse("login"), "phuket", PASSWORD, ip="10.9.9.99", REMOTE_ADDR="203.0.113.5")

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


def test_old_password_guesses_on_password_change_are_counted(provincial_user):
    client = Client()
    client.force_login(provincial_user)
    url = reverse("password_change")
    new = {"new_password1": "ใหม่-2566-long-pass", "new_password2": "ใหม่-2566-long-pass"}
    for _ in range(5):
        client.post(url, {"old_password": "wrong", **new}, HTTP_X_REAL_IP="198.51.100.7")

    response = client.post(url, {"old_password": PASSWORD, **new}, HTTP_X_REAL_IP="198.51.100.7")

    assert response.status_code == 429
    provincial_user.refresh_from_db()
    assert provincial_user.check_password(PASSWORD)


def test_admin_password_change_goes_to_the_counted_page(client, central_user):
    client.force_login(central_user)

    response = client.get("/admin/password_change/")

    assert (response.status_code, response["Location"]) == (302, reverse("password_change"))


def test_basic_credentials_on_the_api_check_no_password(client, rubric, central_user):
    import base64

    auth = "Basic " + base64.b64encode(f"{central_user.username}:wrong".encode()).decode()
    for _ in range(3):
        assert client.get(reverse("api-judgments", args=[2566]), HTTP_AUTHORIZATION=auth).status_code == 401
    assert not AccessAttempt.objects.exists()


def test_logins_and_lockouts_work_while_redis_is_away(settings, phuket_user):
    """The counts are in the database: a dead cache neither opens the lock nor blocks a login."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response, client = attempt(reverse("login"), "phuket", PASSWORD)
    assert response.status_code == 302 and logged_in(client)
    for _ in range(5):
        attempt(reverse("login"), "phuket", "wrong")
    assert attempt(reverse("login"), "phuket", PASSWORD)[0].status_code == 429
