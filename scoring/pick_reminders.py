"""Notices to the offices that pick a stage's entrants (stages/rules.py): once when the stage opens for
picking, once when its date is near and the office has not picked its quota. Sent by the daily reminders'
beat job; each is one notice per stage, office and kind (notices.events.pick_due), so a re-run adds none."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Q
from django.utils import timezone

from contests.actor import actor_of
from contests.models import ContestState
from notices import events
from notices.models import Kind, Notice
from people import directory
from scoring import selectors
from stages.models import Stage
from stages.rules import stage_picks

NEAR = 3  # working days before the date: "the date is near"


def _choosers(stage: Stage) -> dict:
    """office → the people who pick for it there (the lock's `chooses`: its organisers of the stage's level)."""
    found: dict = defaultdict(list)
    for user in directory.office_staff(Q(membership__unit__level=stage.chooser_level)):
        actor = actor_of(user)
        office = actor.chooser(stage.contest)
        if office is not None:
            found[office].append(user)
    return found


def pick_notices_send(today: date | None = None) -> int:
    """Today's "a pick is due" notices for every open stage; returns how many were recorded anew."""
    today = today or timezone.localdate()
    before = Notice.objects.filter(kind=Kind.PICK_DUE).count()
    # Open for picking while its contest is open: a stage above another picks from its picks as they come.
    for stage in Stage.objects.filter(contest__state=ContestState.OPEN).select_related("contest"):
        rubric = stage.contest.rubrics.order_by("-ends_on").first()
        if rubric is None:
            continue
        calendar = selectors.rubric_calendar(rubric)
        closes = calendar.next_working_day(stage.deadline)
        if today > closes:
            continue
        left = calendar.working_days_after(today, closes)
        for office, people in _choosers(stage).items():
            kinds = ["open"]
            if left <= NEAR and stage_picks(stage, office).count() < stage.quota:
                kinds.append("near")
            for kind in kinds:
                events.pick_due(stage=stage, office=office, kind=kind, left=left, people=people)
    return Notice.objects.filter(kind=Kind.PICK_DUE).count() - before
