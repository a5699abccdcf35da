"""Whoever set up a second factor confirms it after the password, before any other page (issue #41)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from core.api import database_unavailable

from .audit import SECOND_FACTOR_SET

OPEN_PATHS = (
    "/accounts/second-factor/",
    "/accounts/passkey/",
    "/accounts/logout/",
    "/static/",
    "/i18n/",
    "/healthz",
    "/readyz",
)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:  # the session and the device are this request's first queries
            asks = self._asks(request)
        except (OperationalError, InterfaceError) as error:
            return database_unavailable(request, error)
        if asks:
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "ยืนยันตัวตนขั้นที่สองในหน้าเว็บก่อน / confirm your second factor in the portal first"},
                    status=403,
                )
            query = urlencode({"next": request.get_full_path() if request.method == "GET" else "/"})
            return redirect(f"{reverse('accounts:second_factor')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _asks(request) -> bool:
        session = getattr(request, "session", None)
        if session is None or not session.get(SECOND_FACTOR_SET) or request.path.startswith(OPEN_PATHS):
            return False
        user = request.user
        return user.is_authenticated and not user.is_verified()
