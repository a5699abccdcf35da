"""The ID token a digital-ID sign-in got, kept to hint the provider's sign-out with (OpenID Connect RP-Initiated
Logout 1.0, `id_token_hint`: what a strict provider asks to end its own session), for the session's life and only
so that neither a copy of the database nor a session row reads the citizen ID in it: encrypted (Fernet) under a key
made for that sign-in, which the browser alone holds, in a cookie of its own (HttpOnly, SameSite=Lax). The session
row holds the ciphertext; the database never holds the key."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

SEALED = "accounts.digital_id.hint"  # session: the ID token, encrypted
COOKIE = "cdd4_digital_id_key"  # the browser: its key
PATH = "/accounts/"  # sent to the sign-out, and to nothing outside the accounts' pages
KEY_MADE = "digital_id_hint_key"  # request: the key of a sign-in this request made, for hint_cookie


def hint_seal(request, id_token: str) -> None:
    """The sign-in's ID token sealed in the session under a new key, handed to the response by hint_cookie."""
    key = Fernet.generate_key()
    request.session[SEALED] = Fernet(key).encrypt(id_token.encode()).decode()
    setattr(request, KEY_MADE, key.decode())


def hint_cookie(request, response):
    """The key of a sign-in this request made, set in the browser for the session's life."""
    key = getattr(request, KEY_MADE, None)
    if key:
        response.set_cookie(
            COOKIE,
            key,
            max_age=settings.SESSION_COOKIE_AGE,
            path=PATH,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def hint_open(request) -> str | None:
    """The ID token this session signed in with, from its ciphertext and the browser's key; None when either is
    missing or they do not match (then the sign-out goes without the hint)."""
    sealed, key = request.session.get(SEALED), request.COOKIES.get(COOKIE)
    if not sealed or not key:
        return None
    try:
        return Fernet(key.encode()).decrypt(sealed.encode()).decode()
    except (InvalidToken, ValueError):
        return None


def hint_forget(response):
    """The browser's key removed (the session's ciphertext goes with the session)."""
    response.delete_cookie(COOKIE, path=PATH, samesite="Lax")
    return response
