"""What a browser on its way to a provider keeps until the provider answers: the state, nonce and PKCE verifier of
each start and what it is for, in a signed, short-lived, HttpOnly cookie of its own (Django's signing), never in a
session row: an anonymous start writes nothing on the server. A few at most (two tabs each come back to their own),
each for FLOW_SECONDS; an answer counts once (its state marked in the cache for as long)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

COOKIE = "cdd4_digital_id"
PATH = "/accounts/digital-id/"  # the starts and the callback only
SALT = "accounts.digital_id.flows"
FLOW_SECONDS = 600
FLOWS_KEPT = 5


def flows_of(request) -> dict[str, dict]:
    """state → what the browser went to the provider for, the live ones; nothing for a cookie not ours or old."""
    raw = request.COOKIES.get(COOKIE, "")
    try:
        flows = signing.loads(raw, salt=SALT, max_age=FLOW_SECONDS) if raw else {}
    except signing.BadSignature:
        return {}
    if not isinstance(flows, dict):
        return {}
    now = time.time()
    return {state: flow for state, flow in flows.items() if now - flow.get("at", 0) < FLOW_SECONDS}


def flow_added(request, *, state: str, flow: dict) -> dict[str, dict]:
    """The browser's flows with this new one, the oldest dropped past FLOWS_KEPT."""
    flows = dict(list(flows_of(request).items())[-(FLOWS_KEPT - 1) :])
    flows[state] = {**flow, "at": time.time()}
    return flows


def flows_without(request, state: str) -> dict[str, dict]:
    """The browser's flows once the answer to `state` came back (answered or refused, it is not kept)."""
    return {key: flow for key, flow in flows_of(request).items() if key != state}


def flows_keep(response, flows: dict[str, dict]):
    """The cookie on `response` holding `flows`, or removed when none is left."""
    if flows:
        response.set_cookie(
            COOKIE,
            signing.dumps(flows, salt=SALT, compress=True),
            max_age=FLOW_SECONDS,
            path=PATH,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(COOKIE, path=PATH, samesite="Lax")
    return response


def answered_once(state: str) -> bool:
    """Whether this is the first answer to `state`: a copy of the cookie sent again with the same answer is not."""
    return cache.add(f"accounts.digital_id.answered:{state}", True, FLOW_SECONDS)


OUT_COOKIE = "cdd4_digital_id_out"  # a sign-out's trip to the provider: its state and the provider
OUT_SALT = "accounts.digital_id.out"


def sign_out_keep(response, *, provider_key: str, state: str):
    """The browser remembers, for FLOW_SECONDS, the sign-out it went to the provider with."""
    value = signing.dumps({"provider": provider_key, "state": state}, salt=OUT_SALT)
    response.set_cookie(
        OUT_COOKIE,
        value,
        max_age=FLOW_SECONDS,
        path="/accounts/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def signed_out_at(request) -> str | None:
    """The provider this browser has just come back from signing out of (its state matches the one it went with),
    or None."""
    try:
        out = signing.loads(request.COOKIES.get(OUT_COOKIE, ""), salt=OUT_SALT, max_age=FLOW_SECONDS)
    except signing.BadSignature:
        return None
    state = request.GET.get("state", "")
    return out["provider"] if state and out.get("state") == state else None
