"""A period's lifecycle state as stored, for `contests.lifecycle` to judge (issue #37). Every path that
depends on the state reads it here and asks `check`: nothing else reads a snapshot to decide what is allowed."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from contests.lifecycle import Action, DocumentBasis, Refused, State, basis_of, check, state_of
from core.errors import YearFrozen
from scoring.models import FreezeEvent, Rubric


def state(rubric: Rubric, *, today: date | None = None) -> State:
    """Read fresh (not from the caller's cached contest): a freeze or an opening a moment ago already holds.
    One query; two while results are frozen but not published (was the last word a withdrawal?)."""
    contest_state, ends_on, frozen, published_at = (
        Rubric.objects.filter(pk=rubric.pk)
        .values_list("contest__state", "ends_on", "snapshot__id", "snapshot__published_at")
        .get()
    )
    last = None
    if frozen is not None and published_at is None:
        last = FreezeEvent.objects.filter(rubric_id=rubric.pk).values_list("action", flat=True).first()
    return state_of(
        contest_state=contest_state,
        ends_on=ends_on,
        today=today or timezone.localdate(),
        frozen=frozen is not None,
        published=published_at is not None,
        last_word=last,
    )


def ensure(rubric: Rubric, action: Action, *, today: date | None = None) -> State:
    """The state `action` leads to; contests.lifecycle.Refused, Thai first, if the period's state forbids it."""
    return check(state(rubric, today=today), action)


def allows(rubric: Rubric, action: Action, *, today: date | None = None) -> bool:
    try:
        ensure(rubric, action, today=today)
    except Refused:
        return False
    return True


def ensure_changeable(rubric: Rubric) -> None:
    """Facts, scores, deadlines and the rubric change only while the lifecycle allows it; refused as YearFrozen
    (a whole-file row error), which every import lists among its rows."""
    if not allows(rubric, Action.CHANGE):
        raise YearFrozen(rubric.year)


def standing(rubric_id: int, issued_at: datetime) -> DocumentBasis:
    """What a document of the period made at `issued_at` stands on: were its results frozen, are they withdrawn."""
    events = FreezeEvent.objects.filter(rubric_id=rubric_id).order_by("at", "id").values_list("action", "at")
    return basis_of(events, issued_at)
