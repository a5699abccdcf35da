"""Self-service and closing accounts: an invitation accepted, an e-mail changed, an account closed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import login as auth_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from core.errors import PortalError
from core.ratelimit import wait_seconds
from notices.models import Kind
from notices.services import notice_record

from . import account_rights
from .audit import event_record
from .invitation_notices import invitation_accepted_tell
from .models import Event
from .sealed_links import EMAIL_HOURS, EMAIL_SALT, reset_state

BACKEND = "django.contrib.auth.backends.ModelBackend"


@transaction.atomic
def invitation_accept(*, request, user, form) -> None:
    """The invited person's own password (a SetPasswordForm, validated), then signed in."""
    form.save()
    invitation_accepted_tell(user=user, event=event_record(kind=Event.ACCEPTED, user=user, request=request))
    auth_login(request, user, backend=BACKEND)


def email_change_ask(*, request, new_email: str, password: str) -> None:
    """Mails the new address; nothing changes until the link in it is opened. The answer is the same for any
    address: one another account holds is told so instead of getting a link, and the page does not say which.
    The password is checked through authenticate(), so django-axes counts guesses here too; the mails are
    limited per account and per address (settings.CDD4_EMAIL_CHANGE_*_RATE), whoever asks from wherever, and
    each is a notice the outbox sends within its limits."""
    user = request.user
    password_confirm(request=request, password=password)
    new_email = new_email.strip().lower()
    _email_mails_count(user, new_email)
    holder = get_user_model().objects.filter(email__iexact=new_email).exclude(pk=user.pk).first()
    event = event_record(kind=Event.EMAIL_ASKED, user=user, request=request)
    if holder is None:
        _email_link_send(user, new_email, event)
    else:
        _email_taken_tell(holder, event)


def password_confirm(*, request, password: str) -> None:
    """The signed-in person's own password, checked through authenticate() so django-axes counts and locks guesses
    here as at sign-in; PortalError on the field "password" when it is not."""
    user = request.user
    if not password or authenticate(request, username=user.get_username(), password=password) is None:
        raise PortalError(_("wrong password"), field="password")


def _email_mails_count(user, new_email: str) -> None:
    """One more mail of this account and to this address; past either limit, the same refusal and no mail."""
    waits = (
        wait_seconds("email_change", f"account:{user.pk}", settings.CDD4_EMAIL_CHANGE_ACCOUNT_RATE),
        wait_seconds("email_change_to", new_email, settings.CDD4_EMAIL_CHANGE_ADDRESS_RATE),
    )
    if wait := max(waits):
        minutes = -(-wait // 60)
        raise PortalError(
            format_lazy(_("too many confirmation mails: wait {minutes} minutes and try again"), minutes=minutes),
            field="email",
            status=429,
        )


def _email_link_send(user, new_email: str, event) -> None:
    """The link to the new address, made as it is sent (accounts.sealed_links): a sealed notice to the account, which
    the outbox sends to that address alone, at once within the account's hourly limit."""
    notice_record(
        kind=Kind.EMAIL_CONFIRM,
        key=f"email_confirm:{event.pk}",
        recipients=lambda: [user],
        params={"username": user.get_username(), "address": new_email, "old_address": user.email, "hours": EMAIL_HOURS},
        link=f"{reverse('accounts:account')}#email-change",
    )


def _email_taken_tell(holder, event) -> None:
    """The holder of an address another account asked for: told, in the daily digest, and nothing changes."""
    notice_record(
        kind=Kind.ADDRESS_ASKED,
        key=f"address_asked:{holder.pk}:{event.pk}",
        recipients=lambda: [holder] if holder.is_active else [],
        params={"username": holder.get_username()},
        link=reverse("accounts:account"),
    )


def password_reset_tell(*, user, event) -> None:
    """A reset link for the account (its RESET_ASKED record `event`): a sealed notice, sent at once by e-mail
    within the hour's limit, its link made as it is sent, for the account as it is now (accounts.sealed_links)."""
    notice_record(
        kind=Kind.PASSWORD_RESET,
        key=f"password_reset:{event.pk}",
        recipients=lambda: [user] if user.is_active else [],
        params={
            "username": user.get_username(),
            "state": reset_state(user),
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
        link=reverse("accounts:account"),
    )


def email_change_confirm(*, request, token: str):
    """Applies a change from its link, once: a link for an address the account no longer has, or to an address
    another account took meanwhile, is refused."""
    try:
        pk, old, new = signing.loads(token, salt=EMAIL_SALT, max_age=timedelta(hours=EMAIL_HOURS))
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise PortalError(_("the link is wrong or has expired")) from exc
    user = get_user_model().objects.filter(pk=pk, is_active=True, email=old).first()
    if user is None or get_user_model().objects.filter(email__iexact=new).exclude(pk=pk).exists():
        raise PortalError(_("this link was used already or has expired"))
    user.email = new
    user.save(update_fields=["email"])
    event_record(kind=Event.EMAIL_CHANGED, user=user, request=request)
    return user


def closing_allowed(*, by, user) -> bool:
    """Whether `by` may close or reopen `user`'s account: what the lock lets them manage, never their own."""
    return user.pk != by.pk and account_rights.manages_account(actor_of(by), user)  # the lock reads both accounts


def account_deactivate(*, by, user, request=None) -> None:
    """Closes an account: it can no longer sign in, and everything it wrote keeps its author (never deleted)."""
    if not closing_allowed(by=by, user=user):
        raise PermissionDenied
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        event_record(kind=Event.DEACTIVATED, user=user, by=by, request=request)


def account_reactivate(*, by, user, request=None) -> None:
    """Reopens a closed account: it signs in again with its own password; one that never set any is sent the
    list's "invite again". Nobody sets a password for it here."""
    if not closing_allowed(by=by, user=user):
        raise PermissionDenied
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        event_record(kind=Event.REACTIVATED, user=user, by=by, request=request)
