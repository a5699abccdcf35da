"""Import of committee judgments from a CSV/XLSX sheet: all rows or none, through `services.judgment_apply`.

The sheet (header row 1, any column order, extra columns ignored):

    province,criterion,member,points,items,note
    TH-50,4.1.1,somchai,5,,เอกสารครบ
    เชียงใหม่,3.1,somchai,,"1,2,3",

- province: ISO code, Thai or English name (as in the facts import); in a contest among districts or
  subdistricts the entrant's DOPA code, or its name where no other entrant shares it, and
  the column may be called "entrant"; criterion: its code in that year;
- member: the committee member's username (the score is theirs; the importer is recorded as "by");
- points: an allowed level, or items: the item/step codes met, separated by "," ";" or spaces
  (the rule turns them into points, exactly as on the scoring screen); both: they must agree;
- note: optional. Columns province, criterion and member are required, and points or items.

A row equal to the stored judgment changes nothing (no new version, no audit row). Each changed row
leaves a ScoreChange with source "import"; the touched entrants are marked dirty once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from contests.models import Level
from core import acts
from core.errors import RowError, RowsError, YearFrozen
from rubrics.models import ContestPeriod
from scoring.recompute import results_mark_dirty
from scoring.selectors import entrant_lookup, norm_unit_key

from .errors import CommitteeError
from .guards import lock_open
from .models import Source
from .querysets import has_panel
from .services import CREATED, UPDATED, judgment_apply

HEADER = ("province", "criterion", "member", "points", "items", "note")
REQUIRED = ("province", "criterion", "member")
ITEM_SPLIT = re.compile(r"[,;\s]+")


class JudgmentImportError(RowsError):
    """Every bad row, with its spreadsheet row number (row 0: about the whole file)."""


@dataclass
class JudgmentImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (row, entrant code, criterion code, member username, old points or None, new points)
    changes: list[tuple[int, str, str, str, Decimal | None, Decimal]] = field(default_factory=list)
    unit_ids: set[int] = field(default_factory=set)


class _Discard(Exception):
    """Leaves the transaction with a rollback: errors were found, or it was a dry run."""


def _text(row: Mapping[str, object], col: str) -> str:
    value = row.get(col)
    return "" if value is None else str(value).strip()


def _header_errors(rows: Sequence[Mapping[str, object]]) -> list[RowError]:
    if not rows:
        return [RowError(0, _("the file has no data rows"))]
    columns = set(rows[0])
    missing = [c for c in REQUIRED if c not in columns]
    if "points" not in columns and "items" not in columns:
        missing.append("points/items")
    if missing:
        return [RowError(1, format_lazy(_("missing column {join}"), join=", ".join(missing)))]
    return []


def judgments_import(
    *,
    rubric: ContestPeriod,
    rows: Sequence[Mapping[str, object]],
    by=None,
    dry_run: bool = False,
    first_row: int = 2,
) -> JudgmentImportReport:
    """Imports members' scores: all rows or none; `dry_run` reports what would change and keeps nothing.

    `by` is the person importing (central staff, or a provincial contest's organisers; None from the
    command line: each row is then recorded as changed by its own member). Refuses a frozen year, units
    that do not enter the contest, unknown criteria and users, people who do not judge this contest,
    conflicted members, data criteria and points not allowed by the rule.
    """
    if by is not None:  # None: the command line, run by whoever holds the server
        acts.require(by, "committee.import_judgments", rubric)
    if rows and "entrant" in rows[0] and "province" not in rows[0]:  # a contest's sheet names its entrants
        rows = [{**row, "province": row.get("entrant")} for row in rows]
    errors = _header_errors(rows)
    if errors:
        raise JudgmentImportError(errors)
    report = JudgmentImportReport()
    try:
        with transaction.atomic():
            try:
                rubric = lock_open(rubric)
            except YearFrozen as exc:
                raise JudgmentImportError([RowError(0, exc.th, exc.en)]) from None
            _rows_apply(rubric, rows, by, first_row, report, errors)
            if errors or dry_run:
                raise _Discard
            if report.unit_ids:
                results_mark_dirty(rubric_id=rubric.pk, unit_ids=report.unit_ids)
    except _Discard:
        pass
    if errors:
        raise JudgmentImportError(sorted(errors, key=lambda e: e.row))
    return report


def _rows_apply(rubric, rows, by, first_row: int, report: JudgmentImportReport, errors: list[RowError]) -> None:
    units = entrant_lookup(rubric)
    by_province = rubric.contest.entrant_level == Level.PROVINCE
    panel = has_panel(rubric)
    names = {_text(r, "member") for r in rows}
    # Active members only, as appointment and judges_of count them: a closed member's row is an unknown user.
    accounts = get_user_model().objects.filter(username__in=names, is_active=True).select_related("membership")
    users = {u.username: u for u in accounts}
    # Each unit's line (it and the units above it) with no query per row: the lock's conflict question reads it.
    prefetch_related_objects(list(units.values()), "parent")
    seen: dict[tuple[str, str, str], int] = {}
    for n, row in enumerate(rows, start=first_row):
        if not any(_text(row, col) for col in row):
            continue  # a blank line in the sheet
        p_raw, code, name = _text(row, "province"), _text(row, "criterion"), _text(row, "member")
        unit = units.get(norm_unit_key(p_raw))
        member = users.get(name)
        if unit is None:
            if by_province:
                th, en = f"ไม่พบจังหวัด '{p_raw}'", f"unknown province '{p_raw}'"
            else:  # a district or subdistrict contest: its entrants only
                th, en = f"'{p_raw}' ไม่ใช่ผู้เข้าประกวดนี้", f"'{p_raw}' is not an entrant of this contest"
            errors.append(RowError(n, th, en))
            continue
        if member is None:
            errors.append(RowError(n, format_lazy(_("unknown user '{name}'"), name=name)))
            continue
        if not acts.allowed(member, "committee.score", rubric):
            if panel:  # a provincial contest is judged by its own panel only
                th, en = f"'{name}' ไม่ใช่กรรมการการประกวดนี้", f"'{name}' is not on this contest's panel"
            else:
                th, en = f"'{name}' ไม่ใช่กรรมการ", f"'{name}' is not a committee member"
            errors.append(RowError(n, th, en))
            continue
        # The question judgment_apply asks (guards.ensure_not_conflicted): a conflict declared on the unit or
        # one above it, or on a panel the member's own office's units; here it names the member and the unit.
        if actor_of(member).rights(rubric.contest).conflicted(unit):
            errors.append(
                RowError(
                    n,
                    f"กรรมการ '{name}' มีส่วนได้เสียกับ{unit.name_th} ให้คะแนนไม่ได้",
                    f"member '{name}' has a conflict of interest with {unit.code} and cannot score it",
                )
            )
            continue
        key = (unit.code, code, name)
        if key in seen:
            errors.append(RowError(n, format_lazy(_("duplicates row {seen}"), seen=seen[key])))
            continue
        seen[key] = n
        items_raw = _text(row, "items")
        try:
            with transaction.atomic():  # savepoint: a refused row leaves nothing behind
                outcome = judgment_apply(
                    member=member,
                    rubric=rubric,
                    unit=unit,
                    criterion_code=code,
                    points=_text(row, "points") or None,
                    items=[i for i in ITEM_SPLIT.split(items_raw) if i] if items_raw else None,
                    note=_text(row, "note"),
                    expected_version=None,
                    source=Source.IMPORT,
                    by=by,
                )
        except CommitteeError as exc:
            errors.append(RowError(n, exc.th, exc.en))
            continue
        if outcome.status == CREATED:
            report.created += 1
        elif outcome.status == UPDATED:
            report.updated += 1
        else:
            report.unchanged += 1
            continue
        report.changes.append((n, unit.code, code, name, outcome.old_points, outcome.judgment.points))
        report.unit_ids.add(unit.pk)
