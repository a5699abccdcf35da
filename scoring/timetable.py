"""Writes about a contest's days: a criterion's deadline (through the one door, scoring.revisions) and the
working-day calendar's holidays, each change audited and its entrants rescored."""

from __future__ import annotations

import uuid
from datetime import date

from django.db import transaction

from contests.models import ContestState
from core import acts
from notices import events
from rulebook.spec import parse_rubric
from scoring import revisions, selectors
from scoring.models import Criterion, HolidayAction, HolidayOverride, HolidayOverrideChange, Rubric
from scoring.recompute import results_mark_dirty


@transaction.atomic
def criterion_deadline_set(
    *, user=None, rubric: Rubric, code: str, deadline: date | None, reason: str = "", letter: str = ""
) -> Criterion:
    """Central staff move a deadline (the Department sets some by letter), through the one door
    (scoring.revisions): an open contest's move needs a reason; every entrant is rescored. Whoever must send
    by it, and whoever runs the contest, is told the old date, the new one, the reason and the letter."""
    before: list[date | None] = []

    def write() -> Criterion:
        criterion = Criterion.objects.select_for_update().get(rubric=rubric, code=code)
        before.append(criterion.deadline)
        criterion.deadline = deadline
        criterion.save(update_fields=["deadline"])
        parse_rubric(selectors.rubric_data(rubric))  # the edited rubric must still be valid
        return criterion

    with transaction.atomic():
        criterion = revisions.change(user=user, contest=rubric.contest, write=write, reason=reason)
        # The caller's rubric learns its new revision: read with the old one, its cached spec would lack the deadline.
        rubric.refresh_from_db(fields=["revision"])
        # Moved or taken away (a first deadline is shown where it is due); a draft is seen by no entrant.
        if before[0] is not None and before[0] != deadline and rubric.contest.state != ContestState.DRAFT:
            events.deadline_moved(
                rubric=rubric, code=code, old=before[0], new=deadline, reason=reason, letter=letter, author=user
            )
    return criterion


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
