"""Issue 15, finding 2: no HTTP Basic; scripts use API tokens made by central staff, shown once, revocable."""

import base64

from django.test import Client
from django.urls import reverse
from knox.models import AuthToken

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


def test_central_staff_create_token_in_admin_shown_once_stored_as_hash_and_revocable(
    client, rubric, central_user, committee_user
):
    client.force_login(central_user)
    add = reverse("admin:knox_authtoken_add")
    expiry = "2099-01-01 00:00:00"

    response = client.post(add, {"user": committee_user.pk, "expiry": expiry}, follow=True)

    row = AuthToken.objects.get(user=committee_user)
    shown = [str(m) for m in response.context["messages"]]
    token = shown[0].rsplit(" ", 1)[-1]
    assert token.startswith("cdd4_") and len(token) == 69
    assert token not in (row.digest, row.token_key) and row.token_key == token[:15]
    assert token not in client.get(reverse("admin:knox_authtoken_changelist")).content.decode()
    api = Client()
    assert api.get(JUDGMENTS, HTTP_AUTHORIZATION=f"Token {token}").status_code == 200

    client.post(reverse("admin:knox_authtoken_delete", args=[row.pk]), {"post": "yes"})

    assert api.get(JUDGMENTS, HTTP_AUTHORIZATION=f"Token {token}").status_code == 401


def test_only_central_staff_manage_tokens(client, rubric, committee_user):
    client.force_login(UserFactory(role=Role.CHAIR))

    assert client.get(reverse("admin:knox_authtoken_add")).status_code == 403
    assert client.get(reverse("admin:knox_authtoken_changelist")).status_code == 403
