"""A second factor (issue #41): a TOTP app, with ten recovery codes for a lost phone (django-otp's devices).

Set up by anyone from their own page; required of central staff and organisers before the decisions the lock
guards (core.acts.step_up). A code confirmed here marks the session (django_otp.login).
"""

from __future__ import annotations

from base64 import b32encode
from math import ceil

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.errors import PortalError
from core.thai import thai_digits

from .audit import SECOND_FACTOR_SET, event_record
from .models import Event
from .passkeys import passkeys_remove

RECOVERY_CODES = 10
APP, RECOVERY = "แอปยืนยันตัวตน / authenticator app", "รหัสสำรอง / recovery codes"
WRONG = PortalError(
    "รหัสไม่ถูกต้องหรือหมดเวลา ลองรหัสล่าสุดจากแอปอีกครั้ง", "wrong or expired code: try the newest code from the app"
)


def totp_pending(user) -> TOTPDevice:
    """The app being set up: one unconfirmed device per person, kept until confirmed or replaced."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def totp_qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1b1b1b")


def totp_secret(device: TOTPDevice) -> str:
    """The key as the app types it (base32, in groups of four) for those who cannot scan."""

    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def totp_confirm(*, request, token: str) -> list[str]:
    """The first code from the app: the device is confirmed, the session verified, recovery codes made."""
    user = request.user
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(_digits(token)):
        raise WRONG
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _recovery_codes_make(user)
    otp_login(request, device)
    request.session[SECOND_FACTOR_SET] = True
    event_record(kind=Event.FACTOR_ADDED, user=user, request=request)
    return codes


def second_factor_verify(*, request, token: str) -> None:
    """A code from the app or one recovery code (used once): the session is verified, or WRONG."""
    user = request.user
    token = token.strip().replace(" ", "")
    with transaction.atomic():
        apps = list(TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True))
        checks = [device.verify_is_allowed() for device in apps]
        held = [data["locked_until"] for allowed, data in checks if not allowed]
        for device in apps:
            if device.verify_token(_digits(token)):
                otp_login(request, device)
                event_record(kind=Event.FACTOR_OK, user=user, request=request)
                return
        for device in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(token.lower()):
                otp_login(request, device)
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
    event_record(kind=Event.FACTOR_REMOVED, user=user, request=request)


def factors_remove(user) -> None:
    """The app, its recovery codes and every passkey: a second factor is on or off as a whole."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    passkeys_remove(user)


def recovery_codes_renew(*, request) -> list[str]:
    """New codes in a verified session; the old ones stop working."""
    if not request.user.is_verified():
        raise PortalError("ยืนยันรหัสจากแอปก่อน", "confirm a code from the app first", status=403)
    codes = _recovery_codes_make(request.user)
    event_record(kind=Event.CODES_MADE, user=request.user, request=request)
    return codes


def recovery_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _recovery_codes_make(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _digits(token: str) -> str:
    """Thai digits typed on a phone count as the same code."""
    return token.strip().replace(" ", "").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
