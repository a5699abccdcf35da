"""A digital ID's writes: the provider's answer checked by Authlib, then linked to the person who asked, signed
in, or refused; and unlinked.

A link is made only by its person: from any signed-in session once its holder has typed the portal's password
again, or a current code where the account has a second factor (the confirmation LINE's link and the calendar
address ask: second_factor.identity_confirm), or by accepting the person's own invitation; an account with no
password (invited and accepted with a digital ID) links only through its invitation. A remedy ends every link
(accounts.sessions.DOORS). An identity linked to no account
signs nobody in and makes nothing. A sign-in the provider vouched for at the assurance level central staff set
(`Provider.vouches`) confirms the session as a code does; below it, the portal asks its own code as before."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client import OAuthError
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from joserfc.errors import JoseError

from core.errors import PortalError
from notices.models import Kind

from ..audit import event_record
from ..invitation_notices import invitation_accepted_tell
from ..invitations import invitation_state, invitation_user, pending
from ..models import DigitalIdentity, Event
from ..second_factor import identity_confirm
from ..services import BACKEND
from ..sessions import session_confirmed
from .flows import answered_once, flow_added, flows_keep, flows_of
from .hints import hint_seal
from .links import owner_tell
from .providers import Provider, citizen_hash, client

logger = logging.getLogger(__name__)

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


INVITATION_GONE = _("this invitation was used already or has expired: use “forgot password” with your e-mail")
LINK_REFUSED = _(
    "a digital ID is linked from “My account”, after typing your password (or a current code) again: start there"
)


def link_begin(*, request, provider: Provider, redirect_uri: str, password: str = "", token: str = ""):
    """The redirect to the provider to link the signed-in person's own identity, once whoever holds the session
    has said again that they are the owner: the password, or a current code where the account has a second factor
    (each wrong answer counted as at sign-in). An account with no password links only through its invitation."""
    user = request.user
    if not user.has_usable_password():
        raise PortalError(
            _(
                "this account signs in with its digital ID alone: another digital ID is linked to it only through "
                "an invitation; ask whoever invited you"
            ),
            field="account",
        )
    identity_confirm(request=request, password=password, token=token)
    return flow_begin(request=request, provider=provider, purpose=Purpose.LINK, redirect_uri=redirect_uri)


def invitation_begin(*, request, provider: Provider, token: str, redirect_uri: str):
    """The redirect to the provider to accept an invitation with the invited person's identity, from the
    invitation's own page (a form: POST, CSRF). What the browser keeps names the invited account and a digest of
    its invitation, never the link; refused when the invitation is used or has expired."""
    user = invitation_user(token)
    if user is None:
        raise PortalError(INVITATION_GONE)
    return flow_begin(
        request=request,
        provider=provider,
        purpose=Purpose.INVITATION,
        redirect_uri=redirect_uri,
        invitee=user.pk,
        invitation=_invitation_digest(user),
    )


def flow_begin(*, request, provider: Provider, purpose: str, redirect_uri: str, next_url: str = "", **bound):
    """The redirect to the provider with a new state, nonce and PKCE verifier (Authlib's), kept with what the
    answer is for in the browser's own cookie (accounts.digital_id.flows), never in a session row: a link's for the
    signed-in account whose owner link_begin confirmed, an invitation's for the invited account (`bound`). Raises
    PortalError when the provider cannot be reached (its discovery)."""
    try:
        started = client(provider).create_authorization_url(redirect_uri)
    except REFUSALS as error:
        raise _unreachable(provider, error) from error
    flow = {"purpose": purpose, "provider": provider.key, "next": next_url, "redirect_uri": redirect_uri, **bound}
    flow |= {"nonce": started["nonce"], "verifier": started["code_verifier"]}
    if purpose == Purpose.LINK:
        flow["user"] = request.user.pk
    # Kept under its state, so that two tabs going to the provider at once each come back to their own.
    flows = flow_added(request, state=started["state"], flow=flow)
    return flows_keep(HttpResponseRedirect(started["url"]), flows)


def identity_checked(*, request, provider: Provider) -> tuple[Identity, dict, str]:
    """The provider's answer at the callback: the state this browser keeps (its answer counted once), then
    Authlib's checks: the code exchanged with the PKCE verifier, the ID token's RS256 signature against the
    provider's keys (fetched again for a key they lack), its issuer, audience, expiry and issue time within the
    leeway, and its nonce. Returns the identity, what the browser went there for, and the ID token itself (to be
    kept only sealed: accounts.digital_id.hints); PortalError otherwise."""
    state = request.GET.get("state", "")
    flow = flows_of(request).get(state)
    if not flow or flow.get("provider") != provider.key or not answered_once(state):
        raise PortalError(_("this sign-in was not started here or has expired: start again from the login page"))
    app = client(provider)
    try:
        if request.GET.get("error"):
            raise OAuthError(error=request.GET["error"])
        metadata = app.load_server_metadata()
        claims_options = {
            "iss": {"essential": True, "values": [metadata["issuer"]]},
            "aud": {"essential": True, "values": [provider.client_id]},
            "exp": {"essential": True},
            "iat": {"essential": True},
            "sub": {"essential": True},
            provider.citizen_id_claim: {"essential": True},
        }
        token = app.fetch_access_token(
            code=request.GET.get("code"),
            state=state,
            redirect_uri=flow["redirect_uri"],
            code_verifier=flow["verifier"],
        )
        claims = app.parse_id_token(
            token, nonce=flow["nonce"], claims_options=claims_options, leeway=settings.CDD4_DIGITAL_ID_LEEWAY_SECONDS
        )
        if not claims:
            raise ValueError("no ID token")
    except REFUSALS as error:
        raise _refused(provider, error) from error
    name = " ".join(str(claims[c]) for c in provider.name_claims if claims.get(c))
    identity = Identity(provider, citizen_hash(str(claims[provider.citizen_id_claim])), name, provider.vouches(claims))
    return identity, flow, token["id_token"]


def digital_sign_in(*, request, identity: Identity, id_token: str = ""):
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
    _used(request=request, linked=linked, identity=identity, id_token=id_token)
    return user


def digital_link(*, request, identity: Identity, flow: dict) -> DigitalIdentity:
    """The signed-in person's own identity linked to their account, and they are told (a safety notice). Refused
    unless this session went to the provider to link this account, its owner confirmed (link_begin), and when the
    identity is another account's or the account has one of this provider already."""
    if not request.user.is_authenticated or flow.get("purpose") != Purpose.LINK or flow.get("user") != request.user.pk:
        raise PortalError(LINK_REFUSED)
    linked = _link(request=request, user=request.user, identity=identity)
    _used(request=request, linked=linked, identity=identity, signed_in=False)
    return linked


def digital_invitation_accept(*, request, flow: dict, identity: Identity, id_token: str = ""):
    """The invited person accepts with their digital ID instead of a password: the identity linked to the invited
    account, the invitation used (the account keeps no password it could be signed in with), then signed in.
    Refused when the invitation the browser started from was used, sent again or has expired meanwhile."""
    user = get_user_model().objects.filter(pk=int(flow.get("invitee") or 0), is_active=True).first()
    kept = str(flow.get("invitation", ""))
    if user is None or not pending(user) or not hmac.compare_digest(_invitation_digest(user), kept):
        raise PortalError(INVITATION_GONE)
    with transaction.atomic():
        linked = _link(request=request, user=user, identity=identity)
        user.set_unusable_password()  # the invitation's token is made from the password: it now opens nothing
        user.save(update_fields=["password"])
        accepted = event_record(kind=Event.ACCEPTED, user=user, request=request)
    invitation_accepted_tell(user=user, event=accepted)
    request.signed_in_with = Event.DIGITAL_ID_SIGN_IN
    auth_login(request, user, backend=BACKEND)
    _used(request=request, linked=linked, identity=identity, id_token=id_token)
    return user


def digital_unlink(*, request, provider_key: str) -> bool:
    """The person's own identity of this provider unlinked (from their page): it signs them in no more, and a
    session it confirmed is confirmed no more (django-otp drops a device that is gone). They are told."""
    user = request.user
    with transaction.atomic():
        deleted, _kinds = DigitalIdentity.objects.filter(user=user, provider=provider_key).delete()
        if deleted:
            event = event_record(kind=Event.DIGITAL_ID_UNLINKED, user=user, request=request)
            owner_tell(user=user, kind=Kind.DIGITAL_ID_UNLINKED, event=event, provider_key=provider_key)
    return bool(deleted)


def signed_in_with(request) -> str | None:
    """The provider key this session signed in with (for signing out of it too), or None."""
    return request.session.get(SIGNED_IN_WITH)


@dataclass(frozen=True)
class ProviderSignOut:
    """Where the browser signs out of the provider too, the state it comes back with, and whether the ID token
    went as the hint (a strict provider ends its session only with it)."""

    url: str
    state: str
    hinted: bool


def provider_sign_out(*, provider: Provider, post_logout_redirect_uri: str, id_token_hint: str | None):
    """The provider's sign-out (OpenID Connect RP-Initiated Logout 1.0) for this session, then back to the portal's
    login page: with `id_token_hint` where the session kept it (accounts.digital_id.hints), else with the client
    id alone, which a lenient provider accepts. None when the provider offers no end-session endpoint or cannot
    be read."""
    try:
        made = client(provider).create_logout_url(
            post_logout_redirect_uri=post_logout_redirect_uri,
            id_token_hint=id_token_hint,
            client_id=provider.client_id,
        )
    except REFUSALS as error:
        logger.warning("digital ID %s: no sign-out there: %s", provider.key, type(error).__name__)
        return None
    return ProviderSignOut(made["url"], made["state"], bool(id_token_hint))


def _invitation_digest(user) -> str:
    """What the browser keeps of an invitation: a digest of what its link digests (accounts.invitations), which
    makes no link, and matches no more once the invitation is used or sent again."""
    return hashlib.sha256(invitation_state(user).encode()).hexdigest()


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
            owner_tell(user=user, kind=Kind.DIGITAL_ID_LINKED, event=event, provider_key=key)
    except IntegrityError as error:
        raise PortalError(
            _("this %(provider)s is linked to another account: ask the help contacts below")
            % {"provider": identity.provider.name}
        ) from error
    return linked


def _used(*, request, linked: DigitalIdentity, identity: Identity, signed_in: bool = True, id_token: str = "") -> None:
    """After a checked answer: when it was last used; a session it signed in remembers its provider and its ID
    token, sealed (to sign out of the provider too) and, when the provider vouched for the sign-in, is confirmed by
    it as by a code, recorded as such."""
    DigitalIdentity.objects.filter(pk=linked.pk).update(used_at=timezone.now())
    if signed_in:
        request.session[SIGNED_IN_WITH] = identity.provider.key
        if id_token:
            hint_seal(request, id_token)
    if identity.vouched:
        session_confirmed(request, linked)
        event_record(kind=Event.DIGITAL_ID_VOUCHED, user=linked.user, request=request)


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
