"""No HTTP Basic: scripts use API tokens made by central staff, shown once, revocable."""

import base64
import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken

from cdd4.access_admin import DAYS_ERROR
from committee.models import Judgment, ScoreChange
from people.models import Role
from scoring.models import Fact
from tests.factories import PASSWORD, UserFactory

JUDGMENTS = reverse("api-judgments", args=[2566])
FACTS = reverse("api-facts", args=[2566])


def basic(user) -> str:
    return "Basic " + base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()


def test_cross_site_form_post_with_basic_credentials_refused(rubric, committee_user):
    """A foreign page's form post, with the Basic credentials a browser cached for the portal."""
    browser = Client(enforce_csrf_checks=True)
    form = {"province": "TH-50", "criterion": "3.1", "items": "1", "expected_version": "0"}

    response = browser.post(
        JUDGMENTS, form, HTTP_AUTHORIZATION=basic(committee_user), HTTP_ORIGIN="https://evil.example"
    )

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)


def test_cross_site_fact_post_with_basic_credentials_refused(rubric, central_user):
    browser = Client(enforce_csrf_checks=True)
    facts = {"facts": [{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}]}
    before = Fact.objects.count()

    response = browser.post(FACTS, facts, content_type="application/json", HTTP_AUTHORIZATION=basic(central_user))

    assert (response.status_code, Fact.objects.count()) == (401, before)


def test_anonymous_api_call_gets_no_basic_challenge(client, rubric):
    response = client.get(JUDGMENTS)

    assert (response.status_code, response["WWW-Authenticate"]) == (401, "Token")


def test_token_acts_as_its_user_with_that_role(client, rubric, committee_user):
    _, token = AuthToken.objects.create(user=committee_user)
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}

    assert client.get(JUDGMENTS, **auth).status_code == 200
    assert client.post(FACTS, {"facts": []}, content_type="application/json", **auth).status_code == 403


def test_token_of_a_user_without_a_role_refused(client, rubric):
    _, token = AuthToken.objects.create(user=UserFactory(role=None))

    assert client.get(JUDGMENTS, HTTP_AUTHORIZATION=f"Token {token}").status_code == 401


def make_token(client, central_user, user, days="90"):
    client.force_login(central_user)
    return client.post(reverse("admin:knox_authtoken_add"), {"user": user.pk, "days": days})


def shown_token(response) -> str:
    return re.search(r'id="new-token"[^>]* value="(cdd4_[0-9a-f]+)"', response.content.decode())[1]


def test_central_staff_create_token_in_admin_shown_once_stored_as_hash_and_revocable(
    client, rubric, central_user, committee_user
):
    response = make_token(client, central_user, committee_user)

    row = AuthToken.objects.get(user=committee_user)
    token = shown_token(response)
    assert token.startswith("cdd4_") and len(token) == 69
    assert token not in (row.digest, row.token_key) and row.token_key == token[:15]
    assert token not in client.get(reverse("admin:knox_authtoken_changelist")).content.decode()
    api = Client()
    assert api.get(JUDGMENTS, HTTP_AUTHORIZATION=f"Token {token}").status_code == 200

    client.post(reverse("admin:knox_authtoken_delete", args=[row.pk]), {"post": "yes"})

    assert api.get(JUDGMENTS, HTTP_AUTHORIZATION=f"Token {token}").status_code == 401


def test_new_token_is_in_no_cookie_message_or_session_and_the_page_is_not_cached(
    client, rubric, central_user, committee_user
):
    """The token is shown on its page, never put in a message as knox's admin would: Django keeps messages in
    a cookie."""
    client.force_login(central_user)
    # A typed expiry (the old form's field) is ignored: the lifetime is `days` alone.
    form = {"user": committee_user.pk, "days": "30", "expiry": "9999-12-31 00:00:00"}
    response = client.post(reverse("admin:knox_authtoken_add"), form)

    # The messages cookie is signed and may be compressed, so a token in it need not read as plain text.
    assert [c.value for c in response.cookies.values() if c.key == CookieStorage.cookie_name] in ([], [""])
    assert list(get_messages(response.wsgi_request)) == []
    token = shown_token(response)
    assert response.status_code == 200 and response.content.decode().count(token) == 1
    assert "no-store" in response["Cache-Control"]
    assert [k for k, c in client.cookies.items() if token in c.value] == []
    assert token not in str(dict(client.session))
    for again in (reverse("admin:knox_authtoken_add"), reverse("admin:knox_authtoken_changelist")):
        page = client.get(again)
        assert (page.status_code, token in page.content.decode(), list(page.context["messages"])) == (200, False, [])
    expiry = AuthToken.objects.get(user=committee_user).expiry
    assert abs(expiry - timezone.now() - timedelta(days=30)) < timedelta(minutes=1)


@pytest.mark.parametrize(
    "form", [{"days": "9999"}, {"days": "0"}, {"days": "-1"}, {"days": "abc"}, {"expiry": "9999-12-31 00:00:00"}]
)
def test_token_lifetime_out_of_1_to_365_days_refused_in_thai_first_and_no_token_made(
    client, rubric, central_user, committee_user, form
):
    client.force_login(central_user)

    response = client.post(reverse("admin:knox_authtoken_add"), {"user": committee_user.pk, **form})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"days": [DAYS_ERROR]}
    assert str(DAYS_ERROR) == "อายุโทเค็นต้องเป็นจำนวนวันเต็ม 1 ถึง 365 วัน"
    assert AuthToken.objects.count() == 0


def test_token_lifetime_of_365_days_accepted(client, rubric, central_user, committee_user):
    make_token(client, central_user, committee_user, days="365")

    expiry = AuthToken.objects.get(user=committee_user).expiry
    assert abs(expiry - timezone.now() - timedelta(days=365)) < timedelta(minutes=1)


def test_only_central_staff_manage_tokens(client, rubric, committee_user):
    client.force_login(UserFactory(role=Role.CHAIR))

    assert client.get(reverse("admin:knox_authtoken_add")).status_code == 403
    assert client.get(reverse("admin:knox_authtoken_changelist")).status_code == 403
