"""Reads about people: a user's role, their office, the provinces they must not judge.

Only the actor (`scoring.actor`) asks them, and everything else asks the actor (issue #37; the import-linter
contract "Only the actor reads roles and offices"). People hands over ids, since it sits below scoring.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Conflict, Membership, Role


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


def office_of(user):
    """The user's office (with the unit above it), read with their role in one query and kept on the user."""
    membership = Membership.objects.select_related("province__parent").filter(user=user).first()
    if membership is None:
        return None
    user.membership = membership
    return membership.province


def conflicted_province_ids(user) -> QuerySet:
    """Ids of the provinces a committee member declared a conflict of interest with (a subquery)."""
    return Conflict.objects.filter(member=user).values("province_id")
