"""Signing in with ThaID through the HTTP flow, against two independent OpenID providers run locally (npm's
oidc-provider and Python's pyop: tests/digital_id_standin.py): a first link after the owner's password, a returning
sign-in, an invitation accepted with it from its own page, a key rotation, the step-up by `acr`, signing out of the
provider too (a strict one with the ID token as its hint), nothing kept on the server for an anonymous start, and
every bad answer refused with a clear Thai page and nothing changed. In the service tier too (`pg`): on PostgreSQL
and Redis, where an answer's state is counted once."""

import logging
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import signing
from django.test import Client
from django.urls import reverse

from accounts.audit import event_record
from accounts.digital_id.flows import COOKIE, FLOWS_KEPT, SALT
from accounts.digital_id.hints import COOKIE as HINT_COOKIE
from accounts.digital_id.providers import _client, citizen_hash
from accounts.invitations import invitation_state, invitation_token
from accounts.models import AccountEvent, DigitalIdentity, Event, PersonSession
from notices.models import Kind, Receipt
from people.models import Role
from scoring.models import StandingsSnapshot
from scoring.recompute import standings_recompute
from tests.accounts.support import form_sent
from tests.digital_id_standin import MANEE, SOMCHAI, SOMYING
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.pg]
CALLBACK = "http://testserver/accounts/digital-id/thaid/callback/"
SIGN_IN = "/accounts/digital-id/thaid/sign-in/"
LINK = "/accounts/digital-id/thaid/link/"
REFUSED_TH = "ไม่สำเร็จ"  # the refusal page's title: "Sign-in with ThaID did not go through"


@pytest.fixture
def provider(openid_provider, settings):
    """ThaID at the stand-in, as central staff register the portal with it and set it up here."""
    openid_provider.configure(redirect_uris=[CALLBACK], post_logout_redirect_uris=["http://testserver/accounts/login/"])
    settings.CDD4_DIGITAL_IDS = openid_provider.settings()
    return openid_provider


def to_provider(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def callback_path(location: str) -> str:
    parts = urlsplit(location)
    return urlunsplit(("", "", parts.path, parts.query, ""))


def back(client, provider, path: str, *, pid: str, acr: str = "AAL1"):
    """The person follows the button's link `path`, signs in at the provider, and the browser comes back."""
    return client.get(callback_path(provider.sign_in(to_provider(client, path), pid=pid, acr=acr)))


def link_confirmed(client, **typed) -> str:
    """The owner types their password (or code) again to link: the page that goes on to the provider, by itself."""
    response = client.post(LINK, typed)
    assert response.status_code == 200, response.content.decode()[:500]
    assert 'http-equiv="refresh"' in response.content.decode()
    return response.context["there"]


def linked(client, provider, user, pid: str):
    assert client.login(username=user.username, password=PASSWORD)
    response = client.get(callback_path(provider.sign_in(link_confirmed(client, password=PASSWORD), pid=pid)))
    assert (response.status_code, response["Location"]) == (302, "/accounts/me/#digital-id")
    client.logout()
    return DigitalIdentity.objects.get(user=user)


def signed_in_as(client):
    return client.session.get(SESSION_KEY)


def test_a_person_links_thaid_once_then_signs_in_with_it(client, provider, chiang_mai, caplog):
    caplog.set_level(logging.DEBUG)  # every logger's every line, the library's own included
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)

    identity = linked(client, provider, user, SOMYING)
    assert identity.provider == "thaid" and identity.citizen_hash == citizen_hash(SOMYING)
    assert identity.name == "ThaID (สมหญิง ใจดี)"
    assert Receipt.objects.filter(user=user, notice__kind=Kind.DIGITAL_ID_LINKED).count() == 1

    response = back(client, provider, SIGN_IN, pid=SOMYING)

    assert (response.status_code, response["Location"]) == (302, "/")
    assert signed_in_as(client) == str(user.pk)
    kinds = list(AccountEvent.objects.filter(user=user).order_by("pk").values_list("kind", flat=True))
    assert kinds[-2:] == [Event.SIGN_OUT, Event.DIGITAL_ID_SIGN_IN]
    assert Event.DIGITAL_ID_LINKED in kinds
    assert SOMYING not in caplog.text and SOMYING not in str(dict(client.session))


def test_a_session_signed_in_with_thaid_links_only_after_the_owners_password(client, provider, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)
    back(client, provider, SIGN_IN, pid=SOMYING)  # a session signed in with ThaID, perhaps taken
    client.post("/accounts/digital-id/thaid/unlink/")

    for typed in ({}, {"password": "not-the-owners"}):
        response = client.post(LINK, typed)
        assert response.status_code == 400 and 'http-equiv="refresh"' not in response.content.decode()
    assert AccountEvent.objects.filter(user=user, kind=Event.FAILURE).count() == 1
    assert not DigitalIdentity.objects.filter(user=user).exists()

    response = client.get(callback_path(provider.sign_in(link_confirmed(client, password=PASSWORD), pid=MANEE)))

    assert response["Location"] == "/accounts/me/#digital-id"
    assert DigitalIdentity.objects.get(user=user).citizen_hash == citizen_hash(MANEE)


def test_an_answer_for_a_sign_in_links_nothing_at_a_signed_in_session(client, provider, chiang_mai):
    """A taken session that goes to the provider to sign in with the taker's own ID: nothing links it."""
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.force_login(user)

    page = _refused(back(client, provider, SIGN_IN, pid=MANEE))

    assert "ไม่ได้เชื่อมกับบัญชีใด" in page
    assert not DigitalIdentity.objects.exists()


def test_two_tabs_gone_to_the_provider_each_come_back_to_their_own(client, provider, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)
    first = to_provider(client, f"{SIGN_IN}?next=/accounts/me/")
    to_provider(client, SIGN_IN)  # a second tab, never finished

    response = client.get(callback_path(provider.sign_in(first, pid=SOMYING)))

    assert (response.status_code, response["Location"], signed_in_as(client)) == (302, "/accounts/me/", str(user.pk))


def test_an_anonymous_start_and_a_refused_answer_keep_no_session_row(client, provider):
    rows = PersonSession.objects.count()
    response = client.get(SIGN_IN)
    cookie = response.cookies[COOKIE]

    assert (response.status_code, PersonSession.objects.count()) == (302, rows)
    assert (cookie["httponly"], cookie["samesite"], cookie["path"], cookie["max-age"]) == (
        True, "Lax", "/accounts/digital-id/", 600,
    )  # fmt: skip
    _refused(client.get(callback_path(provider.sign_in(response["Location"], pid=MANEE))))
    assert PersonSession.objects.count() == rows
    assert client.cookies[COOKIE].value == ""  # the answered flow is dropped


def test_a_browser_keeps_a_few_pending_answers_at_most(client, provider):
    for _tab in range(FLOWS_KEPT + 3):
        to_provider(client, SIGN_IN)

    assert len(signing.loads(client.cookies[COOKIE].value, salt=SALT)) == FLOWS_KEPT


def test_an_answer_sent_again_with_a_copy_of_the_cookie_is_refused(client, provider, somying):
    location = callback_path(provider.sign_in(to_provider(client, SIGN_IN), pid=SOMYING))
    copied = client.cookies[COOKIE].value
    assert client.get(location).status_code == 302
    client.logout()
    client.cookies[COOKIE] = copied

    _refused(client.get(location))
    assert signed_in_as(client) is None


def test_an_identity_linked_to_no_account_is_told_so_and_nothing_is_made(client, provider):
    users = get_user_model().objects.count()

    response = back(client, provider, SIGN_IN, pid=MANEE)

    page = response.content.decode()
    assert response.status_code == 400
    assert "ไม่ได้เชื่อมกับบัญชีใด" in page and reverse("login") in page
    assert signed_in_as(client) is None
    assert (get_user_model().objects.count(), DigitalIdentity.objects.count()) == (users, 0)
    assert MANEE not in page


def _invited(chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    user.set_unusable_password()
    user.save()
    event_record(kind=Event.INVITED, user=user)
    return user, invitation_token(user)


def _accept_started(client, token: str) -> str:
    """The invitation's page, then its ThaID form (POST, with the page's CSRF token): where the browser goes on to."""
    page = client.get(f"/accounts/invitation/{token}/")
    action, fields = form_sent(page.content.decode(), "digital-id-accept-thaid")
    response = client.post(action, {name: values[0] for name, values in fields.items()})
    assert response.status_code == 200, response.content.decode()[:500]
    return response.context["there"]


def test_an_invited_person_accepts_with_thaid_and_signs_in_with_it_afterwards(client, provider, chiang_mai):
    user, token = _invited(chiang_mai)
    client = Client(enforce_csrf_checks=True)

    response = client.get(callback_path(provider.sign_in(_accept_started(client, token), pid=SOMCHAI)))

    assert (response.status_code, response["Location"]) == (302, "/")
    assert signed_in_as(client) == str(user.pk)
    assert DigitalIdentity.objects.get(user=user).citizen_hash == citizen_hash(SOMCHAI)
    assert client.get(f"/accounts/invitation/{token}/").status_code == 400  # used
    client.logout()
    assert signed_in_as(client) is None
    assert back(client, provider, SIGN_IN, pid=SOMCHAI).status_code == 302
    assert signed_in_as(client) == str(user.pk)


def test_an_invitation_is_accepted_with_thaid_only_from_its_own_page(client, provider, chiang_mai):
    user, token = _invited(chiang_mai)
    path = f"/accounts/digital-id/thaid/invitation/{token}/"
    strict = Client(enforce_csrf_checks=True)

    assert client.get(path).status_code == 405  # a link opened on another site starts nothing
    assert strict.post(path).status_code == 403  # a form posted from another site: no CSRF token
    assert COOKIE not in client.cookies and COOKIE not in strict.cookies

    there = _accept_started(strict, token)
    kept = signing.loads(strict.cookies[COOKIE].value, salt=SALT)

    assert token not in str(kept) and invitation_state(user) not in str(kept) and token not in there
    [flow] = kept.values()
    assert flow["invitee"] == user.pk


def test_a_browser_signed_in_as_someone_else_is_told_before_it_is_switched(client, provider, chiang_mai):
    invited, token = _invited(chiang_mai)
    office = UserFactory(username="office-cm", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    client.force_login(office)

    page = client.get(f"/accounts/invitation/{token}/").content.decode()

    assert 'id="invitation-switch"' in page and "office-cm" in page and invited.username in page
    assert f"ตอบรับคำเชิญในชื่อ {invited.username} ด้วย ThaID" in page


def test_an_invitation_used_meanwhile_links_nothing(client, provider, chiang_mai):
    user, token = _invited(chiang_mai)
    client = Client(enforce_csrf_checks=True)
    there = _accept_started(client, token)
    user.set_password("set-meanwhile-2570")  # accepted with a password in another tab
    user.save()

    _refused(client.get(callback_path(provider.sign_in(there, pid=SOMCHAI))))

    assert not DigitalIdentity.objects.exists() and signed_in_as(client) is None


def test_a_rotated_key_is_fetched_and_trusted(client, provider, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)  # the portal holds the first key now

    provider.rotate()
    response = back(client, provider, SIGN_IN, pid=SOMYING)

    assert (response.status_code, signed_in_as(client)) == (302, str(user.pk))


@pytest.mark.usefixtures("second_factor_required")
@pytest.mark.parametrize(("acr", "frozen"), [("AAL2.1", True), ("AAL1", False)])
def test_a_sign_in_at_the_set_level_freezes_without_a_code_and_one_below_is_asked(
    client, provider, rubric, central_user, acr, frozen
):
    standings_recompute(rubric_id=rubric.pk, full=True)
    linked(client, provider, central_user, SOMCHAI)

    back(client, provider, SIGN_IN, pid=SOMCHAI, acr=acr)
    response = client.post(
        "/standings/2566/freeze/", {"confirm": "1"}, HTTP_REFERER="http://testserver/standings/2566/"
    )

    assert StandingsSnapshot.objects.filter(rubric=rubric).exists() is frozen
    assert response["Location"].startswith("/accounts/second-factor/") is not frozen
    vouched = AccountEvent.objects.filter(user=central_user, kind=Event.DIGITAL_ID_VOUCHED).count()
    assert vouched == (1 if frozen else 0)


def test_signing_out_signs_out_of_the_provider_too(client, provider, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)
    back(client, provider, SIGN_IN, pid=SOMYING)

    response = client.post("/accounts/logout/")

    assert (response.status_code, signed_in_as(client)) == (200, None)
    there = urlsplit(response.context["there"])
    assert f"{there.scheme}://{there.netloc}{there.path}" == f"{provider.url}/session/end"
    query = parse_qs(there.query)
    assert query["client_id"] == [provider.client_id]
    assert query["post_logout_redirect_uri"] == ["http://testserver/accounts/login/"]
    assert len(query["id_token_hint"][0].split(".")) == 3
    assert 'http-equiv="refresh"' in response.content.decode()
    assert client.cookies[HINT_COOKIE].value == ""  # the key goes with the session


def test_a_strict_provider_ends_its_own_session_with_the_hint_and_the_portal_says_so(client, provider, chiang_mai):
    """A provider that signs out only with the ID token as its hint (RP-Initiated Logout 1.0): the portal sends it,
    the provider's session ends (its next sign-in asks again), and the login page says where the person is signed
    out of. The hint is kept only sealed: the session's row never reads the citizen ID."""
    provider.strict_logout()
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)
    browser = requests.Session()  # the person's browser at the provider
    client.get(callback_path(provider.sign_in(to_provider(client, SIGN_IN), pid=SOMYING, browser=browser)))
    [row] = PersonSession.objects.filter(user_id=user.pk)
    assert SOMYING not in str(row.get_decoded()) and SOMYING not in row.session_data

    there = client.post("/accounts/logout/").context["there"]
    answer = provider.sign_out(there, browser)
    landed = client.get(callback_path(answer.headers["Location"]))

    assert answer.status_code in (302, 303) and answer.headers["Location"].startswith(CALLBACK.replace(
        "digital-id/thaid/callback/", "login/?state="))  # fmt: skip
    assert "ท่านออกจากระบบของพอร์ทัลและของ ThaID แล้ว" in landed.content.decode()
    assert provider.asks_again(to_provider(client, SIGN_IN), browser)
    hintless = there.replace("id_token_hint=", "was_hint=")
    assert provider.sign_out(hintless, requests.Session()).status_code == 400  # as the provider answers without it


def test_signing_out_of_a_password_session_stays_in_the_portal(client, provider, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    assert client.login(username=user.username, password=PASSWORD)

    response = client.post("/accounts/logout/")

    assert (response.status_code, response["Location"]) == (302, "/accounts/login/")


def test_unlinking_ends_the_sign_in_and_tells_the_person(client, provider, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)
    assert client.login(username=user.username, password=PASSWORD)

    response = client.post("/accounts/digital-id/thaid/unlink/")
    client.logout()

    assert (response.status_code, DigitalIdentity.objects.filter(user=user).exists()) == (302, False)
    assert Receipt.objects.filter(user=user, notice__kind=Kind.DIGITAL_ID_UNLINKED).count() == 1
    assert back(client, provider, SIGN_IN, pid=SOMYING).status_code == 400


def _refused(response, status: int = 400) -> str:
    page = response.content.decode()
    assert response.status_code == status, page[:500]
    assert REFUSED_TH in page and f'href="{reverse("login")}"' in page
    return page


@pytest.fixture
def somying(client, provider, chiang_mai):
    """An office person with ThaID linked, signed out; the stand-in has answered once already."""
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    linked(client, provider, user, SOMYING)
    return user


def _unchanged(client, user) -> None:
    assert signed_in_as(client) is None
    assert not AccountEvent.objects.filter(user=user, kind=Event.DIGITAL_ID_SIGN_IN).exists()
    assert DigitalIdentity.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("mode", ["wrong_aud", "wrong_iss", "expired", "unsigned", "unknown_key", "old_nonce"])
def test_a_token_the_library_does_not_trust_is_refused(client, provider, somying, mode):
    provider.misbehave_once(mode)

    page = _refused(back(client, provider, SIGN_IN, pid=SOMYING))

    assert "ตรวจสอบ" in page and SOMYING not in page
    _unchanged(client, somying)


def test_an_unsigned_token_is_refused_where_the_discovery_lists_none(client, provider, somying):
    provider.control("/__discovery", id_token_signing_alg_values_supported=["none", "RS256"])
    _client.cache_clear()  # the portal reads the provider's document anew
    provider.misbehave_once("unsigned")

    page = _refused(back(client, provider, SIGN_IN, pid=SOMYING))

    assert "ตรวจสอบ" in page
    _unchanged(client, somying)


def test_a_wrong_state_is_refused(client, provider, somying):
    location = provider.sign_in(to_provider(client, SIGN_IN), pid=SOMYING)
    parts = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()} | {"state": "not-the-one-sent"}

    _refused(client.get(f"{parts.path}?{urlencode(query)}"))
    _unchanged(client, somying)


def test_an_answer_used_once_is_refused_the_second_time(client, provider, somying):
    location = callback_path(provider.sign_in(to_provider(client, SIGN_IN), pid=SOMYING))
    assert client.get(location).status_code == 302
    client.logout()

    _refused(client.get(location))  # the same state and nonce again
    assert signed_in_as(client) is None


def test_a_code_used_once_is_refused_by_the_provider_the_second_time(client, provider, somying):
    used = parse_qs(urlsplit(provider.sign_in(to_provider(client, SIGN_IN), pid=SOMYING)).query)
    client.get(f"/accounts/digital-id/thaid/callback/?{urlencode({k: v[0] for k, v in used.items()})}")
    client.logout()
    fresh = parse_qs(urlsplit(to_provider(client, SIGN_IN)).query)  # a new state, kept in this session

    query = {"code": used["code"][0], "state": fresh["state"][0], "iss": provider.url}
    _refused(client.get(f"/accounts/digital-id/thaid/callback/?{urlencode(query)}"))
    assert signed_in_as(client) is None
    assert AccountEvent.objects.filter(user=somying, kind=Event.DIGITAL_ID_SIGN_IN).count() == 1


def test_a_provider_down_is_a_clear_page_beside_the_password(client, settings, provider):
    settings.CDD4_DIGITAL_IDS = provider.settings(discovery_url="http://127.0.0.1:9/.well-known/openid-configuration")

    page = _refused(client.get(SIGN_IN), status=502)

    assert "ไม่ตอบ" in page
    assert client.get(reverse("login")).status_code == 200


def test_a_slow_provider_is_given_up_on_with_nothing_changed(client, settings, provider, somying):
    settings.CDD4_DIGITAL_ID_TIMEOUT_SECONDS = 1
    provider.misbehave_once("slow", seconds=3)

    page = _refused(back(client, provider, SIGN_IN, pid=SOMYING), status=502)

    assert "ไม่ตอบ" in page
    _unchanged(client, somying)
