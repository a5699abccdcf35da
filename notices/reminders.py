"""A day's reminders recorded at once: "due in N working days" and "overdue", one notice per obligation, due
day, kind and repeat, with an inbox row and outbox rows for each person the lock says owes it (the caller asks it). Each
person is told of each once (`Reminder`, its named unique constraint), however often the daily job runs; a
person who joins an office later is told of a reminder their colleagues already had.

The writes are in bulk, a bounded number of queries whatever the number of entrants: the notices that exist,
the people they told, then one INSERT per table (core.bulk.insert_values, a few thousand rows a statement), the
choices and the channels once (notices.services.deliveries_write), and one send task queued after commit."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.bulk import AnyOf, insert_values

from .models import REMINDER_KINDS, Kind, Notice, Receipt, Reminder
from .services import deliveries_write, notices_settle
from .tasks import send_due

log = logging.getLogger(__name__)


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


def _existing(keys: Sequence[str]) -> tuple[dict[str, int], set[tuple[int, int]]]:
    """The notices already made for these reminders (key → id), and who each has told (notice id, user id):
    plain values, not model instances (a day that tells nothing new reads a notice per obligation owed)."""
    rows = Notice.objects.filter(AnyOf(F("key"), keys), kind__in=REMINDER_KINDS)
    notices = dict(rows.values_list("key", "pk"))
    if not notices:
        return notices, set()
    told = Reminder.objects.filter(AnyOf(F("notice"), list(notices.values()))).values_list("notice_id", "user_id")
    return notices, set(told)


@transaction.atomic
def reminders_record(dues: Sequence[Due], *, now=None) -> int:
    """Tells each due reminder to those of its people not told of it yet; how many people were told anew."""
    if any(d.kind not in REMINDER_KINDS for d in dues):
        raise ValueError("only reminder kinds are recorded here")
    dues = [d for d in dues if d.people]
    if not dues:
        return 0
    keys = [d.key for d in dues]
    notices, told = _existing(keys)
    now = now or timezone.now()
    made = [(key, d) for key, d in zip(keys, dues, strict=True) if key not in notices]
    fields = ("kind", "key", "contest", "unit", "about", "params", "link", "created_at")
    ids = insert_values(
        Notice,
        fields,
        [(d.kind, key, d.contest_id, d.unit_id, d.about[:60], d.params, d.link, now) for key, d in made],
        returning=True,
    )
    notices.update(zip((key for key, _ in made), ids, strict=True))
    # Plain rows, not model instances: a day's tens of thousands of rows cost no per-object work each.
    receipts: list[tuple[int, int]] = []
    records: list[tuple] = []
    told_to: list[tuple[Any, str]] = []  # each receipt's person and kind, for the outbox
    for key, due in zip(keys, dues, strict=True):
        notice_id = notices[key]
        for user in due.people:
            if (notice_id, user.pk) in told:
                continue
            told.add((notice_id, user.pk))
            receipts.append((notice_id, user.pk))
            records.append((due.obligation, due.due_on, due.kind, due.repeat, user.pk, notice_id))
            told_to.append((user, due.kind))
    if not receipts:
        return 0
    receipt_ids = insert_values(Receipt, ("notice", "user"), receipts, returning=True)
    insert_values(Reminder, ("obligation", "due_on", "kind", "repeat", "user", "notice"), records)
    rows = [(pk, user, kind) for pk, (user, kind) in zip(receipt_ids, told_to, strict=True)]
    if deliveries_write(rows):
        transaction.on_commit(_queue)
    return len(receipts)


def reminders_met(*, contest, unit, code: str) -> int:
    """The unit's reminders of a criterion settled (an upload or the Department's receipt came first): no longer
    waiting for their readers, and those still waiting to be sent marked met instead: how many of those. The inbox
    keeps them, as it keeps every notice."""
    return notices_settle(
        Notice.objects.filter(kind__in=REMINDER_KINDS, contest=contest, unit=unit, about=code),
    )


def _queue() -> None:
    """One task sends what is due, whatever the number of reminders; never raises: what the broker lost, the
    beat job `notices.send_due` sends."""
    try:
        send_due.delay()
    except Exception:
        log.warning("reminders not queued; the beat job sends them", exc_info=True)
