"""A digital ID's writes: the provider's answer checked by Authlib, then linked to the person who asked, signed
in, or refused; and unlinked.

A link is made only by its person: from a session signed in with the portal's password (and its code, where the
account has a second factor), or by accepting the person's own invitation. An identity linked to no account
signs nobody in and makes nothing. A sign-in the provider vouched for at the assurance level central staff set
(`Provider.vouches`) confirms the session as a code does; below it, the portal asks its own code as before."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from django.conf import settings
from django.contrib.auth import login as auth_login
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from joserfc.errors import JoseError

from core.errors import PortalError
from notices.models import Kind
from notices.services import notice_record

from ..audit import event_record, has_second_factor
from ..invitation_notices import invitation_accepted_tell
from ..invitations import invitation_user
from ..models import DigitalIdentity, Event
from ..services import BACKEND
from ..sessions import session_confirmed
from .providers import NAMES, Provider, citizen_hash, client

logger = logging.getLogger(__name__)

# session: state → what the person went to the provider for (purpose, provider, next, token), the last few only
FLOW = "accounts.digital_id"
FLOWS_KEPT = 5
SIGNED_IN_WITH = "accounts.digital_id.signed_in_with"  # session: the provider this session signed in with
# Whatever goes wrong between the portal and the provider: Authlib's refusals (state, the token's claims), the
# signature's (joserfc), the network's, a document that is not what it should be.
REFUSALS = (AuthlibBaseError, JoseError, requests.RequestException, ValueError, KeyError, RuntimeError)


class Purpose:
    SIGN_IN = "sign_in"
    LINK = "link"
    INVITATION = "invitation"


@dataclass(frozen=True)
class Identity:
    """What the portal keeps of a checked answer: the provider, the citizen ID's hash, the name, and whether the
    provider vouched for the sign-in as a second factor. Never the citizen ID."""

    provider: Provider
    citizen_hash: str
    name: str
    vouched: bool

    @property
    def label(self) -> str:
        """As its owner sees it on their page: the provider and the name it gave."""
        return f"{self.provider.name} ({self.name})" if self.name else self.provider.name


def link_allowed(request) -> bool:
    """Linking is the signed-in person's own act, after their password and, where they have one, their code."""
    user = request.user
    return user.is_authenticated and (not has_second_factor(user) or user.is_verified())


def flow_begin(*, request, provider: Provider, purpose: str, redirect_uri: str, next_url: str = "", token: str = ""):
    """The redirect to the provider, with a new state, nonce and PKCE verifier kept in this session by Authlib,
    and what the answer is for. Raises PortalError when the provider cannot be reached (its discovery)."""
    if purpose == Purpose.LINK and not link_allowed(request):
        raise PortalError(_("sign in with your password (and code) first, then link your digital ID"))
    try:
        response = client(provider).authorize_redirect(request, redirect_uri)
    except REFUSALS as error:
        raise _unreachable(provider, error) from error
    # Kept under the request's state, so that two tabs going to the provider at once each come back to their own.
    state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
    flows = dict(list(request.session.get(FLOW, {}).items())[-(FLOWS_KEPT - 1) :])
    flows[state] = {"purpose": purpose, "provider": provider.key, "next": next_url, "token": token}
    request.session[FLOW] = flows
    return response


def identity_checked(*, request, provider: Provider) -> tuple[Identity, dict]:
    """The provider's answer at the callback, checked by Authlib: the state this session keeps (then dropped, so
    an answer counts once), the code exchanged with the PKCE verifier, the ID token's signature against the
    provider's keys (fetched again for a key they lack), its issuer, audience, expiry and issue time within the
    leeway, and its nonce. Returns the identity and what the session went there for; PortalError otherwise."""
    flows = request.session.get(FLOW, {})
    flow = flows.pop(request.GET.get("state", ""), None)
    request.session[FLOW] = flows
    if not flow or flow.get("provider") != provider.key:
        raise PortalError(_("this sign-in was not started here or has expired: start again from the login page"))
    app = client(provider)
    try:
        metadata = app.load_server_metadata()
        claims_options = {
            "iss": {"essential": True, "values": [metadata["issuer"]]},
            "aud": {"essential": True, "values": [provider.client_id]},
            "exp": {"essential": True},
            "iat": {"essential": True},
            "sub": {"essential": True},
            provider.citizen_id_claim: {"essential": True},
        }
        token = app.authorize_access_token(
            request, claims_options=claims_options, leeway=settings.CDD4_DIGITAL_ID_LEEWAY_SECONDS
        )
        claims = token.get("userinfo")
        if not claims:
            raise ValueError("no ID token")
    except REFUSALS as error:
        raise _refused(provider, error) from error
    name = " ".join(str(claims[c]) for c in provider.name_claims if claims.get(c))
    identity = Identity(provider, citizen_hash(str(claims[provider.citizen_id_claim])), name, provider.vouches(claims))
    return identity, flow


def digital_sign_in(*, request, identity: Identity):
    """The account linked to this identity signed in; its second factor confirmed in this session when the
    provider vouched for the sign-in. PortalError, with nothing written, for an identity linked to no open
    account."""
    linked = (
        DigitalIdentity.objects.select_related("user")
        .filter(provider=identity.provider.key, citizen_hash=identity.citizen_hash, user__is_active=True)
        .first()
    )
    if linked is None:
        raise PortalError(
            _(
                "this %(provider)s is not linked to any account of the portal: sign in with your username and "
                "password and link it on “My account”, or ask the help contacts below for an account"
            )
            % {"provider": identity.provider.name}
        )
    user = linked.user
    request.signed_in_with = Event.DIGITAL_ID_SIGN_IN  # the sign-in signal records it so (accounts.audit)
    auth_login(request, user, backend=BACKEND)
    _used(request=request, linked=linked, identity=identity)
    return user


def digital_link(*, request, identity: Identity) -> DigitalIdentity:
    """The signed-in person's own identity linked to their account, and they are told (a safety notice). Refused
    when the identity is another account's or the account has one of this provider already."""
    if not link_allowed(request):
        raise PortalError(_("sign in with your password (and code) first, then link your digital ID"))
    linked = _link(request=request, user=request.user, identity=identity)
    _used(request=request, linked=linked, identity=identity, signed_in=False)
    return linked


def digital_invitation_accept(*, request, token: str, identity: Identity):
    """The invited person accepts with their digital ID instead of a password: the identity linked to the invited
    account, the invitation used (the account keeps no password it could be signed in with), then signed in."""
    user = invitation_user(token)
    if user is None:
        raise PortalError(
            _("this invitation was used already or has expired: use “forgot password” with your e-mail"),
        )
    with transaction.atomic():
        linked = _link(request=request, user=user, identity=identity)
        user.set_unusable_password()  # the invitation's token is made from the password: it now opens nothing
        user.save(update_fields=["password"])
        accepted = event_record(kind=Event.ACCEPTED, user=user, request=request)
    invitation_accepted_tell(user=user, event=accepted)
    request.signed_in_with = Event.DIGITAL_ID_SIGN_IN
    auth_login(request, user, backend=BACKEND)
    _used(request=request, linked=linked, identity=identity)
    return user


def digital_unlink(*, request, provider_key: str) -> bool:
    """The person's own identity of this provider unlinked (from their page): it signs them in no more, and a
    session it confirmed is confirmed no more (django-otp drops a device that is gone). They are told."""
    user = request.user
    with transaction.atomic():
        deleted, _kinds = DigitalIdentity.objects.filter(user=user, provider=provider_key).delete()
        if deleted:
            event = event_record(kind=Event.DIGITAL_ID_UNLINKED, user=user, request=request)
            _owner_tell(user=user, kind=Kind.DIGITAL_ID_UNLINKED, event=event, provider_key=provider_key)
    return bool(deleted)


def signed_in_with(request) -> str | None:
    """The provider key this session signed in with (for signing out of it too), or None."""
    return request.session.get(SIGNED_IN_WITH)


def provider_logout_url(*, provider: Provider, post_logout_redirect_uri: str) -> str | None:
    """Where the browser signs out of the provider too (OpenID Connect RP-initiated logout), then comes back to
    the portal's login page; None when the provider offers no end-session endpoint or cannot be read. No ID
    token is kept to hint with (it carries the citizen ID): the client id says whose sign-out it is."""
    try:
        return client(provider).create_logout_url(
            post_logout_redirect_uri=post_logout_redirect_uri, client_id=provider.client_id
        )["url"]
    except REFUSALS as error:
        logger.warning("digital ID %s: no sign-out there: %s", provider.key, type(error).__name__)
        return None


def _link(*, request, user, identity: Identity) -> DigitalIdentity:
    key = identity.provider.key
    if DigitalIdentity.objects.filter(user=user, provider=key).exists():
        raise PortalError(
            _("your account has a %(provider)s linked already: unlink it on “My account” first")
            % {"provider": identity.provider.name}
        )
    try:
        with transaction.atomic():
            linked = DigitalIdentity.objects.create(
                user=user, provider=key, citizen_hash=identity.citizen_hash, name=identity.label[:64]
            )
            event = event_record(kind=Event.DIGITAL_ID_LINKED, user=user, request=request)
            _owner_tell(user=user, kind=Kind.DIGITAL_ID_LINKED, event=event, provider_key=key)
    except IntegrityError as error:
        raise PortalError(
            _("this %(provider)s is linked to another account: ask the help contacts below")
            % {"provider": identity.provider.name}
        ) from error
    return linked


def _used(*, request, linked: DigitalIdentity, identity: Identity, signed_in: bool = True) -> None:
    """After a checked answer: when it was last used; the session remembers its provider (to sign out of it) and,
    when the provider vouched for the sign-in, is confirmed by it as by a code, recorded as such."""
    DigitalIdentity.objects.filter(pk=linked.pk).update(used_at=timezone.now())
    if signed_in:
        request.session[SIGNED_IN_WITH] = identity.provider.key
    if identity.vouched:
        session_confirmed(request, linked)
        event_record(kind=Event.DIGITAL_ID_VOUCHED, user=linked.user, request=request)


def _owner_tell(*, user, kind: Kind, event, provider_key: str) -> None:
    """The owner told at once by e-mail, whatever they chose (a safety notice), and in the inbox: whoever linked
    or unlinked it from a taken session must not be the only one to know."""
    notice_record(
        kind=kind,
        key=f"{kind}:{event.pk}",
        recipients=lambda: [user] if user.is_active else [],
        params={"provider": _name(provider_key), "day": timezone.localdate(event.at).isoformat()},
        link=f"{reverse('accounts:account')}#digital-id",
    )


def _name(provider_key: str) -> str:
    return NAMES.get(provider_key, provider_key)


def _unreachable(provider: Provider, error: Exception) -> PortalError:
    logger.warning("digital ID %s unreachable: %s", provider.key, type(error).__name__)
    return PortalError(
        _("%(provider)s does not answer at the moment: sign in with your username and password, or try again later")
        % {"provider": provider.name},
        status=502,
    )


def _refused(provider: Provider, error: Exception) -> PortalError:
    """Never the error's text: it may quote the token, and the token holds the citizen ID."""
    if isinstance(error, requests.RequestException):
        return _unreachable(provider, error)
    logger.warning("digital ID %s answer refused: %s", provider.key, type(error).__name__)
    return PortalError(
        _(
            "the answer from %(provider)s could not be verified, so nothing was changed: start again, or sign in "
            "with your username and password"
        )
        % {"provider": provider.name},
    )
