"""API tokens for scripts (browsers use the session): django-rest-knox, stored as SHA-512 digests.

Central staff create them in the admin (`ApiTokenAdmin`); each acts as one user and so carries
exactly that user's role and office scope. Deleting the row revokes the token at once.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication
from rest_framework import exceptions

from contests.actor import actor_of


class RoleTokenAuthentication(TokenAuthentication):
    """A knox token whose user still holds a role; a user without one (or inactive) gets no access."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        if not actor_of(user).in_portal():
            raise exceptions.AuthenticationFailed(_("this token's user has no role"))
        return user, token


class RoleTokenScheme(KnoxTokenScheme):
    target_class = "cdd4.tokens.RoleTokenAuthentication"  # an import path, as drf-spectacular's own schemes name theirs
    name = "apiToken"


def token_user(request):
    """The user of a valid, unexpired `Authorization: Token …` header whose user holds a role; None for
    no header or any other. From the headers alone: nothing of the body is read."""
    try:
        found = RoleTokenAuthentication().authenticate(request)
    except exceptions.AuthenticationFailed:
        return None
    return found[0] if found else None


@require_GET
def upload_gate(request):
    """nginx's auth_request for the upload locations (deploy/nginx.conf): 204 for a session or a valid
    API token, 401 otherwise, from the headers alone, so nginx never buffers an anonymous body.
    The view that takes the upload then checks the role and office itself before reading the body."""
    signed_in = request.user.is_authenticated or token_user(request) is not None
    return HttpResponse(status=204 if signed_in else 401)
