"""Reads of a person's own notices: never anyone else's."""

from __future__ import annotations

from django.db.models import QuerySet

from .channels import registered
from .models import Mode, Preference, Receipt

PAGE = 50


def unread_count(user) -> int:
    """1 query (the partial index receipt_unread)."""
    return Receipt.objects.filter(user=user, read_at__isnull=True).count()


def inbox(user, *, limit: int = PAGE) -> QuerySet[Receipt]:
    """The person's latest notices with what they are about: 1 query."""
    return Receipt.objects.filter(user=user).select_related("notice").order_by("-notice__created_at", "-pk")[:limit]


def preferences(user) -> list[dict]:
    """Each channel with the person's choice (the default where none is stored): 1 query."""
    chosen = dict(Preference.objects.filter(user=user).values_list("channel", "mode"))
    return [
        {"name": name, "label": channel.label, "mode": chosen.get(name, Mode.IMMEDIATE)}
        | {"reaches": channel.reaches(user)}
        for name, channel in registered().items()
    ]
