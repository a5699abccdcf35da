"""Invitations and their links: a new account sets its own password from a link in its e-mail.

The link is signed, expires after settings.CDD4_INVITATION_DAYS and works once: it carries a digest of the
account's password and last sign-in, which setting the password changes, of its e-mail address, which
correcting a mistyped one changes, and of the invitation's issue (its INVITED record), which inviting again
changes, as Django's reset token digests the address. Nobody ever types or sees another person's password.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from notices.models import Kind
from notices.services import notice_record

from .audit import event_record
from .invitation_notices import invitation_sent_tell
from .models import Event

SALT = "accounts.invitation"


def _issue(user) -> int | None:
    """The latest invitation's record: the link of an earlier one no longer matches it."""
    return user.account_events.filter(kind=Event.INVITED).order_by("-pk").values_list("pk", flat=True).first()


def invitation_state(user) -> str:
    """What an invitation's link digests of the account: kept with its notice and asked again when the notice is
    sent (accounts.sealed_links), so a link sent late opens nothing the account has moved past. A keyed digest: it makes
    no link without the project's key."""
    address = (user.email or "").lower()
    return salted_hmac(SALT, f"{user.pk}|{user.password}|{user.last_login}|{address}|{_issue(user)}").hexdigest()[:24]


def invitation_token(user) -> str:
    return signing.dumps([user.pk, invitation_state(user)], salt=SALT)


def invitation_user(token: str):
    """The account a link invites, or None: unknown, expired, already used or closed."""
    try:
        pk, state = signing.loads(token, salt=SALT, max_age=timedelta(days=settings.CDD4_INVITATION_DAYS))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    return user if user is not None and invitation_state(user) == state else None


def invitation_send(*, user, by=None) -> None:
    """Records the invitation, then tells the account its link: a sealed notice (notices.catalogue), sent at once
    by e-mail within the hour's limit, its link made as it is sent (accounts.sealed_links) on the portal's address
    (settings.CDD4_PUBLIC_URL). The record comes first: the link is made for it, and every earlier link stops
    working, one still waiting in the outbox too."""
    event = event_record(kind=Event.INVITED, user=user, by=by)
    params = {"username": user.get_username(), "days": settings.CDD4_INVITATION_DAYS, "state": invitation_state(user)}
    if by is not None:
        params["by"] = by.get_full_name() or by.get_username()
    notice_record(
        kind=Kind.INVITATION,
        key=f"invitation:{event.pk}",
        recipients=lambda: [user] if user.is_active and user.email else [],
        params=params,
        link=reverse("accounts:account"),
    )
    invitation_sent_tell(event=event)


def pending(user) -> bool:
    """Invited and not yet accepted: the account has no password of its own."""
    return user.is_active and not user.has_usable_password()


def held_address_tell(*, user, by) -> None:
    """Tells the holder of an address that an office's accounts sheet listed it: nothing was made or changed,
    and the sheet's page answered as for a free address (accounts.provision). One notice for each uploader a day,
    however often the sheet is sent, and in the daily digest (notices.catalogue)."""
    notice_record(
        kind=Kind.ADDRESS_LISTED,
        key=f"address_listed:{user.pk}:{by.pk}:{timezone.localdate().isoformat()}",
        recipients=lambda: [user] if user.is_active else [],
        params={"username": user.get_username(), "by": by.get_full_name() or by.get_username()},
        link=reverse("accounts:account"),
    )
