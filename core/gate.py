"""The one access gate every page and API view goes through (as healthchecks' _get_rw_check_for_user).

The permission names and their predicates stay in each app's permissions.py (django-rules); the gate
only decides how a refusal is answered, the same way everywhere:
- not signed in: a page sends the person to the login page (GateMiddleware), the API answers 401;
- an object the user may not see (another province, a conflicted province): 404, so nothing leaks;
- an action the user may not take: 403.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

T = TypeVar("T")


class SignInRequired(PermissionDenied):
    """Anonymous: a 403 wherever GateMiddleware is not in the way, the login page where it is."""


def signed_in(request) -> None:
    """Anonymous: SignInRequired (the login page, or 401 in the API)."""
    if not request.user.is_authenticated:
        raise SignInRequired


def require(request, perm: str, obj=None) -> None:
    """An action: 403 unless the user has `perm` (on `obj`, when the rule is about one)."""
    signed_in(request)
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def public(request, perm: str) -> None:
    """A page open to whoever the rule lets in, signed in or not (anonymous included): 403 otherwise."""
    if not request.user.has_perm(perm):
        raise PermissionDenied


def visible(request, perm: str, obj: T) -> T:
    """An object: 404 unless the user may see it; returns it, so `x = visible(request, perm, get(...))`."""
    signed_in(request)
    if not request.user.has_perm(perm, obj):
        raise Http404
    return obj


class GateMiddleware:
    """Turns SignInRequired into the login page, keeping the address to come back to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        return None
