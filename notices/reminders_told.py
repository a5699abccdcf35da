"""A day's reminders recorded at once: "due in N working days" and "overdue", one notice per obligation, due
day, kind and repeat, with an inbox row and outbox rows for each person the lock says owes it (the caller asks
it). Each person is told of each once (`Reminder`, its named unique constraint), however often the daily job
runs; a person who joins an office later is told of a reminder their colleagues already had.

The writes are in bulk, a bounded number of queries whatever the number of entrants (notices.services.notices_many:
the notices that exist, the people they told, one INSERT per table, the choices and the channels once, one send
task queued after commit), and the tellings recorded in one more."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from core.bulk import insert_values

from .models import REMINDER_KINDS, Kind, Reminder
from .services import Note, notices_many


@dataclass(frozen=True)
class Due:
    """One reminder to tell: the obligation (the schedule's stable identity) and the day it is due, its kind,
    where it lands, what the catalogue fills its words with, and who owes it."""

    obligation: str
    due_on: date
    kind: Kind
    people: Sequence
    contest_id: int
    link: str
    unit_id: int | None = None
    about: str = ""
    params: dict = field(default_factory=dict)
    repeat: int = 0  # which telling of an overdue reminder on the contest's rhythm: each is one notice, told once

    @property
    def key(self) -> str:
        again = f":{self.repeat}" if self.repeat else ""  # the first telling keeps the key it always had
        return f"reminder:{self.kind}:{self.obligation}:{self.due_on.isoformat()}{again}"


@transaction.atomic
def reminders_record(dues: Sequence[Due], *, now=None) -> int:
    """Tells each due reminder to those of its people not told of it yet (notices.services.notices_many), each
    telling recorded (`Reminder`); how many people were told anew."""
    if any(d.kind not in REMINDER_KINDS for d in dues):
        raise ValueError("only reminder kinds are recorded here")
    notes = [
        Note(d.key, d.kind, d.people, d.contest_id, d.link, unit_id=d.unit_id, about=d.about, params=d.params)
        for d in dues
    ]
    told = notices_many(notes, now=now)
    records = [(dues[i].obligation, dues[i].due_on, dues[i].kind, dues[i].repeat, u.pk, pk) for i, pk, u in told]
    insert_values(Reminder, ("obligation", "due_on", "kind", "repeat", "user", "notice"), records)
    return len(told)
