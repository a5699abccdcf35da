"""The owner told when a LINE is linked to their account (SECURITY.md, "LINE"): in the inbox, and by e-mail at once
whatever they chose for notices (notices.catalogue, `safety`), never by the LINE just linked: whoever linked it
from a taken session is the one who must not be the only one to hear of it."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from notices.models import Kind
from notices.services import notice_record

from .models import AccountEvent


def line_linked_tell(*, user, event: AccountEvent) -> None:
    """`event`: the LINE_LINKED record of `user`, whose id makes each link one notice."""
    notice_record(
        kind=Kind.LINE_LINKED,
        key=f"line_linked:{event.pk}",
        recipients=lambda: [user] if user.is_active else [],
        params={"day": timezone.localdate(event.at).isoformat()},
        link=f"{reverse('accounts:account')}#line",
    )
