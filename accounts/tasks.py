"""Invitations go out after the accounts are committed, from the worker (a sheet may hold a thousand): each is a
notice, sent by the outbox (accounts.invitations). Expired sessions are removed every hour (the beat job)."""

from __future__ import annotations

from importlib import import_module

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from .invitations import invitation_send, pending


@shared_task(name="accounts.invite")
def invite(user_ids: list[int], by_id: int | None = None) -> int:
    """Idempotent enough to run twice: an account that has set its password is not invited again."""
    users = get_user_model().objects.in_bulk([*user_ids, *([by_id] if by_id else [])])
    by = users.get(by_id) if by_id else None
    sent = 0
    for pk in user_ids:
        user = users.get(pk)
        if user is not None and user.email and pending(user):
            invitation_send(user=user, by=by)
            sent += 1
    return sent


def invitations_queue(*, user_ids: list[int], by_id: int | None) -> None:
    if user_ids:
        transaction.on_commit(lambda: invite.delay(list(user_ids), by_id))


@shared_task(name="accounts.sessions_clear")
def sessions_clear() -> None:
    """Every session past its expiry removed (the engine's own clear_expired, as `manage.py clearsessions`):
    idempotent, and what a signed-out visitor left is gone within the hour after it expired."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
