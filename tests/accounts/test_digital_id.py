"""The digital ID's rules without a provider: which sign-in stands for the second factor, the citizen ID's keyed
hash, a link made only by its person and never over another's, and the pages with and without a provider. The
provider's answers themselves: tests/processes/accounts/test_digital_id_flow.py, against a real OpenID
provider."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from accounts.digital_id.providers import Provider, citizen_hash
from accounts.digital_id.services import Identity, Purpose, digital_link, digital_sign_in, link_begin
from accounts.models import AccountEvent, DigitalIdentity, Event
from core.errors import PortalError
from notices.channels.line.models import LineLink
from notices.models import Delivery, Kind, Mode, Preference
from people.models import Role
from tests.factories import UserFactory

SOMYING = "1101700203451"
THAID = Provider(
    key="thaid",
    discovery_url="https://thaid.example/.well-known/openid-configuration",
    client_id="portal",
    client_secret="secret",
    scopes=("openid", "pid"),
    citizen_id_claim="pid",
    name_claims=("given_name", "family_name"),
    vouched_acr=("AAL2.1", "AAL2.2"),
    vouched_amr=("face",),
)


def identity(citizen_id: str = SOMYING, *, vouched: bool = False) -> Identity:
    return Identity(THAID, citizen_hash(citizen_id), "สมหญิง ใจดี", vouched)


def asked_by(user, *, verified: bool = False):
    request = RequestFactory().post("/")
    SessionMiddleware(lambda r: None).process_request(request)
    user.is_verified = lambda: verified  # as django-otp marks the request's user
    request.user = user
    return request


def confirmed_for(user) -> dict:
    """What a session keeps of a link its owner confirmed (link_begin) when it comes back from the provider."""
    return {"purpose": Purpose.LINK, "provider": "thaid", "next": "", "token": "", "user": user.pk}


@pytest.mark.parametrize(
    ("claims", "vouched"),
    [
        ({"acr": "AAL2.1"}, True),
        ({"acr": "AAL1", "amr": ["face"]}, True),
        ({"acr": "AAL1", "amr": ["pin"]}, False),
        ({}, False),
    ],
)
def test_only_a_sign_in_at_the_set_level_stands_for_the_second_factor(claims, vouched):
    assert THAID.vouches(claims) is vouched


def test_nothing_vouches_where_no_level_is_set():
    unset = Provider(**{**THAID.__dict__, "vouched_acr": (), "vouched_amr": ()})
    assert unset.vouches({"acr": "AAL3", "amr": ["face", "hwk"]}) is False


def test_the_citizen_id_is_kept_as_a_keyed_hash_only(settings):
    kept = citizen_hash(SOMYING)
    assert citizen_hash("1-1017-00203-45-1") == kept  # as typed with dashes, the same person
    assert citizen_hash("๑๑๐๑๗๐๐๒๐๓๔๕๑") == kept  # in Thai digits, the same person
    assert SOMYING not in kept and len(kept) == 64
    settings.CDD4_DIGITAL_ID_HASH_KEY = "another-key"
    assert citizen_hash(SOMYING) != kept


def test_an_identity_linked_to_another_account_is_refused_and_nothing_changes(db, chiang_mai):
    holder, other = UserFactory.create_batch(2, role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    digital_link(request=asked_by(holder), identity=identity(), flow=confirmed_for(holder))

    with pytest.raises(PortalError, match="บัญชีอื่น"):
        digital_link(request=asked_by(other), identity=identity(), flow=confirmed_for(other))

    assert list(DigitalIdentity.objects.values_list("user", flat=True)) == [holder.pk]
    assert not AccountEvent.objects.filter(user=other, kind=Event.DIGITAL_ID_LINKED).exists()


def test_an_account_links_one_identity_of_a_provider(db, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    digital_link(request=asked_by(user), identity=identity(), flow=confirmed_for(user))

    with pytest.raises(PortalError, match="ไว้แล้ว"):
        digital_link(request=asked_by(user), identity=identity("3100600123457"), flow=confirmed_for(user))

    assert DigitalIdentity.objects.get(user=user).citizen_hash == citizen_hash(SOMYING)


@pytest.mark.parametrize(
    "flow",
    [
        {"purpose": Purpose.SIGN_IN, "provider": "thaid", "next": "", "token": ""},  # went there to sign in
        {"purpose": Purpose.LINK, "provider": "thaid", "next": "", "token": ""},  # confirmed by nobody
    ],
    ids=["a sign-in", "unconfirmed"],
)
def test_an_answer_the_owner_did_not_confirm_a_link_for_links_nothing(db, central_user, flow):
    with pytest.raises(PortalError, match="รหัสผ่าน"):
        digital_link(request=asked_by(central_user, verified=True), identity=identity(), flow=flow)

    assert not DigitalIdentity.objects.exists()


def test_a_link_confirmed_for_another_account_links_nothing(db, chiang_mai):
    owner, taker = UserFactory.create_batch(2, role=Role.OFFICE_STAFF, role__unit=chiang_mai)

    with pytest.raises(PortalError, match="รหัสผ่าน"):
        digital_link(request=asked_by(taker), identity=identity(), flow=confirmed_for(owner))

    assert not DigitalIdentity.objects.exists()


def test_a_session_that_does_not_type_the_password_again_goes_nowhere(db, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    request = asked_by(user, verified=True)

    with pytest.raises(PortalError, match="รหัสผ่านไม่ถูกต้อง"):
        link_begin(request=request, provider=THAID, redirect_uri="http://testserver/cb/", password="not-it")

    assert dict(request.session) == {}
    assert AccountEvent.objects.filter(user=user, kind=Event.FAILURE).count() == 1


def test_an_account_without_a_password_links_only_through_its_invitation(db, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    user.set_unusable_password()
    user.save()
    request = asked_by(user, verified=True)

    with pytest.raises(PortalError, match="คำเชิญ"):
        link_begin(request=request, provider=THAID, redirect_uri="http://testserver/cb/", password="")

    assert dict(request.session) == {}


def test_a_closed_account_is_not_signed_in_by_its_identity(db, chiang_mai):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    digital_link(request=asked_by(user), identity=identity(), flow=confirmed_for(user))
    user.is_active = False
    user.save()

    with pytest.raises(PortalError, match="ไม่ได้เชื่อมกับบัญชีใด"):
        digital_sign_in(request=asked_by(user), identity=identity())
    assert not AccountEvent.objects.filter(user=user, kind=Event.DIGITAL_ID_SIGN_IN).exists()


def test_the_login_page_offers_no_digital_id_until_one_is_configured(client, settings):
    settings.CDD4_DIGITAL_IDS = {}
    assert "digital-id" not in client.get("/accounts/login/").content.decode()

    settings.CDD4_DIGITAL_IDS = {"thaid": {k: v for k, v in THAID.__dict__.items() if k != "key"}}
    page = client.get("/accounts/login/").content.decode()

    assert "เข้าสู่ระบบด้วย ThaID" in page and 'href="/accounts/digital-id/thaid/sign-in/"' in page


def test_my_account_shows_the_link_and_never_the_citizen_id_or_its_hash(client, settings, chiang_mai):
    settings.CDD4_DIGITAL_IDS = {"thaid": {k: v for k, v in THAID.__dict__.items() if k != "key"}}
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    digital_link(request=asked_by(user), identity=identity(), flow=confirmed_for(user))
    client.force_login(user)

    page = client.get("/accounts/me/").content.decode()

    assert "ThaID (สมหญิง ใจดี)" in page and 'action="/accounts/digital-id/thaid/unlink/"' in page
    assert SOMYING not in page and citizen_hash(SOMYING) not in page
    assert "เชื่อมดิจิทัลไอดี" in page  # the sign-in history says it was linked


def test_the_owner_is_told_of_a_link_on_every_channel_whatever_they_chose(db, chiang_mai, settings):
    settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN, settings.CDD4_LINE_CHANNEL_SECRET = "token", "secret"  # LINE on
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="cm@example.org")
    LineLink.objects.create(user=user, line_user_id=f"U{user.pk:032x}")
    for channel in ("email", "line"):  # a taker's first step: the owner's notices off
        Preference.objects.create(user=user, channel=channel, mode=Mode.NONE)

    digital_link(request=asked_by(user), identity=identity(), flow=confirmed_for(user))

    told = Delivery.objects.filter(receipt__user=user, receipt__notice__kind=Kind.DIGITAL_ID_LINKED)
    assert sorted(told.values_list("channel", "digest")) == [("email", False), ("line", False)]
