"""A second factor: a TOTP app, with ten recovery codes for a lost phone (django-otp's devices).

Set up by anyone from their own page; required of central staff and organisers before the decisions the lock
guards (core.acts.step_up). A code confirmed here marks the session, under a new key (accounts.sessions). New
recovery codes and a new passkey ask for a current code, as turning the factor off does: a confirmed session alone,
left open or taken, changes none of them.
"""

from __future__ import annotations

from base64 import b32encode
from datetime import timedelta
from math import ceil

import segno
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.errors import PortalError
from core.thai import thai_digits

from .audit import SECOND_FACTOR_SET, event_record, has_second_factor
from .models import Event
from .passkeys import ADD_ALLOWED, ADD_LEAVE, passkeys_remove
from .services import closing_allowed, password_confirm
from .sessions import session_confirmed, sessions_and_links_end

RECOVERY_CODES = 10
PENDING = "accounts.totp_pending"  # session: the set-up key this session was shown (a device's id)
PENDING_FOR = timedelta(minutes=10)
APP, RECOVERY = gettext_lazy("authenticator app"), gettext_lazy("recovery codes")
WRONG = PortalError(gettext_lazy("wrong or expired code: try the newest code from the app"))


def totp_pending(*, request, again: bool = False) -> TOTPDevice:
    """The key shown to set the app up: a new one for each showing, bound to the session that saw it and
    confirmable for PENDING_FOR (totp_confirm). `again` shows this session's key once more after a mistyped
    code, while it lasts. Each showing is recorded: whoever has only the password learns a key that dies."""
    user = request.user
    if again and (device := _pending_of(request).first()) is not None:
        return device
    _pending_stale(request).delete()
    device = TOTPDevice.objects.create(user=user, name=APP, confirmed=False)
    request.session[PENDING] = device.pk
    event_record(kind=Event.KEY_SHOWN, user=user, request=request)
    return device


def pending_remove(user) -> None:
    """Every key shown and not confirmed: a new password also voids what the old one let someone see."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()


def totp_qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1b1b1b")


def totp_secret(device: TOTPDevice) -> str:
    """The key as the app types it (base32, in groups of four) for those who cannot scan."""

    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def totp_confirm(*, request, token: str) -> list[str]:
    """The first code from the app, for the key this session was shown: the device is confirmed (every other
    key of the person removed), the session verified under a new key, recovery codes made, the person's other
    sessions and LINE link ended. A wrong code is recorded as any wrong code is (FACTOR_FAILED)."""
    user = request.user
    with transaction.atomic():
        device = _pending_of(request).select_for_update().first()
        if device is not None and device.verify_token(_digits(token)):
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _recovery_codes_make(user)
        else:
            device = None
    if device is None:
        event_record(kind=Event.FACTOR_FAILED, user=user, request=request)
        raise WRONG
    session_confirmed(request, device)
    request.session.pop(PENDING, None)
    request.session[SECOND_FACTOR_SET] = True
    sessions_and_links_end(user, keep=request.session.session_key, request=request)
    event_record(kind=Event.FACTOR_ADDED, user=user, request=request)
    return codes


def second_factor_verify(*, request, token: str) -> None:
    """A code from the app or one recovery code (used once): the session is verified under a new key, or WRONG."""
    user = request.user
    token = token.strip().replace(" ", "")
    with transaction.atomic():
        apps = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True))
        checks = [device.verify_is_allowed() for device in apps]
        held = [data["locked_until"] for allowed, data in checks if not allowed]
        for device in apps:
            if device.verify_token(_digits(token)):
                session_confirmed(request, device)
                event_record(kind=Event.FACTOR_OK, user=user, request=request)
                return
        for device in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(token.lower()):
                session_confirmed(request, device)
                event_record(kind=Event.RECOVERY_USED, user=user, request=request)
                return
    event_record(kind=Event.FACTOR_FAILED, user=user, request=request)
    if held:  # django-otp doubles the wait after each wrong code: say how long, not "wrong" to a right one
        wait = max(1, ceil((max(held) - timezone.now()).total_seconds()))
        raise PortalError(
            f"ใส่รหัสผิดหลายครั้ง รอ {thai_digits(str(wait))} วินาทีแล้วพิมพ์รหัสล่าสุดจากแอปอีกครั้ง",
            f"too many wrong codes: wait {wait} seconds, then type the newest code from the app",
            status=429,
        )
    raise WRONG


def second_factor_remove(*, request, token: str) -> None:
    """Turned off with a current code: a stolen session alone cannot take it away."""
    second_factor_verify(request=request, token=token)
    user = request.user
    factors_remove(user)
    request.session[SECOND_FACTOR_SET] = False
    sessions_and_links_end(user, keep=request.session.session_key, request=request)
    event_record(kind=Event.FACTOR_REMOVED, user=user, request=request)


def second_factor_reset(*, by, user, request=None) -> None:
    """Central staff turn off another person's factor (phone and codes lost), as the lock lets them close that
    account (a superuser's only a superuser): every session of theirs ends, their LINE link too, and it is
    recorded with who."""
    if not closing_allowed(by=by, user=user):
        raise PermissionDenied
    factors_remove(user)
    sessions_and_links_end(user, request=request)
    event_record(kind=Event.FACTOR_REMOVED, user=user, by=by, request=request)


def factors_remove(user) -> None:
    """The app, its recovery codes and every passkey: a second factor is on or off as a whole."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    passkeys_remove(user)


def identity_confirm(*, request, password: str = "", token: str = "") -> None:
    """Asked again of whoever holds the session before an act a taken session must not do alone (a LINE link
    code): a current code where the person has a second factor and typed one, else their password. Each wrong
    answer is counted and recorded as at sign-in or at the code's page."""
    if token and has_second_factor(request.user):
        second_factor_verify(request=request, token=token)
    else:
        password_confirm(request=request, password=password)


def recovery_codes_renew(*, request, token: str) -> list[str]:
    """New codes for a current code (the app's or a recovery code); the old ones stop working."""
    second_factor_verify(request=request, token=token)
    codes = _recovery_codes_make(request.user)
    event_record(kind=Event.CODES_MADE, user=request.user, request=request)
    return codes


def passkey_add_allow(*, request, token: str) -> None:
    """A current code lets this session add one passkey within passkeys.ADD_LEAVE (accounts.passkeys)."""
    second_factor_verify(request=request, token=token)
    request.session[ADD_ALLOWED] = (timezone.now() + ADD_LEAVE).isoformat()


def recovery_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _recovery_codes_make(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _pending_of(request):
    """The key this session was shown, while it may still be confirmed."""
    fresh = TOTPDevice.objects.filter(created_at__gt=timezone.now() - PENDING_FOR)
    return fresh.filter(user=request.user, confirmed=False, pk=request.session.get(PENDING))


def _pending_stale(request):
    """Keys nobody may confirm any more, and the one this session was shown before (replaced)."""
    old = Q(created_at__lte=timezone.now() - PENDING_FOR) | Q(created_at__isnull=True)
    return TOTPDevice.objects.filter(old | Q(pk=request.session.get(PENDING)), user=request.user, confirmed=False)


def _digits(token: str) -> str:
    """Thai digits typed on a phone count as the same code."""
    return token.strip().replace(" ", "").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
