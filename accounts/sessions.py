"""Ending a person's other sessions when their second factor is set up or removed: a browser signed in before
the change, perhaps with only a stolen password, signs in again and meets the factor as it now is."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone


def sessions_end(user, *, keep: str | None = None) -> int:
    """Deletes every live session signed in as `user` except the one keyed `keep`; returns how many.

    Sessions are not indexed by person, so each live one is read: this runs only when a factor changes."""
    store = import_module(settings.SESSION_ENGINE).SessionStore  # the database's, or cached_db's
    live = store.get_model_class().objects.filter(expire_date__gt=timezone.now()).exclude(session_key=keep or "")
    theirs = [row.session_key for row in live.iterator() if row.get_decoded().get(SESSION_KEY) == str(user.pk)]
    for key in theirs:
        store(session_key=key).delete()  # the row, and its cached copy where there is one
    return len(theirs)
