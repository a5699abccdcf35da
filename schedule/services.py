"""The schedule's writes by hand: whoever runs a contest reminds every office late with a round (the late list's
button), beside the morning's reminders (`reminders`), through the notices and their sending limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from contests.models import Unit
from core import acts
from core.bulk import AnyOf
from core.thai import thai_date
from notices import recipients
from notices.models import Kind
from notices.services import Note, notices_many
from rubrics.models import Rubric
from scoring import lifecycle
from scoring.lifecycle import Action

from .contest import UNIT
from .reminders import CHUNK, owed_th
from .tallies import round_tallies

REMIND_LATE = "scoring.remind_late"  # declared in scoring/permissions.py


@dataclass(frozen=True)
class LateReminded:
    """What a press of the button did: the offices told now, and those already told today (told nothing more)."""

    told: int
    earlier: int


def _late_rounds(rubric: Rubric, today: date) -> dict[int, list[str]]:
    """unit id → each round it is late with, named ("๑.๒ … รายงานครั้งที่ ๒ (๓๐ มิ.ย. ๒๕๖๖)"), from the
    counts the late list reads (schedule.tallies.round_tallies), CHUNK entrants a round at a time: a bounded number
    of queries a page, never an entrant's own. Counted live while the rounds were never counted, however many the
    entrants: a press of the button tells every office late, where the list may still say it is counting."""
    late: dict[int, list[str]] = {}
    offset = 0
    while True:
        counted = round_tallies(
            rubric, due_to=today - timedelta(days=1), shown=CHUNK, offset=offset, today=today, live_when_uncounted=True
        )
        tallies = [t for t in counted if t.late]
        for tally in tallies:
            for owed in tally.shown:
                if owed.unit_id is not None:
                    named = f"{owed_th(owed)} ({thai_date(owed.written or owed.due, short=True)})"
                    late.setdefault(owed.unit_id, []).append(named)
        offset += CHUNK
        if not any(offset < t.owed for t in tallies):
            return late


@transaction.atomic
def late_remind(*, user, rubric: Rubric, today: date | None = None) -> LateReminded:
    """One notice to each office late with a round of the contest, naming its rounds, to those the lock says send
    its evidence (notices.recipients.evidence_owed), once an office a day: a second press that day tells nobody
    twice. Whoever runs the contest (`scoring.remind_late`), while the lifecycle reminds (an open period: frozen
    results leave nothing late). Sent through the outbox, so each person's hourly limit holds (notices.outbox)."""
    acts.require(user, REMIND_LATE, rubric)
    today = today or timezone.localdate()
    lifecycle.ensure(rubric, Action.REMIND, today=today)
    contest = rubric.contest
    late = _late_rounds(rubric, today)
    people = recipients.evidence_owed(contest, late)
    units = Unit.objects.filter(AnyOf(F("pk"), list(people)))
    named = {pk: (code, name) for pk, code, name in units.values_list("pk", "code", "name_th")}
    by = user.get_full_name() or user.get_username()
    link = reverse("submissions:province", args=[rubric.key, UNIT]) + "#criteria"  # each office's own page
    notes = [
        Note(
            key=f"late:{rubric.pk}:{unit_id}:{today.isoformat()}",
            kind=Kind.LATE_REMINDED,
            people=people[unit_id],
            contest_id=contest.pk,
            link=link.replace(UNIT, named[unit_id][0]),
            unit_id=unit_id,
            about="late",
            params={
                "contest": contest.name_th,
                "unit": named[unit_id][1],
                "count": len(rounds),
                "rounds": "; ".join(rounds),
                "by": by,
            },
        )
        for unit_id, rounds in late.items()
        if unit_id in people
    ]
    told = {place for place, _, _ in notices_many(notes)}
    return LateReminded(told=len(told), earlier=len(notes) - len(told))
