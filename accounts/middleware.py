"""Whoever set up a second factor confirms it after the password, before any other page.

The session says whether its person has one (SECOND_FACTOR_SET, set at sign-in and wherever a factor is set up or
removed); setting one up or removing it ends the person's other sessions (accounts.sessions), so no session
signed in before the change goes on unasked."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.api import database_unavailable
from core.interrupted import interrupted_next, small

from .audit import SECOND_FACTOR_SET, has_second_factor

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
        self.csrf = CsrfViewMiddleware(get_response)  # runs after this one: asked here before a form is kept

    def __call__(self, request):
        try:  # the session and the device are this request's first queries
            asks = self._asks(request)
        except (OperationalError, InterfaceError) as error:
            return database_unavailable(request, error)
        if asks:
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": _("confirm your second factor in the portal first")},
                    status=403,
                )
            if request.method == "POST" and small(request):  # a form is kept only if Django's CSRF check passes it
                self.csrf.process_view(request, None, (), {})
            query = urlencode({"next": interrupted_next(request)})
            return redirect(f"{reverse('accounts:second_factor')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _asks(request) -> bool:
        session = getattr(request, "session", None)
        if session is None or session.get(SECOND_FACTOR_SET) is False or request.path.startswith(OPEN_PATHS):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if SECOND_FACTOR_SET not in session:  # signed in without the sign-in signal: the devices say, once
            session[SECOND_FACTOR_SET] = has_second_factor(user)
        return session[SECOND_FACTOR_SET]
