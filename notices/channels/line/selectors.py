"""What the LINE box of "บัญชีของฉัน" reads."""

from __future__ import annotations

from django.utils import timezone

from .models import LineLink, LineLinkCode


def line_link_of(user) -> LineLink | None:
    return LineLink.objects.filter(user=user).first()


def line_code_waiting(user) -> bool:
    """A link code of the person's is live: shown, not yet sent to the Official Account, not expired."""
    return LineLinkCode.objects.filter(user=user, expires_at__gt=timezone.now()).exists()
