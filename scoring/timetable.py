"""Writes about a contest's days: a criterion's deadline (through the one door, scoring.revisions) and the
working-day calendar's holidays, each change audited and its entrants rescored."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from django.db import transaction

from core import acts
from rulebook.spec import parse_rubric
from scoring import revisions, selectors
from scoring.deadline_moves import Companion, companions
from scoring.letters import NONE, Letter
from scoring.models import Criterion, HolidayAction, HolidayOverride, HolidayOverrideChange, Rubric
from scoring.recompute import results_mark_dirty


@transaction.atomic
def criterion_deadline_set(
    *,
    user=None,
    rubric: Rubric,
    code: str,
    deadline: date | None,
    reason: str = "",
    letter: Letter = NONE,
    also: Iterable[str] | None = None,
) -> Criterion:
    """Moving a date, one act: whoever runs the contest (central staff the national one, an organiser its own;
    `user` None only for the loaders) moves a criterion's deadline by the Department's letter, with what moves
    with it (`deadline_moves.companions`: the rounds due on that day, the criteria timing the same files), all
    of them unless `also` names the keys kept ticked. Through the one door (scoring.revisions): an open
    contest's move needs a reason and the second factor; the change history keeps who, why and the letter;
    every entrant is rescored, and whoever must send by it, and whoever runs the contest, is told."""
    if user is not None:
        acts.require(user, "scoring.change_deadline", rubric)
    offered = {c.key: c for c in companions(rubric, code)}
    moving = [offered[key] for key in (offered if also is None else also) if key in offered]

    def write() -> Criterion:
        criterion = Criterion.objects.select_for_update().get(rubric=rubric, code=code)
        criterion.deadline = deadline
        criterion.save(update_fields=["deadline"])
        for companion in moving:
            companion_move(rubric=rubric, companion=companion, day=deadline)
        parse_rubric(selectors.rubric_data(rubric))  # the edited rubric must still be valid
        return criterion

    criterion = revisions.change(user=user, contest=rubric.contest, write=write, reason=reason, letter=letter)
    # The caller's rubric learns its new revision: read with the old one, its cached spec would lack the deadline.
    rubric.refresh_from_db(fields=["revision"])
    return criterion


def companion_move(*, rubric: Rubric, companion: Companion, day: date | None) -> None:
    """One thing that moves with a deadline: a criterion's deadline (another criterion timing the same files)
    or one of its rounds (a round with its own date; a deadline taken away leaves the rounds as they are)."""
    criterion = Criterion.objects.select_for_update().get(rubric=rubric, code=companion.code)
    if companion.round is None:
        criterion.deadline = day
        criterion.save(update_fields=["deadline"])
    elif day is not None:
        rounds = [dict(entry) for entry in criterion.rounds]
        rounds[companion.round]["due"] = day.isoformat()
        criterion.rounds = rounds
        criterion.save(update_fields=["rounds"])


def _override_state(h: HolidayOverride | None) -> dict | None:
    if h is None:
        return None
    return {"is_holiday": h.is_holiday, "name_th": h.name_th, "name_en": h.name_en, "note": h.note}


@transaction.atomic
def holiday_override_save(
    *, user, day: date, is_holiday: bool, name_th: str, name_en: str = "", note: str = ""
) -> HolidayOverride:
    """Central staff add or correct one day of the calendar; audited, and every province is rescored."""
    acts.step_up(user, "scoring.edit_calendar")
    found = HolidayOverride.objects.select_for_update().filter(date=day).first()
    before = _override_state(found)
    override = found or HolidayOverride(date=day)
    override.is_holiday, override.name_th, override.name_en, override.note = is_holiday, name_th, name_en, note
    override.full_clean()
    override.save()
    after = _override_state(override)
    if before != after:
        action = HolidayAction.ADDED if found is None else HolidayAction.CHANGED
        HolidayOverrideChange.objects.create(date=day, action=action, before=before, after=after, changed_by=user)
        holidays_changed()
    return override


@transaction.atomic
def holiday_override_remove(*, user, override: HolidayOverride) -> None:
    """The package's calendar applies to that day again; audited, and every province is rescored."""
    acts.step_up(user, "scoring.edit_calendar")
    before = _override_state(override)
    HolidayOverrideChange.objects.create(
        date=override.date, action=HolidayAction.REMOVED, before=before, after=None, changed_by=user
    )
    override.delete()
    holidays_changed()


def holidays_changed() -> None:
    """A corrected holiday calendar can change any timeliness score in any year."""
    for rubric in Rubric.objects.all():
        rubric.revision = uuid.uuid4()  # drops the cached calendar (selectors.rubric_calendar)
        rubric.save(update_fields=["revision"])
        results_mark_dirty(rubric_id=rubric.pk)
