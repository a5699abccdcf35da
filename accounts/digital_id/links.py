"""A person's digital-ID links as their owner hears of them, and as a remedy ends them: the two writes that other
parts of accounts reach (accounts.sessions) without the provider's flow."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from notices.models import Kind
from notices.services import notice_record

from ..audit import event_record
from ..models import DigitalIdentity, Event
from .providers import NAMES


def owner_tell(*, user, kind: Kind, event, provider_key: str) -> None:
    """The owner told at once, whatever they chose (a safety notice), and in the inbox: whoever linked or unlinked
    it from a taken session must not be the only one to know."""
    notice_record(
        kind=kind,
        key=f"{kind}:{event.pk}",
        recipients=lambda: [user] if user.is_active else [],
        params={"provider": NAMES.get(provider_key, provider_key), "day": timezone.localdate(event.at).isoformat()},
        link=f"{reverse('accounts:account')}#digital-id",
    )


def digital_ids_end(*, user, request=None) -> None:
    """Every link the person has, dropped by a remedy (a password changed or reset, a second factor set up, turned
    off or reset): any may have been made from a taken session, so the owner links again, confirming with the new
    password. Each recorded in their history."""
    for provider_key in DigitalIdentity.objects.filter(user=user).values_list("provider", flat=True):
        if DigitalIdentity.objects.filter(user=user, provider=provider_key).delete()[0]:
            event_record(kind=Event.DIGITAL_ID_UNLINKED, user=user, request=request)
