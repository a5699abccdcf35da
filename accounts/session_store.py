"""The portal's session engine (settings.SESSION_ENGINE): Django's database sessions, each row keeping the person it
is signed in as (accounts.models.PersonSession, indexed), as Django's documentation extends a database-backed engine.
A remedy reads the person's own rows (accounts.sessions), and the beat job `accounts.sessions_clear` removes the
expired ones."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore


class SessionStore(DatabaseStore):
    @classmethod
    def get_model_class(cls):
        from .models import PersonSession  # the engine is imported before the apps are ready

        return PersonSession

    def create_model_instance(self, data):
        row = super().create_model_instance(data)
        try:
            row.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            row.user_id = None
        return row
