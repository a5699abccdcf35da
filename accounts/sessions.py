"""A session confirmed by a second factor, and what a remedy ends.

Confirming gives the session a new key: a cookie someone planted in the browser before the code is left holding
a key that no longer exists. A remedy (a password changed or reset, a second factor set up, turned off, or reset by
central staff) ends the person's other sessions, so a browser signed in before the change, perhaps with only a
stolen password, signs in again and meets the account as it now is; and it ends every other door such a session
could have opened to the account (DOORS): their LINE link and any live link code (docs/line.md), their calendar
address (docs/calendar.md) and their digital-ID links (docs/accounts.md)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.utils import timezone
from django_otp import login as otp_login

from notices.channels.line.linking import line_end

from .calendar import calendar_address_revoke
from .digital_id.links import digital_ids_end

# What a remedy ends besides the sessions, each `(user=, request=)` and recorded in the person's history: the one
# list, so that a door added later is ended by every remedy at once (tests/accounts/test_remedies.py).
DOORS = (line_end, calendar_address_revoke, digital_ids_end)


def session_confirmed(request, device) -> None:
    """The session, under a new key, now confirmed with `device` (a code, a set-up, a recovery code, a passkey)."""
    request.session.cycle_key()
    otp_login(request, device)


def sessions_and_links_end(user, *, keep: str | None = None, request=None) -> int:
    """Deletes every live session signed in as `user` except the one keyed `keep`, and ends every door of DOORS;
    returns how many sessions. The person's sessions are found by the person (PersonSession's index), so what
    this costs grows with their own sessions, never with anyone else's."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    theirs = store.get_model_class().objects.filter(user_id=user.pk, expire_date__gt=timezone.now())
    keys = list(theirs.exclude(session_key=keep or "").values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()  # the row, and its cached copy where there is one
    for door_end in DOORS:
        door_end(user=user, request=request)
    return len(keys)
