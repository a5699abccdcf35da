"""Writes for a provincial contest's panel: its organisers appoint, re-seat and remove members.

Every change leaves a PanelChange row. Removing a seat deletes only the seat: the member's judgments and
their ScoreChange rows stay, and still count in the standings (docs/decisions.md, decision 8 keeps every score)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests import actor
from contests.models import Contest
from contests.seats import department_contest, panel_eligible
from core import acts
from scoring.selectors import contest_entrants

from .errors import CommitteeError
from .models import PanelAction, PanelChange, Panelist


def _contest(contest: Contest) -> Contest:
    if actor.department_contest(contest):  # the one definition: no organiser, the Department's committee
        raise CommitteeError(
            gettext_lazy("the Department's contests are judged by its own committee, not by a provincial panel"),
        )
    return contest


def may_sit(user, contest: Contest) -> bool:
    """May be seated on the contest's panel, asked of the database by the lock's rule of a seat
    (contests.seats.panel_eligible). 1 query."""
    return not department_contest(contest) and panel_eligible(contest.organiser_id).filter(pk=user.pk).exists()


def _eligible(contest: Contest, user) -> None:
    """The lock's rule of a seat (contests.seats.panel_eligible): a seat held counts by the same one, so
    a member whose role or office changes afterwards stops judging exactly when they could no longer be
    appointed."""
    if user is None or not get_user_model().objects.filter(pk=user.pk, is_active=True).exists():
        raise CommitteeError(gettext_lazy("no such user"), field="user")
    candidate = actor.actor_of(user)  # the user proposed for the panel, asked as the actor would be
    if not may_sit(user, contest):
        if not candidate.powers.isdisjoint({actor.Power.JUDGE, actor.Power.ADMINISTER}):
            raise CommitteeError(
                gettext_lazy("the Department's committee and central staff cannot sit on a provincial panel"),
                field="user",
            )
        raise CommitteeError(
            format_lazy(
                gettext_lazy("{username} does not belong to the organising office or a unit under it"),
                username=user.username,
            ),
            field="user",
        )


@transaction.atomic
def panelist_appoint(*, by, contest: Contest, user, is_chair: bool = False) -> Panelist:
    """Seats `user` on the contest's panel, or changes their seat; a new chair takes over from the old."""
    _contest(contest)
    acts.require(by, "committee.manage_panel", contest)
    _eligible(contest, user)
    Contest.objects.select_for_update().filter(pk=contest.pk).first()  # one panel change at a time
    current = Panelist.objects.filter(contest=contest, user=user).first()
    actor.forget(user)  # the user's actor reads the seats again
    if is_chair:
        for old in Panelist.objects.filter(contest=contest, is_chair=True).exclude(user=user):
            old.is_chair = False
            old.save(update_fields=["is_chair"])
            PanelChange.objects.create(contest=contest, user=old.user, action=PanelAction.MEMBER, by=by)
    if current is None:
        current = Panelist.objects.create(contest=contest, user=user, is_chair=is_chair, appointed_by=by)
        PanelChange.objects.create(contest=contest, user=user, action=PanelAction.APPOINT, by=by)
        if is_chair:
            PanelChange.objects.create(contest=contest, user=user, action=PanelAction.CHAIR, by=by)
    elif current.is_chair != is_chair:
        current.is_chair = is_chair
        current.save(update_fields=["is_chair"])
        action = PanelAction.CHAIR if is_chair else PanelAction.MEMBER
        PanelChange.objects.create(contest=contest, user=user, action=action, by=by)
    return current


@transaction.atomic
def panelist_remove(*, by, contest: Contest, user) -> None:
    _contest(contest)
    acts.require(by, "committee.manage_panel", contest)
    deleted, _ = Panelist.objects.filter(contest=contest, user=user).delete()
    if user is not None:
        actor.forget(user)  # the user's actor reads the seats again
    if not deleted:
        raise CommitteeError(gettext_lazy("this user is not on the panel"), field="user")
    PanelChange.objects.create(contest=contest, user=user, action=PanelAction.REMOVE, by=by)


def panel_conflict_check(contest: Contest, member, unit) -> None:
    """An organiser's conflict is about its own panel and its own contest's entrants, nothing else."""
    if member is None or not Panelist.objects.filter(contest=contest, user=member).exists():
        raise CommitteeError(gettext_lazy("this user is not on the panel"), field="user")
    if unit is None or not contest_entrants(contest).filter(pk=unit.pk).exists():
        raise CommitteeError(gettext_lazy("this unit does not enter this contest"), field="unit")
