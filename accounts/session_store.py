"""The portal's session engine (settings.SESSION_ENGINE): Django's database sessions, each row keeping the person it
is signed in as (PersonSession, indexed), as Django's documentation extends a database-backed engine. A remedy reads
the person's own rows (accounts.sessions), and the beat job `accounts.sessions_clear` removes the expired ones. The
model lives here with its store, and accounts.models names it."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonSession(AbstractBaseSession):
    """A session row with the person it is signed in as: a remedy finds the person's own sessions by this index, at
    a cost that does not grow with anyone else's."""

    user_id: models.IntegerField = models.IntegerField(null=True, db_index=True)

    class Meta:
        app_label = "accounts"
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls):
        return SessionStore


class SessionStore(DatabaseStore):
    @classmethod
    def get_model_class(cls):
        return PersonSession

    def create_model_instance(self, data):
        row = super().create_model_instance(data)
        try:
            row.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            row.user_id = None
        return row
