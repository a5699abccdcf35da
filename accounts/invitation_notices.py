"""Notices about an invitation, for whoever provisioned the account: the invited person has no password yet and
reads nothing in the portal, so the inviter hears that the invitation went out and, later, that it was accepted.
Told only while the inviter may still manage the account (the lock: accounts.account_rights)."""

from __future__ import annotations

from django.urls import reverse

from contests.actor import actor_of
from notices.models import Kind
from notices.services import notice_record

from . import account_rights
from .models import AccountEvent, Event


def _inviter_told(*, kind: Kind, user, by, key: str) -> None:
    def told() -> list:
        return (
            [by] if by is not None and by.pk != user.pk and account_rights.manages_account(actor_of(by), user) else []
        )

    notice_record(
        kind=kind,
        key=key,
        recipients=told,
        params={"name": user.get_full_name() or user.get_username(), "username": user.get_username()},
        link=reverse("accounts:provision"),
    )


def invitation_sent_tell(*, event: AccountEvent) -> None:
    """`event`: the INVITED record, whose id makes each invitation (and each invitation again) one notice."""
    _inviter_told(kind=Kind.ACCOUNT_INVITED, user=event.user, by=event.by, key=f"invited:{event.pk}")


def invitation_accepted_tell(*, user, event: AccountEvent) -> None:
    """`event`: the ACCEPTED record; told to whoever sent the latest invitation."""
    invited = AccountEvent.objects.filter(user=user, kind=Event.INVITED).select_related("by").order_by("-pk").first()
    by = invited.by if invited is not None else None
    _inviter_told(kind=Kind.INVITATION_ACCEPTED, user=user, by=by, key=f"accepted:{event.pk}")
