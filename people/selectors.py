"""Reads about people: a user's role, their office, the provinces they must not judge.

Only the actor (`contests.actor`) asks them, and everything else asks the actor (the import-linter
contract "Only the actor reads roles and offices"). People hands over ids, since it sits below scoring.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from .models import Conflict, Membership, Role


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.CENTRAL
    membership = getattr(user, "membership", None)
    return membership.role if membership else None


def office_unit_id(user) -> int | None:
    """The province a provincial officer works for; None for everyone else."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership.unit_id if membership else None


def membership_load(user) -> None:
    """The user's membership with their office and the unit above it, in one query, kept on the user (none
    if loaded already): the role, the office id and the office then cost nothing more."""
    descriptor = get_user_model().membership  # request.user is a lazy object: not type(user)
    if user.is_authenticated and not descriptor.is_cached(user):
        # get(), not first(): a user has one membership at most, and first()'s ORDER BY pk made this query, asked
        # on every request, half as dear again to build (648 against 418 µs).
        try:
            found = Membership.objects.select_related("unit__parent").get(user=user)
        except Membership.DoesNotExist:
            found = None
        descriptor.related.set_cached_value(user, found)


def memberships_load(users) -> None:
    """`membership_load` for many users at once (the outbox's readers): one query for those not loaded yet."""
    descriptor = get_user_model().membership
    todo = [u for u in users if u.is_authenticated and not descriptor.is_cached(u)]
    if not todo:
        return
    found = {m.user_id: m for m in Membership.objects.select_related("unit__parent").filter(user__in=todo)}
    for user in todo:
        descriptor.related.set_cached_value(user, found.get(user.pk))


def office_of(user):
    """The user's office (a unit), or None."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return membership.unit if membership else None


def conflicted_unit_ids(user) -> QuerySet:
    """Ids of the provinces a committee member declared a conflict of interest with (a subquery)."""
    return Conflict.objects.filter(member=user).values("unit_id")
