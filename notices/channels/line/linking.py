"""A portal account linked to its owner's LINE (docs/line.md): a one-time code shown on "บัญชีของฉัน", sent by the
person to the Official Account, read from the signed webhook (notices.channels.line.webhook); the owner told of
each link; unlinked from the page, when the person unfollows or blocks the Official Account, and when their
password or second factor changes (accounts.sessions). Accounts records each link and unlink in the account's
audit (hooks.linked, hooks.unlinked).

A code is 6 characters of 32 (about a billion), lives settings.CDD4_LINE_LINK_MINUTES, works once, is stored only
as a keyed hash (the project's SECRET_KEY: a copy of the database alone cannot turn one back into a code), and a
LINE user may try settings.CDD4_LINE_LINK_RATE codes an hour: guessing someone's live code is out of reach.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.ratelimit import wait_seconds
from notices.models import Kind
from notices.services import notice_record

from . import hooks
from .models import LineLink, LineLinkCode

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a screen and typed on a phone
LENGTH = 6
SALT = "accounts.line_links.code"  # part of every stored code's hash: another salt would void the live codes


class Redeemed(Enum):
    LINKED = "linked"
    UNKNOWN = "unknown"  # not a live code: wrong, used, expired, or not a code at all
    TOO_MANY = "too_many"  # this LINE user tried too many codes this hour


@dataclass(frozen=True)
class IssuedCode:
    code: str
    expires_at: datetime


def _normal(text: str) -> str:
    return "".join(text.split()).replace("-", "").upper()


def _hash(code: str) -> str:
    return salted_hmac(SALT, _normal(code), algorithm="sha256").hexdigest()


def looks_like_code(text: str) -> bool:
    typed = _normal(text)
    return len(typed) == LENGTH and all(c in ALPHABET for c in typed)


def line_code_issue(*, user) -> IssuedCode:
    """A new code for the person, replacing any code they had; its clear text exists only in this answer."""
    expires_at = timezone.now() + timedelta(minutes=settings.CDD4_LINE_LINK_MINUTES)
    for _ in range(5):  # two live codes the same: about one in a billion per pair, drawn again
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        try:
            with transaction.atomic():
                LineLinkCode.objects.filter(user=user).delete()
                LineLinkCode.objects.create(user=user, code_hash=_hash(code), expires_at=expires_at)
        except IntegrityError:
            continue
        return IssuedCode(code=code, expires_at=expires_at)
    raise RuntimeError("no free link code after 5 draws")


def line_code_redeem(*, line_user_id: str, text: str) -> tuple[Redeemed, object | None]:
    """The account whose live code the LINE user sent, now linked to that LINE user; counted per LINE user."""
    if not looks_like_code(text):
        return Redeemed.UNKNOWN, None
    if wait_seconds("line_link", line_user_id, settings.CDD4_LINE_LINK_RATE):
        return Redeemed.TOO_MANY, None
    with transaction.atomic():
        found = (
            LineLinkCode.objects.select_for_update()
            .select_related("user")
            .filter(code_hash=_hash(text), expires_at__gt=timezone.now(), user__is_active=True)
            .first()
        )
        if found is None:
            return Redeemed.UNKNOWN, None
        user = found.user
        found.delete()
        _link(user=user, line_user_id=line_user_id)
    return Redeemed.LINKED, user


def _link(*, user, line_user_id: str) -> None:
    """The LINE user now reaches this account only: a link it had to another account, or one this account had
    to another LINE, is dropped and recorded so."""
    for old in LineLink.objects.select_related("user").filter(line_user_id=line_user_id).exclude(user=user):
        old.delete()
        hooks.unlinked(user=old.user, request=None)
    LineLink.objects.filter(user=user).delete()
    link = LineLink.objects.create(user=user, line_user_id=line_user_id)
    hooks.linked(user=user, request=None)
    _owner_tell(user=user, link=link)


def _owner_tell(*, user, link: LineLink) -> None:
    """The owner told of the link (SECURITY.md, "LINE"): in the inbox, and by e-mail at once whatever they chose
    for notices (notices.catalogue, `safety`), never by the LINE just linked: whoever linked it from a taken
    session is the one who must not be the only one to hear of it. Each link is a new row, so one notice."""
    notice_record(
        kind=Kind.LINE_LINKED,
        key=f"line_link:{link.pk}",
        recipients=lambda: [user] if user.is_active else [],
        params={"day": timezone.localdate(link.linked_at).isoformat()},
        link=f"{reverse('accounts:account')}#line",
    )


def line_unlink(*, user, request=None) -> bool:
    """Drops the person's link (from their page, or when LINE says they are gone); whether there was one."""
    deleted, _ = LineLink.objects.filter(user=user).delete()
    if deleted:
        hooks.unlinked(user=user, request=request)
    return bool(deleted)


def line_end(*, user, request=None) -> None:
    """The person's live link code and their link dropped, as a change that ends their other sessions ends
    them (accounts.sessions): either may have come from one of those sessions."""
    LineLinkCode.objects.filter(user=user).delete()
    line_unlink(user=user, request=request)


def line_unlink_line_user(*, line_user_id: str) -> bool:
    """The LINE user unfollowed or blocked the Official Account: whichever account they reached is unlinked."""
    link = LineLink.objects.select_related("user").filter(line_user_id=line_user_id).first()
    return link is not None and line_unlink(user=link.user)
