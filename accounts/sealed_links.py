"""The links the portal's mail carries to one person (docs/architecture.md, "the notices' sealed kinds"): an
invitation's, a password reset's and an e-mail change's. Each is made when its notice is sent (notices.hooks
.sealed_link, registered in apps.py), for that person, and never stored: the notice keeps only what says whether
it may still be made (the account's state as it was asked for), so a copy of the database opens no account, and
a notice sent late opens nothing the account has moved past (a newer invitation, a password set since)."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from notices.models import Kind

from .invitations import invitation_state, invitation_token

EMAIL_SALT = "accounts.email"
EMAIL_HOURS = 24
RESET_SALT = "accounts.reset.state"


def reset_state(user) -> str:
    """What a reset link digests of the account (Django's token: its password, last sign-in and address): asked
    for, and again when its notice is sent, so a reset sent after the password changed opens nothing."""
    return salted_hmac(RESET_SALT, f"{user.pk}|{user.password}|{user.last_login}|{user.email}").hexdigest()[:24]


def email_token(user, old: str, new: str) -> str:
    """The e-mail change's token: this account, from `old` to `new` (accounts.services.email_change_confirm)."""
    return signing.dumps([user.pk, old, new], salt=EMAIL_SALT)


def sealed_link(*, notice, user) -> str | None:
    """The path of `notice`'s link for `user` (its reader), or None: not one of these kinds, or the account is no
    longer as it was when the link was asked for."""
    params = notice.params
    if notice.kind == Kind.INVITATION and invitation_state(user) == params.get("state"):
        return reverse("accounts:invitation", args=[invitation_token(user)])
    if notice.kind == Kind.PASSWORD_RESET and reset_state(user) == params.get("state"):
        token = default_token_generator.make_token(user)
        return reverse("accounts:reset_confirm", args=[urlsafe_base64_encode(force_bytes(user.pk)), token])
    if notice.kind == Kind.EMAIL_CONFIRM and user.email == params.get("old_address", ""):
        return reverse("accounts:email_confirm", args=[email_token(user, user.email, params["address"])])
    return None
