"""What the REST API shares: refusals answered in both languages, and the access gate as a permission."""

from __future__ import annotations

from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import PortalError


def exception_handler(exc, context):
    """DRF's handler, plus PortalError answered with its own status and both languages."""
    if isinstance(exc, PortalError):
        return Response(exc.payload(), status=exc.status)
    return drf_exception_handler(exc, context)
