"""The sign-in audit: one row per sign-in, failure, reset, invitation and second-factor change, with who, when and
from which address. Central staff read every row in the admin; each person their own on their page."""

from __future__ import annotations

from axes.helpers import get_client_ip_address, get_client_username
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AccountEvent, Event

SECOND_FACTOR_SET = "accounts.second_factor_set"  # session: this person set one up (accounts.middleware)


def event_record(*, kind: Event, user=None, request=None, username: str = "", by=None) -> AccountEvent:
    address = (get_client_ip_address(request) or None) if request is not None else None
    agent = request.headers.get("User-Agent", "")[:200] if request is not None else ""
    if user is not None and not username:
        username = user.get_username()
    return AccountEvent.objects.create(
        user=user, username=username[:150], kind=kind, address=address, agent=agent, by=by
    )


def line_linked_record(*, user, request=None) -> None:
    event_record(kind=Event.LINE_LINKED, user=user, request=request)


def line_unlinked_record(*, user, request=None) -> None:
    event_record(kind=Event.LINE_UNLINKED, user=user, request=request)


def has_second_factor(user) -> bool:
    return user.totpdevice_set.filter(confirmed=True).exists()


@receiver(user_logged_in, dispatch_uid="accounts.signed_in")
def _signed_in(sender, request, user, **kwargs) -> None:
    if request is None:  # a test client's force_login outside a request
        return
    request.session[SECOND_FACTOR_SET] = has_second_factor(user)
    # A digital ID's sign-in says so on the request (accounts.digital_id.services); a password's is the rest.
    event_record(kind=getattr(request, "signed_in_with", Event.SIGN_IN), user=user, request=request)


@receiver(user_logged_out, dispatch_uid="accounts.signed_out")
def _signed_out(sender, request, user, **kwargs) -> None:
    if user is not None and request is not None:
        event_record(kind=Event.SIGN_OUT, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="accounts.failed")
def _failed(sender, credentials, request=None, **kwargs) -> None:
    typed = str(credentials.get("username", ""))[:150]
    event_record(kind=Event.FAILURE, user=_counted_account(request, credentials), request=request, username=typed)


def _counted_account(request, credentials):
    """The account axes counts this failure against: its username compared as axes keys it (AXES_USERNAME_CALLABLE,
    NFKC and case-folded), so "ＣＨＯＮＢＵＲＩ" is linked to `chonburi` as it is counted there."""
    key = get_client_username(request, credentials)
    if not key:
        return None
    candidates = get_user_model().objects.filter(username__iexact=key)
    return next((u for u in candidates if get_client_username(None, {"username": u.username}) == key), None)
