"""Whose account a person makes, changes or closes: asked of the lock (contests.actor), for the
person acting and for the account, never by reading either one's role or office."""

from __future__ import annotations

from contests.actor import Actor, Power, actor_of
from people.models import Role


def provisions(actor: Actor, unit=None, role: str | None = None) -> bool:
    """Makes and changes accounts: central staff any; an office's organiser the staff and organisers of the
    offices under its own. Asked without a unit and role: may they make any at all."""
    if Power.ADMINISTER in actor.powers:
        return True
    if unit is None and role is None:
        return Power.ORGANISE in actor.powers
    return role in Role.with_office() and actor.oversees(unit)


def manages_account(actor: Actor, user) -> bool:
    """May change or close another person's account: central staff any but a superuser's, which only a
    superuser (or the system) manages, as the admin shows it read-only to anyone else; an office's organiser
    those of the staff and organisers of the offices under its own (an account has an office only with one
    of those roles, `membership_office_iff_office_role`)."""
    if user is not None and user.is_superuser:
        # Otherwise central staff could rename, re-role or reopen a closed superuser through the sheet.
        return actor.system or (Power.ADMINISTER in actor.powers and actor.user is not None and actor.user.is_superuser)
    if Power.ADMINISTER in actor.powers:
        return True
    if user is None or Power.ORGANISE not in actor.powers:
        return False
    return actor.oversees(actor_of(user).own_office)
