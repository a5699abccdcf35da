"""Writes. The admin, the API and imports all come through here; every change leaves a ScoreChange row
and marks the entrant's result dirty in the same transaction (the recompute runs after commit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.models import Contest, Unit
from core import acts
from core.thai import fmt_points
from notices import events
from people.models import Conflict
from rubrics.models import ContestPeriod
from scoring.recompute import results_mark_dirty

from .clarify import clarification_close, clarification_open, clarification_reply
from .errors import CommitteeError, Conflicted, StaleVersion
from .guards import (
    allowed,
    audit,
    compare_and_set,
    create_first,
    ensure_not_conflicted,
    ensure_open,
    find_criterion,
    lock_open,
    points_from_items,
)
from .models import ChairFinal, ChangeKind, Final, Judgment, Override, Source
from .panels import panel_conflict_check, panelist_appoint, panelist_remove

__all__ = [
    "CommitteeError",
    "Conflicted",
    "StaleVersion",
    "chair_final_record",
    "clarification_close",
    "clarification_open",
    "clarification_reply",
    "conflict_set",
    "ensure_open",
    "judgment_apply",
    "judgment_record",
    "override_record",
    "panelist_appoint",
    "panelist_remove",
]


@transaction.atomic
def judgment_record(
    *,
    member,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    points: Decimal | str | None = None,
    items: Sequence[str] | None = None,
    note: str = "",
    expected_version: int,
    source: str = Source.ADMIN,
) -> Judgment:
    """A member's own score: a level (`points`) or the items met (`items`, turned into points by the rule).

    `expected_version` is the version the member's form showed (0 for a first score); if someone saved
    in between, StaleVersion. Judged criteria only: a data criterion takes `override_record`.
    """
    acts.require(member, "committee.score", rubric)
    rubric = lock_open(rubric)
    outcome = judgment_apply(
        member=member,
        rubric=rubric,
        unit=unit,
        criterion_code=criterion_code,
        points=points,
        items=items,
        note=note,
        expected_version=expected_version,
        source=source,
    )
    if outcome.status != UNCHANGED:
        results_mark_dirty(rubric_id=rubric.pk, unit_ids=[unit.pk])
        _disagreement_tell(rubric, unit, outcome.judgment.criterion)
    return outcome.judgment


def _disagreement_tell(rubric: ContestPeriod, unit: Unit, criterion) -> None:
    """Members' points on the cell differ and no final settles it: the chair is told, once per cell until a
    final is recorded (a later disagreement, after that final, is told again)."""
    cell = {"rubric": rubric, "unit": unit, "criterion": criterion}
    points = set(Judgment.objects.filter(**cell).values_list("points", flat=True))
    if len(points) < 2:
        return
    final = ChairFinal.objects.filter(**cell).values_list("pk", flat=True).first()
    link = reverse("admin:committee_score", args=[rubric.key, unit.code, criterion.code])
    events.final_waiting(rubric=rubric, unit=unit, code=criterion.code, key=f"after{final or 0}", link=link)


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass(frozen=True)
class Outcome:
    judgment: Judgment
    status: str  # CREATED | UPDATED | UNCHANGED
    old_points: Decimal | None


def judgment_apply(
    *,
    member,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    points: Decimal | str | None,
    items: Sequence[str] | None,
    note: str,
    expected_version: int | None,
    source: str,
    by=None,
) -> Outcome:
    """The write behind `judgment_record` and `imports.judgments_import`: checks, saves, audits.

    The caller holds a transaction with the open rubric locked (`lock_open`), has asked the act
    `committee.score` of the member (its one ask: `judgment_record`, the import per member, the demo's judges)
    and marks results dirty.
    `expected_version` None: the current version, whatever it is (a file import is the source of truth).
    `by` is who made the change when it is not the member (central staff importing a paper sheet).
    """
    ensure_not_conflicted(member, unit, rubric)
    c, criterion = find_criterion(rubric, criterion_code)
    if not c.rule.committee_judges:
        raise CommitteeError(
            format_lazy(
                gettext_lazy("criterion {label} is computed from data; record an override with a reason"), label=c.label
            ),
        )
    ticked: list[str] = []
    if items is not None:
        value, ticked = points_from_items(rubric, c, unit, items)
        if points is not None and allowed(c, points) != value:
            raise CommitteeError(
                format_lazy(
                    gettext_lazy("{points} does not match the items ticked ({fmt_points})"),
                    points=points,
                    fmt_points=fmt_points(value),
                ),
            )
    elif points is not None:
        value = allowed(c, points)
    else:
        raise CommitteeError(gettext_lazy("pick a level or tick the items met"))
    note = (note or "").strip()
    current = Judgment.objects.select_for_update().filter(member=member, unit=unit, criterion=criterion).first()
    if current is None:
        judgment = create_first(
            Judgment,
            0 if expected_version is None else expected_version,
            rubric=rubric,
            unit=unit,
            criterion=criterion,
            member=member,
            points=value,
            items=ticked,
            note=note,
        )
        old, old_items, status = None, None, CREATED
    else:
        version = current.version if expected_version is None else expected_version
        if current.version != version:
            raise StaleVersion
        if (current.points, current.items, current.note) == (value, ticked, note):
            return Outcome(current, UNCHANGED, current.points)  # no new version, no audit row
        old, old_items, status = current.points, current.items, UPDATED
        compare_and_set(Judgment, current.pk, version, points=value, items=ticked, note=note)
        judgment = Judgment.objects.get(pk=current.pk)
    audit(
        kind=ChangeKind.JUDGMENT,
        rubric=rubric,
        unit=unit,
        criterion=criterion,
        by=by or member,
        member=member,
        old=old,
        new=value,
        old_items=old_items,
        new_items=ticked,
        reason=note,
        source=source,
    )
    return Outcome(judgment, status, old)


def _final_record(
    model: type[Final], kind: str, *, user, rubric, unit, code, points, reason, expected_version, source, data: bool
):
    rubric = lock_open(rubric)
    ensure_not_conflicted(user, unit, rubric)
    c, criterion = find_criterion(rubric, code)
    if c.rule.committee_judges == data:
        th, en = ("ปรับคะแนน", "an override") if data else ("คะแนนสรุปของประธาน", "a chair's final")
        raise CommitteeError(f"ตัวชี้วัด {c.label} ใช้{th}ไม่ได้", f"criterion {c.label} does not take {en}")
    reason = (reason or "").strip()
    if not reason:
        raise CommitteeError(gettext_lazy("a reason is required"))
    value = None if points is None else allowed(c, points)
    current = model.objects.select_for_update().filter(unit=unit, criterion=criterion).first()
    if current is None:
        if value is None:
            raise CommitteeError(gettext_lazy("there is no score to clear"))
        record = create_first(
            model,
            expected_version,
            rubric=rubric,
            unit=unit,
            criterion=criterion,
            points=value,
            reason=reason,
            by=user,
        )
        old = None
    else:
        if current.version != expected_version:
            raise StaleVersion
        old = current.points
        compare_and_set(model, current.pk, expected_version, points=value, reason=reason, by=user)
        record = model.objects.get(pk=current.pk)
    audit(
        kind=kind,
        rubric=rubric,
        unit=unit,
        criterion=criterion,
        by=user,
        old=old,
        new=value,
        reason=reason,
        source=source,
    )
    results_mark_dirty(rubric_id=rubric.pk, unit_ids=[unit.pk])
    return record


@transaction.atomic
def chair_final_record(
    *,
    chair,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    points: Decimal | str | None,
    reason: str,
    expected_version: int,
    source: str = Source.ADMIN,
) -> ChairFinal:
    """The chair's consensus score, which wins over the median; `points=None` clears it (median again)."""
    acts.require(chair, "committee.finalize", rubric)
    return _final_record(
        ChairFinal,
        ChangeKind.CHAIR_FINAL,
        user=chair,
        rubric=rubric,
        unit=unit,
        code=criterion_code,
        points=points,
        reason=reason,
        expected_version=expected_version,
        source=source,
        data=False,
    )


@transaction.atomic
def override_record(
    *,
    member,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    points: Decimal | str | None,
    reason: str,
    expected_version: int,
    source: str = Source.ADMIN,
) -> Override:
    """Points for a criterion computed from data, with a mandatory reason; `points=None` returns to the data."""
    acts.require(member, "committee.override", rubric)
    return _final_record(
        Override,
        ChangeKind.OVERRIDE,
        user=member,
        rubric=rubric,
        unit=unit,
        code=criterion_code,
        points=points,
        reason=reason,
        expected_version=expected_version,
        source=source,
        data=True,
    )


@transaction.atomic
def conflict_set(
    *, by, member, unit: Unit | None, conflicted: bool, reason: str = "", contest: Contest | None = None
) -> Conflict | None:
    """Central staff mark (or clear) a member's conflict of interest with a unit of any level, and so with
    every unit under it; a provincial contest's organisers do so for its panel and its entrants (`contest`),
    where `unit` is None when the code posted names none of them (the panel's check refuses it)."""
    acts.require(by, "committee.manage_conflicts", contest)
    if contest is not None:
        panel_conflict_check(contest, member, unit)
    if not conflicted:
        Conflict.objects.filter(member=member, unit=unit).delete()
        return None
    conflict, _ = Conflict.objects.update_or_create(
        member=member, unit=unit, defaults={"reason": reason.strip(), "created_by": by}
    )
    return conflict
