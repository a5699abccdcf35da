"""Password guessing: django-axes counts failures on every path that checks a password.

A lock falls on one (username, client address) pair, never on an account for everyone and never on an
address for everyone behind it: 5 wrong passwords for `phuket` from one address lock `phuket` there
only. An address that fails very often across usernames is slowed (one attempt per few seconds), not
locked. The username is compared NFKC-normalised and case-folded, so `ｐｈｕｋｅｔ` is `phuket`; the
client address comes from the trusted proxy's header only (CDD4_CLIENT_IP_HEADER, CDD4_TRUSTED_PROXIES).
The counts live in the database (axes' database handler): a Redis restart does not open or block logins.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import unicodedata
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

logger = logging.getLogger(__name__)

LOCKED_TH = "เข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอ {minutes} นาทีแล้วลองใหม่"
LOCKED_EN = "Too many failed logins; please wait {minutes} minutes and try again."
SLOWED_TH = "มีการเข้าสู่ระบบผิดจากเครือข่ายนี้จำนวนมาก กรุณารอ {seconds} วินาทีแล้วลองใหม่"
SLOWED_EN = "Many failed logins from this network; please wait {seconds} seconds and try again."


def normalise_username(username: str | None) -> str:
    return unicodedata.normalize("NFKC", username or "").strip().casefold()


def axes_username(request, credentials: dict | None) -> str:
    """AXES_USERNAME_CALLABLE: the key axes counts under (and stores) for this attempt."""
    field = settings.AXES_USERNAME_FORM_FIELD
    raw = (credentials or {}).get(field)
    if raw is None and request is not None:
        raw = getattr(request, "data", request.POST).get(field)
    return normalise_username(raw)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.CDD4_TRUSTED_PROXIES)


def client_ip(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: the peer's address, or the proxy's header when the peer is our proxy.

    A header from anyone else is the client's own claim and is ignored. With X-Forwarded-For the
    right-most entry is the one our proxy wrote.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    header = settings.CDD4_CLIENT_IP_HEADER
    if not header or not _trusted(peer):
        return peer
    claimed = request.META.get(header, "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(claimed))
    except ValueError:
        return peer


def address_wait(address: str) -> int:
    """Seconds this address must still wait before its next attempt: 0 below the slow-down threshold."""
    since = timezone.now() - timedelta(seconds=settings.CDD4_LOGIN_LOCKOUT_SECONDS)
    recent = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    excess = (recent["failures"] or 0) - settings.CDD4_LOGIN_ADDRESS_SLOW_AFTER
    if excess < 0:
        return 0
    gap = min(settings.CDD4_LOGIN_ADDRESS_DELAY_MAX, excess + 1)
    left = (recent["last"] + timedelta(seconds=gap) - timezone.now()).total_seconds()
    return max(0, math.ceil(left))


class PortalAxesBackend(AxesStandaloneBackend):
    """axes' lock per (username, address), plus the slow-down per address, before any password is checked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            # In-process callers only (the test client's login(), a shell): no HTTP client to count.
            # Every HTTP path passes its request (tests/cdd4/test_login_throttle.py covers each).
            return None
        if settings.AXES_ENABLED:
            wait = address_wait(get_client_ip_address(request))
            if wait:
                # Not counted against the username (whitelisted below): the address is slowed, not the account.
                request.cdd4_slowed = wait
                logger.warning("login slowed for %ss: many failures from one address", wait)
                raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


def slowed_not_counted(request, credentials) -> bool:
    """AXES_WHITELIST_CALLABLE: an attempt refused by the slow-down is not a failure of that username."""
    return bool(getattr(request, "cdd4_slowed", 0))


class _RefusedLogin(AuthenticationForm):
    """The login form as refused: the username kept, the reason as its one error, no password checked."""

    def __init__(self, request, message: str):
        self.message = message
        super().__init__(request, data={"username": request.POST.get("username", ""), "password": "-"})

    def clean(self):
        raise ValidationError(self.message)


def _login_page(request, message: str, status: int):
    form = _RefusedLogin(request, message)
    form.is_valid()
    return render(request, "registration/login.html", {"form": form}, status=status)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page again, with the reason in Thai first, as 429."""
    minutes = settings.CDD4_LOGIN_LOCKOUT_SECONDS // 60
    message = f"{LOCKED_TH.format(minutes=minutes)} / {LOCKED_EN.format(minutes=minutes)}"
    response = _login_page(request, message, 429)
    response["Retry-After"] = str(settings.CDD4_LOGIN_LOCKOUT_SECONDS)
    return response


class SlowedLoginMiddleware:
    """Turns a login refused by the address slow-down into a 429 with Retry-After and the reason."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        wait = getattr(request, "cdd4_slowed", 0)
        if not wait or getattr(request, "axes_locked_out", False):
            return response
        response = _login_page(request, f"{SLOWED_TH.format(seconds=wait)} / {SLOWED_EN.format(seconds=wait)}", 429)
        response["Retry-After"] = str(wait)
        return response
