"""The one access gate every page and API view goes through (as healthchecks' _get_rw_check_for_user).

The acts are declared in each app's permissions.py (core.acts, django-rules); the gate decides how a
refusal is answered, the same way everywhere:
- not signed in: a page sends the person to the login page (GateMiddleware), the API answers 401;
- an object the user may not see (another province, a conflicted province): 404, so nothing leaks;
- an action the user may not take: 403;
- an act declared to need a second factor, asked by a request that changes something (not GET/HEAD), by
  someone who has not confirmed one in this session: the page that asks for the code (SecondFactorRequired);
  a page whose form sends a file to such an act asks the code before the form (`factor_first`).
"""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from core import acts
from core.acts import SecondFactorRequired

from .interrupted import interrupted_next

T = TypeVar("T")


class SignInRequired(PermissionDenied):
    """Anonymous: a 403 wherever GateMiddleware is not in the way, the login page where it is."""


def signed_in(request) -> None:
    """Anonymous: SignInRequired (the login page, or 401 in the API)."""
    if not request.user.is_authenticated:
        raise SignInRequired


def require(request, perm: str, obj=None) -> None:
    """An action: 403 unless the user has `perm` (on `obj`, when the rule is about one); then, on a request
    that changes something, the act's second factor."""
    signed_in(request)
    if not acts.allowed(request.user, perm, obj):
        raise PermissionDenied
    _step_up(request, perm)


def require_first(request, *perms: str) -> str:
    """An action done under the first of `perms` the user has (each asked once, in order, until one is allowed):
    that act, its second factor then asked as `require` asks it; 403 when none."""
    signed_in(request)
    for perm in perms:
        if acts.allowed(request.user, perm):
            _step_up(request, perm)
            return perm
    raise PermissionDenied


def public(request, perm: str) -> None:
    """A page open to whoever the rule lets in, signed in or not (anonymous included): 403 otherwise."""
    if not request.user.has_perm(perm):
        raise PermissionDenied


def visible(request, perm: str, obj: T) -> T:
    """An object: 404 unless the user may see it; returns it, so `x = visible(request, perm, get(...))`."""
    signed_in(request)
    if not acts.allowed(request.user, perm, obj):
        raise Http404
    _step_up(request, perm)
    return obj


def factor_first(request, perm: str) -> str:
    """A page whose form sends a file (a letter) to an act that asks a second factor: the address of the code's
    page, coming back here, while this session has confirmed none; "" once it has. A file is never kept across the
    code's page (core.interrupted), so the code is asked before the form is filled and nothing typed or attached
    is lost after it."""
    act = acts.ACTS.get(perm)
    if act is None or not act.second_factor or not acts.second_factor_due(request.user):
        return ""
    return f"{reverse(settings.SECOND_FACTOR_URL)}?{urlencode({'next': request.get_full_path()})}"


def _step_up(request, perm: str) -> None:
    """A page is shown without the factor (it asks nothing of it); the request that does the act steps up."""
    if request.method not in ("GET", "HEAD", "OPTIONS") and perm in acts.ACTS:
        acts.step_up(request.user, perm)


class GateMiddleware:
    """Turns SignInRequired into the login page, keeping the address to come back to, and SecondFactorRequired
    into the code's page: a page asked for is shown after it, a form sent is kept and sent again after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        if isinstance(exception, SecondFactorRequired):
            return redirect(f"{reverse(settings.SECOND_FACTOR_URL)}?{urlencode({'next': interrupted_next(request)})}")
        return None
