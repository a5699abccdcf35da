"""What the REST API shares: refusals answered in both languages, and the access gate as a permission."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from . import gate
from .errors import PortalError


def rule_permission(perm: str) -> type[BasePermission]:
    """`permission_classes = [rule_permission("app.perm")]`: the gate's answer for an API view
    (DRF then says 401 to an anonymous caller and 403 to a signed-in one)."""

    class HasRule(BasePermission):
        def has_permission(self, request, view) -> bool:
            try:
                gate.require(request, perm)
            except PermissionDenied:
                return False
            return True

    HasRule.__name__ = f"HasRule[{perm}]"
    return HasRule


def exception_handler(exc, context):
    """DRF's handler, plus PortalError answered with its own status and both languages."""
    if isinstance(exc, PortalError):
        return Response(exc.payload(), status=exc.status)
    return drf_exception_handler(exc, context)
