"""An ask settles when its work is done: a reminder once the round it reminds of is met, a late reminder once every
round it names is, a tie notice once its tie is settled or is no longer a tie. Settled (notices.services.
notices_settle), a notice waits for nobody in the inbox, the bell, the digest and the to-do alike.

Which rounds are met is the schedule's one rule (`hooks.rounds_met`): an upload naming December's round meets
December alone, and November's reminders, still owed, stay owed."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from .hooks import rounds_met
from .models import REMINDER_KINDS, Kind, Notice
from .services import notices_settle

OWED = "owed"  # a late reminder's params: the obligation keys of the rounds it names


def code_of(obligation: str) -> str:
    """The criterion code of an evidence obligation's key ("<contest key>:<unit code>:<code>:<round>")."""
    return obligation.rsplit(":", 2)[-2]


def _met(rubric, unit, codes: set[str]) -> set[str]:
    return set().union(*rounds_met(rubric, unit, sorted(codes))) if codes else set()


def rounds_settle(*, rubric, unit, codes: Iterable[str]) -> int:
    """The unit's reminders of these criteria whose round is met now, and its late reminders whose every round
    is, settled; how many messages still waiting were held back. 1 query when none waits (every upload but
    those that answer a reminder), else the schedule's few and 3 to settle."""
    codes = set(codes)
    waiting = list(
        Notice.objects.filter(contest_id=rubric.contest_id, unit=unit, settled_at__isnull=True)
        .filter(Q(kind__in=REMINDER_KINDS, about__in=codes) | Q(kind=Kind.LATE_REMINDED))
        .values_list("pk", "kind", "params", "reminders__obligation")
        .distinct()
    )
    asked: dict[int, set[str]] = {}
    for pk, kind, params, obligation in waiting:
        owed = set(params.get(OWED, ())) if kind == Kind.LATE_REMINDED else {obligation} - {None}
        if owed and (kind != Kind.LATE_REMINDED or codes & {code_of(o) for o in owed}):
            asked.setdefault(pk, set()).update(owed)
    if not asked:
        return 0
    met = _met(rubric, unit, {code_of(o) for owed in asked.values() for o in owed})
    done = [pk for pk, owed in asked.items() if owed <= met]
    return notices_settle(Notice.objects.filter(pk__in=done)) if done else 0


def tie_key(rubric_id: int, award: str, unit_ids: Iterable[int]) -> str:
    """A tie notice's key: the same tie at the same line, told once."""
    return f"tie:{rubric_id}:{award}:{','.join(str(pk) for pk in sorted(unit_ids))}"


def ties_waiting(rubric) -> QuerySet[Notice]:
    """The rubric's tie notices still waiting for a decision."""
    waiting = Notice.objects.filter(kind=Kind.TIE_WAITING, contest_id=rubric.contest_id, settled_at=None)
    return waiting.filter(key__startswith=f"tie:{rubric.pk}:")


def ties_settle(*, rubric, open_ties: Iterable[Iterable[int]]) -> int:
    """The rubric's tie notices that name no tie still open (`open_ties`: each open tie's unit ids) settled: the
    tie was decided, or the scores moved and it is a tie no more. 1 query when none waits."""
    still = {frozenset(ids) for ids in open_ties}
    done = [pk for pk, key in ties_waiting(rubric).values_list("pk", "key") if _tied(key) not in still]
    return notices_settle(Notice.objects.filter(pk__in=done)) if done else 0


def _tied(key: str) -> frozenset[int]:
    return frozenset(int(pk) for pk in key.rsplit(":", 1)[-1].split(",") if pk)
