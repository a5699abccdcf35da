"""Writes about a contest's days: a criterion's deadline (through the one door, rubrics.revisions) and the
working-day calendar's holidays, each change audited and its entrants rescored."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.hooks import results_stale
from core import acts
from core.i18n import pick
from core.thai import thai_date
from rubrics import revisions
from rubrics.deadline_moves import deadline_moves, round_moves
from rubrics.letters import NONE, Letter
from rubrics.models import ContestPeriod, Criterion, HolidayAction, HolidayOverride, HolidayOverrideChange
from rubrics.selectors import linked_criteria, rubric_data
from rulebook.rounds import RoundsError, rounds_of, rounds_on
from rulebook.spec import parse_rubric


@transaction.atomic
def criterion_deadline_set(
    *,
    user=None,
    rubric: ContestPeriod,
    code: str,
    deadline: date | None,
    reason: str = "",
    letter: Letter = NONE,
    also: Iterable[str] | None = None,
) -> Criterion:
    """Moving a date, one act: whoever runs the contest (central staff the national one, an organiser its own;
    `user` None only for the loaders) moves a criterion's deadline by letter (the Department's, or the organising
    office's: rubrics.letters.letter_office), with what moves with it (`companions`: its rounds due on that day,
    the criteria timing the same files), all of it unless `also` names the keys left ticked. A round left
    unticked keeps its date, and the change history says so; it cannot stay after a date brought before it
    (refused, nothing written). Through the one door
    (rubrics.revisions): an open contest's move needs a reason and the second factor; the change history keeps
    who, why and the letter; every entrant is rescored, and whoever must send by it, and whoever runs the
    contest, is told."""
    if user is not None:
        acts.require(user, "rubrics.change_deadline", rubric)  # the move's one ask (the door asks it of no move again)
    offered = companions(rubric, code)
    ticked = {c.key for c in offered} if also is None else set(also)
    moving = [c for c in offered if c.key in ticked and not c.round]
    kept = rounds_kept(offered, ticked, deadline)
    rounds_kept_check(kept, deadline)

    def write() -> Criterion:
        criterion = Criterion.objects.select_for_update().get(rubric=rubric, code=code)
        criterion.deadline = deadline
        criterion.save(update_fields=["deadline"])
        for companion in moving:
            companion_move(rubric=rubric, companion=companion, day=deadline)
        parse_rubric(rubric_data(rubric))  # the edited rubric must still be valid
        return criterion

    stay = [{"period": rubric.period, "code": code, "rounds": [c.round for c in kept]}] if kept else []
    criterion = revisions.change(
        user=user, contest=rubric.contest, write=write, reason=reason, letter=letter, rounds_kept=stay,
        deadline_asked=True,
    )  # fmt: skip
    # The caller's rubric learns its new revision: read with the old one, its cached spec would lack the deadline.
    rubric.refresh_from_db(fields=["revision"])
    return criterion


def rounds_kept(offered: list[Companion], ticked: set[str], deadline: date | None) -> list[Companion]:
    """The rounds of `offered` left unticked that a move to `deadline` keeps on their dates (a round's box is
    offered while it is due on the deadline: a date left where it is keeps nothing)."""
    return [c for c in offered if c.round and c.key not in ticked and c.old != deadline]


def rounds_kept_check(kept: list[Companion], deadline: date | None) -> None:
    """A round cannot stay after its criterion's deadline (docs/decisions.md, decision 16): keeping one on its
    date while the date is brought before it is refused, Thai first, beside the boxes, before anything is
    written."""
    late = [c for c in kept if deadline is not None and c.old is not None and c.old > deadline]
    if not late:
        return
    said = _("{round} is due on {day}, after the new deadline: a round cannot stay after its criterion's deadline;"
             " tick it to bring it with the date")  # fmt: skip
    messages: list = [format_lazy(said, round=pick(c.label_th, c.label_en), day=thai_date(c.old)) for c in late]
    refused = revisions.ChangeRefused(messages, needs={"rounds"})
    refused.field = "also"
    raise refused


@dataclass(frozen=True)
class Companion:
    """What a deadline's move moves with it, each a box ticked until unticked (`key`): one of the criterion's
    rounds due on that day (`round` its number from 1: a round due on the date a move replaces moves with it,
    as the schedule reads every recorded move, rulebook.rounds.rounds_moved), or another criterion timing the
    same files (`round` 0)."""

    key: str
    code: str
    label_th: str
    label_en: str
    old: date | None
    round: int = 0


def companions(rubric: ContestPeriod, code: str) -> list[Companion]:
    """The rounds of `code` due on its deadline as the schedule has them (every recorded move applied), then the
    criteria timing the same files (`rubrics.selectors.linked_criteria`): what its page's form lists as moving
    with it. 1 query, +1 when the criterion has rounds."""
    criterion = Criterion.objects.filter(rubric=rubric, code=code).only("deadline", "rounds").first()
    if criterion is None or criterion.deadline is None:
        return []
    try:
        rounds = rounds_of(criterion.rounds)
    except RoundsError:  # checked when the rubric was saved; a stored one that fails has nothing to offer
        rounds = ()
    found = []
    if rounds:
        moves = round_moves(deadline_moves(rubric).get(code, []))
        for n in rounds_on(rounds, criterion.deadline, moves):
            r = rounds[n - 1]
            found.append(Companion(f"round:{n}", code, r.label_th, r.label_en, criterion.deadline, n))
    for other in linked_criteria(rubric, code):
        found.append(Companion(f"criterion:{other.code}", other.code, f"ตัวชี้วัด {other.label} {other.name_th}",
                               f"criterion {other.code} {other.name_en}", other.deadline))  # fmt: skip
    return found


def companion_move(*, rubric: ContestPeriod, companion: Companion, day: date | None) -> None:
    """Another criterion timing the same files moves to the same day (its rounds follow it as the schedule
    reads them)."""
    criterion = Criterion.objects.select_for_update().get(rubric=rubric, code=companion.code)
    criterion.deadline = day
    criterion.save(update_fields=["deadline"])


def _override_state(h: HolidayOverride | None) -> dict | None:
    if h is None:
        return None
    return {"is_holiday": h.is_holiday, "name_th": h.name_th, "name_en": h.name_en, "note": h.note}


@transaction.atomic
def holiday_override_save(
    *, user, day: date, is_holiday: bool, name_th: str, name_en: str = "", note: str = ""
) -> HolidayOverride:
    """Central staff add or correct one day of the calendar; audited, and every province is rescored."""
    acts.step_up(user, "rubrics.edit_calendar")
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
    acts.step_up(user, "rubrics.edit_calendar")
    before = _override_state(override)
    HolidayOverrideChange.objects.create(
        date=override.date, action=HolidayAction.REMOVED, before=before, after=None, changed_by=user
    )
    override.delete()
    holidays_changed()


def holidays_changed() -> None:
    """A corrected holiday calendar can change any timeliness score in any year."""
    for rubric in ContestPeriod.objects.all():
        rubric.revision = uuid.uuid4()  # drops the cached calendar (rubric_calendar)
        rubric.save(update_fields=["revision"])
        results_stale(rubric_id=rubric.pk)
