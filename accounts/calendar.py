"""A person's private calendar address (docs/calendar.md): made, made again or revoked on "บัญชีของฉัน", read by
a calendar application without signing in. The address carries a secret of 256 bits (never the user's id),
shown once when made and stored only as a keyed hash (the project's SECRET_KEY): a copy of the database alone
cannot turn one back into an address. Making it again replaces the old one, which then answers 404.

Whoever holds the address sees the person's obligations: titles, due days and links, never evidence or scores.
So it is made only after the owner's password (or a current code) is typed again (calendar_views), the owner is
told of each by a notice (by e-mail at once, whatever they chose), and it goes wherever a password or a second
factor change ends the person's other sessions (accounts.sessions). An account closed or deactivated answers 410
(Gone), so a subscription left in a phone stops at once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from notices.models import Kind
from notices.services import notice_record

from .audit import event_record
from .models import CalendarAddress, Event

SALT = "accounts.calendar.secret"


class Found(Enum):
    OPEN = "open"
    UNKNOWN = "unknown"  # no such address: never made, made again since, or revoked
    CLOSED = "closed"  # the account is closed or deactivated


@dataclass(frozen=True)
class Reading:
    found: Found
    user: Any = None


def _hash(secret: str) -> str:
    return salted_hmac(SALT, secret, algorithm="sha256").hexdigest()


def calendar_path(secret: str) -> str:
    return reverse("calendar_feed", args=[secret])


@transaction.atomic
def calendar_address_make(*, user, request=None) -> str:
    """A new secret for the person, replacing any they had (its calendars stop); its clear text exists only in
    this answer. Recorded in their sign-in history."""
    secret = secrets.token_urlsafe(32)
    CalendarAddress.objects.update_or_create(
        user=user, defaults={"secret_hash": _hash(secret), "made_at": timezone.now(), "read_at": None}
    )
    event = event_record(kind=Event.CALENDAR_MADE, user=user, request=request)
    _owner_tell(user=user, event=event)
    return secret


def _owner_tell(*, user, event) -> None:
    """The owner told of the address (SECURITY.md, "Calendar"): in the inbox, and by e-mail at once whatever they
    chose for notices (notices.catalogue, `safety`): whoever made it from a taken session must not be the only one
    to know. Each making is its own record, so its own notice."""
    notice_record(
        kind=Kind.CALENDAR_MADE,
        key=f"calendar_made:{event.pk}",
        recipients=lambda: [user] if user.is_active else [],
        params={"day": timezone.localdate(event.at).isoformat()},
        link=f"{reverse('accounts:account')}#calendar",
    )


@transaction.atomic
def calendar_address_revoke(*, user, request=None) -> bool:
    """No address any more; whether there was one (recorded in their history when there was)."""
    deleted, _ = CalendarAddress.objects.filter(user=user).delete()
    if deleted:
        event_record(kind=Event.CALENDAR_REVOKED, user=user, request=request)
    return bool(deleted)


def calendar_address_of(user) -> CalendarAddress | None:
    """The person's address as stored (when made, last read), to show on their page: never its secret."""
    return CalendarAddress.objects.filter(user=user).first()


def calendar_reader(secret: str) -> Reading:
    """Whose calendar `secret` opens, and whether their account is open; the read is recorded (once an hour at
    most: a calendar polling every few minutes writes nothing more)."""
    if not 20 <= len(secret) <= 64:
        return Reading(Found.UNKNOWN)
    found = CalendarAddress.objects.select_related("user").filter(secret_hash=_hash(secret)).first()
    if found is None:
        return Reading(Found.UNKNOWN)
    if not found.user.is_active:
        return Reading(Found.CLOSED)
    now = timezone.now()
    if found.read_at is None or (now - found.read_at).total_seconds() > 3600:
        CalendarAddress.objects.filter(pk=found.pk).update(read_at=now)
    return Reading(Found.OPEN, found.user)
