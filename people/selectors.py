"""Reads about people: a user's role, their office, the provinces they must not judge.

Scoring turns these into querysets of provinces (`scoring.selectors.provinces_for_user`); people only
hands over ids, since it sits below scoring and never imports it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Conflict, Role


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.CENTRAL
    membership = getattr(user, "membership", None)
    return membership.role if membership else None


def office_province_id(user) -> int | None:
    """The province a provincial officer works for; None for everyone else."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership.province_id if membership else None


def conflicted_province_ids(user) -> QuerySet:
    """Ids of the provinces a committee member declared a conflict of interest with (a subquery)."""
    return Conflict.objects.filter(member=user).values("province_id")
