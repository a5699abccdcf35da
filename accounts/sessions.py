"""A session confirmed by a second factor, and what ends when a password or a second factor changes.

Confirming gives the session a new key: a cookie someone planted in the browser before the code is left holding
a key that no longer exists. A password changed or reset, or a second factor set up or removed, ends the person's
other sessions, so a browser signed in before the change, perhaps with only a stolen password, signs in again and
meets the account as it now is; and it drops what such a session could have made to read the account from outside
it: their LINE link and any live link code (docs/line.md), and their calendar address (docs/calendar.md)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone
from django_otp import login as otp_login

from notices.channels.line.linking import line_end

from .calendar import calendar_address_revoke


def session_confirmed(request, device) -> None:
    """The session, under a new key, now confirmed with `device` (a code, a set-up, a recovery code, a passkey)."""
    request.session.cycle_key()
    otp_login(request, device)


def sessions_and_links_end(user, *, keep: str | None = None, request=None) -> int:
    """Deletes every live session signed in as `user` except the one keyed `keep`, the person's LINE link and live
    link code, and their calendar address (each recorded in their history); returns how many sessions.

    Sessions are not indexed by person, so each live one is read: this runs only when a password or factor
    changes."""
    store = import_module(settings.SESSION_ENGINE).SessionStore  # the database's, or cached_db's
    live = store.get_model_class().objects.filter(expire_date__gt=timezone.now()).exclude(session_key=keep or "")
    theirs = [row.session_key for row in live.iterator() if row.get_decoded().get(SESSION_KEY) == str(user.pk)]
    for key in theirs:
        store(session_key=key).delete()  # the row, and its cached copy where there is one
    line_end(user=user, request=request)
    calendar_address_revoke(user=user, request=request)
    return len(theirs)
