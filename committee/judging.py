"""By when a contest's judging ends: set or moved by whoever runs the contest (the lock's
`committee.set_judging_deadline`), told to those who judge it."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from contests.models import Contest
from core import acts
from notices import events


@transaction.atomic
def judging_deadline_set(*, user, contest: Contest, deadline: date | None, reason: str = "") -> Contest:
    """Saves the date and tells the panel once per change; the same date again changes nothing."""
    acts.require(user, "committee.set_judging_deadline", contest)
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    old = contest.judging_deadline
    if old == deadline:
        return contest
    contest.judging_deadline = deadline
    contest.save(update_fields=["judging_deadline"])
    if deadline is not None:
        events.judging_deadline(contest=contest, old=old, new=deadline, reason=reason.strip(), author=user)
    return contest
