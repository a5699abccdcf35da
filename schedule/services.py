"""The schedule's writes by hand: whoever runs a contest reminds every office late with a round (the late list's
button), beside the morning's reminders (`reminders`), through the notices and their sending limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from contests.models import Unit
from core import acts
from core.bulk import AnyOf
from core.thai import thai_date
from notices import recipients
from notices.asks import OWED
from notices.models import BulkAct, Kind, Outreach
from notices.outreach import Target, outreach_record
from notices.services import Note, notices_many
from rubrics.models import ContestPeriod
from scoring import lifecycle
from scoring.lifecycle import Action

from .permissions import REMIND_LATE
from .reminders import CHUNK, landing, owed_th
from .tallies import round_tallies


@dataclass(frozen=True)
class LateRound:
    """One round an office is late with: its name as the notice says it, its obligation's key (what settles the
    notice once met: notices.asks) and where it is sent."""

    named: str
    key: str
    link: str
    due: date


def _late_rounds(rubric: ContestPeriod, today: date) -> dict[int, list[LateRound]]:
    """unit id → each round it is late with, oldest first ("๑.๒ … รายงานครั้งที่ ๒ (๓๐ มิ.ย. ๒๕๖๖)"), from the
    counts the late list reads (schedule.tallies.round_tallies), CHUNK entrants a round at a time: a bounded number
    of queries a page, never an entrant's own. Counted live while the rounds were never counted, however many the
    entrants: a press of the button tells every office late, where the list may still say it is counting."""
    late: dict[int, list[LateRound]] = {}
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
                    found = LateRound(named, owed.key, landing(owed), owed.due or date.min)
                    late.setdefault(owed.unit_id, []).append(found)
        offset += CHUNK
        if not any(offset < t.owed for t in tallies):
            return {unit: sorted(rounds, key=lambda r: r.due) for unit, rounds in late.items()}


@transaction.atomic
def late_remind(*, user, rubric: ContestPeriod, today: date | None = None) -> Outreach:
    """One notice to each office late with a round of the contest, naming its rounds, to those the lock says send
    its evidence (notices.recipients.evidence_owed), once an office a day: a second press that day tells nobody
    twice. Whoever runs the contest (`schedule.remind_late`), while the lifecycle reminds (an open period: frozen
    results leave nothing late). Sent through the outbox, so each person's hourly limit holds (notices.outbox). Its
    account (notices.outreach): the offices told now, those told earlier today, those with nobody to tell."""
    acts.require(user, REMIND_LATE, rubric)
    today = today or timezone.localdate()
    lifecycle.ensure(rubric, Action.REMIND, today=today)
    contest = rubric.contest
    late = _late_rounds(rubric, today)
    people = recipients.evidence_owed(contest, late)
    units = Unit.objects.filter(AnyOf(F("pk"), list(late)))
    named = {pk: (code, name) for pk, code, name in units.values_list("pk", "code", "name_th")}
    by = user.get_full_name() or user.get_username()
    notes = [
        Note(
            key=f"late:{rubric.pk}:{unit_id}:{today.isoformat()}",
            kind=Kind.LATE_REMINDED,
            people=people[unit_id],
            contest_id=contest.pk,
            link=rounds[0].link,  # the oldest round missed, at its upload form
            unit_id=unit_id,
            about="late",
            params={
                "contest": contest.name_th,
                "unit": named[unit_id][1],
                "count": len(rounds),
                "rounds": "; ".join(r.named for r in rounds),
                "by": by,
                OWED: [r.key for r in rounds],
            },
        )
        for unit_id, rounds in late.items()
        if unit_id in people
    ]
    told = {place for place, _, _ in notices_many(notes)}
    order = {unit_id: place for place, unit_id in enumerate(late)}
    offices = [Target(named[unit_id][1], people.get(unit_id, [])) for unit_id in late]
    noted = [unit_id for unit_id in late if unit_id in people]  # each note's office, in the notes' order
    told_offices = {order[noted[place]] for place in told}
    return outreach_record(act=BulkAct.LATE_REMINDED, author=user, contest=contest, targets=offices, told=told_offices)
