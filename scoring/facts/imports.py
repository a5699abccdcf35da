"""The facts import: `province,criterion,fact,value` rows, all or none, through one function."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.models import Contest, ContestState, Level, Unit
from core import acts
from core.errors import RowError, RowsError, YearFrozen
from core.sheets.limits import SheetError
from core.sheets.tabular import read_rows
from core.sheets.xlsx import xlsx_sheets
from notices import events
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_spec
from rulebook.dates import DateInputError, check_window, fiscal_year, parse_date
from rulebook.rubric import RubricSpec
from scoring import lifecycle, selectors
from scoring.facts import template as fact_template
from scoring.models import Fact, FactChange, FactSource
from scoring.recompute import results_mark_dirty

# Bangkok has no provincial CDD office: say so instead of "unknown province".
BANGKOK_KEYS = {"th-10", "กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "bangkok"}


class FactImportError(RowsError):
    pass


def ensure_not_frozen(rubric: ContestPeriod) -> None:
    lifecycle.ensure_changeable(rubric)


@dataclass
class FactImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (row, entrant code, criterion code, fact, old value or None, new value)
    changes: list[tuple[int, str, str, str, str | None, str]] = field(default_factory=list)
    unit_ids: set[int] = field(default_factory=set)


HEADER = ("province", "criterion", "fact", "value")
# A contest among districts or subdistricts names its entrants; "province" is read the same way.
ENTRANT_HEADER = ("entrant", "criterion", "fact", "value")


def facts_import_file(*, rubric: ContestPeriod, data: bytes, filename: str, user=None) -> FactImportReport:
    """A CSV/XLSX sheet of one rubric's facts, as the dashboard's upload and the API take it: all or none.
    The contest's fact template (scoring.facts.template) is read as such, every period of it at once."""
    if Path(filename).suffix.lower() == ".xlsx":
        sheets = xlsx_sheets(data)
        if fact_template.is_template(sheets):
            return facts_template_import(contest=rubric.contest, sheets=sheets, user=user)
    header = HEADER if rubric.contest.is_national else ENTRANT_HEADER
    rows = read_rows(data, filename, required=header)
    return facts_import(rubric=rubric, rows=rows, user=user, source=FactSource.IMPORT)


def facts_import(
    *,
    rubric: ContestPeriod,
    rows: Sequence[Mapping[str, object]],
    user=None,
    source: str = FactSource.IMPORT,
    dry_run: bool = False,
    first_row: int = 2,
    backfill: bool = False,
) -> FactImportReport:
    """Imports `province,criterion,fact,value` rows: all or none.

    Every bad row is reported with its spreadsheet row number (the header is row 1) and nothing is
    written. `dry_run` reports what would change and writes nothing. `backfill`: the rows record what
    happened before they were loaded (the demo's years): each receipt is told as of its own day, not as today's
    news at the top of everyone's inbox, and a year already over tells nothing (`_receipts_tell`).
    Whoever's role steps up confirms the second factor first (`scoring.import_facts`), by every door: the
    dashboard's upload, the API, the admin's import, one fact set; an office's own facts ask none.
    """
    if user is not None:
        acts.step_up(user, "scoring.import_facts")
    ensure_not_frozen(rubric)
    spec = rubric_spec(rubric)
    units = selectors.entrant_lookup(rubric)
    criteria = {c.code: c for c in rubric.criteria.all()}
    errors: list[RowError] = []
    seen: dict[tuple[int, int, str], int] = {}
    parsed: list[tuple[int, Unit, Criterion, str, str]] = []
    for n, row in enumerate(rows, start=first_row):
        if not any(str(v if v is not None else "").strip() for v in row.values()):
            continue  # a blank line in the sheet
        if "entrant" in row and "province" not in row:  # a contest's sheet names its entrants
            row = {**row, "province": row["entrant"]}
        missing = [col for col in HEADER if col not in row]
        if missing:
            errors.append(RowError(n, format_lazy(gettext_lazy("missing column {join}"), join=", ".join(missing))))
            continue
        p_raw, c_raw, name, value = (str(row[col] if row[col] is not None else "").strip() for col in HEADER)
        key = selectors.norm_unit_key(p_raw)
        unit = units.get(key)
        if unit is None:
            if rubric.contest.entrant_level != Level.PROVINCE:
                th, en = f"'{p_raw}' ไม่ใช่ผู้เข้าประกวดนี้", f"'{p_raw}' is not an entrant of this contest"
                errors.append(RowError(n, th, en))
            elif key in BANGKOK_KEYS:
                errors.append(RowError(n, gettext_lazy("Bangkok has no provincial office")))
            else:
                errors.append(RowError(n, format_lazy(gettext_lazy("unknown province '{p_raw}'"), p_raw=p_raw)))
            continue
        criterion = criteria.get(c_raw)
        if criterion is None:
            errors.append(
                RowError(
                    n, format_lazy(gettext_lazy("unknown criterion '{c_raw}' in {year}"), c_raw=c_raw, year=rubric.year)
                )
            )
            continue
        rule = spec.criterion(c_raw).rule
        if name not in rule.fact_names():
            known = ", ".join(rule.fact_names())
            errors.append(
                RowError(
                    n,
                    format_lazy(
                        gettext_lazy("criterion {c_raw} has no fact '{name}' (known: {known})"),
                        c_raw=c_raw,
                        name=name,
                        known=known,
                    ),
                )
            )
            continue
        if len(value) > 200:
            errors.append(RowError(n, gettext_lazy("value longer than 200 characters")))
            continue
        if value:
            try:
                reading = rule.parse_fact(name, value)
                if isinstance(reading, date) and source != FactSource.EVIDENCE:
                    # Decision 11: a typed date far from the contest is a misread year. The portal's
                    # own upload timestamps are not typed, so they are not checked.
                    day = reading.date() if isinstance(reading, datetime) else reading
                    check_window(day, value, fiscal_year(rubric.year))
            except DateInputError as exc:
                label = rule.label(name)
                errors.append(RowError(n, f"{label.th}: {exc.th}", f"{label.en}: {exc.en}"))
                continue
            except ValueError as exc:
                errors.append(RowError(n, getattr(exc, "th", str(exc)), getattr(exc, "en", str(exc))))
                continue
        ident = (unit.pk, criterion.pk, name)
        if ident in seen:
            errors.append(RowError(n, format_lazy(gettext_lazy("duplicates row {seen}"), seen=seen[ident])))
            continue
        seen[ident] = n
        parsed.append((n, unit, criterion, name, value))
    # Only the touched entrants' facts: a single fact_set from an upload must not read the whole year.
    touched = {unit.pk for _, unit, _, _, _ in parsed}
    stored = Fact.objects.filter(rubric=rubric, unit_id__in=touched)
    existing = {(f.unit_id, f.criterion_id, f.name): f for f in stored}
    errors.extend(_cross_fact_errors(spec, parsed, existing))
    if errors:
        raise FactImportError(sorted(errors, key=lambda e: e.row))
    return _facts_write(
        rubric=rubric, parsed=parsed, existing=existing, user=user, source=source, dry_run=dry_run, backfill=backfill
    )


def _cross_fact_errors(spec, parsed, existing) -> list[RowError]:
    """Checks each touched (entrant, criterion) with the file's values over the stored ones."""
    stored: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    for (unit_id, criterion_id, name), f in existing.items():  # grouped once: linear in the facts
        if f.value:
            stored[(unit_id, criterion_id)][name] = f.value
    merged: dict[tuple[int, int], dict[str, str]] = {}
    last_row: dict[tuple[int, int], tuple[int, str]] = {}
    for n, unit, criterion, name, value in parsed:
        pair = (unit.pk, criterion.pk)
        if pair not in merged:
            merged[pair] = dict(stored.get(pair, {}))
        if value:
            merged[pair][name] = value
        else:
            merged[pair].pop(name, None)
        last_row[pair] = (n, criterion.code)
    errors = []
    for pair, facts in merged.items():
        n, code = last_row[pair]
        for err in spec.criterion(code).rule.check(facts):
            errors.append(RowError(n, err.th, err.en))
    return errors


def _facts_write(*, rubric, parsed, existing, user, source, dry_run, backfill: bool) -> FactImportReport:
    report = FactImportReport()
    to_create: list[Fact] = []
    to_update: list[tuple[Fact, str]] = []
    for n, unit, criterion, name, value in parsed:
        fact = existing.get((unit.pk, criterion.pk, name))
        if fact is not None and fact.value == value:
            report.unchanged += 1
            continue
        old = None if fact is None else fact.value
        report.changes.append((n, unit.code, criterion.code, name, old, value))
        report.unit_ids.add(unit.pk)
        if fact is None:
            report.created += 1
            to_create.append(
                Fact(
                    rubric=rubric,
                    unit=unit,
                    criterion=criterion,
                    name=name,
                    value=value,
                    source=source,
                    updated_by=user,
                )
            )
        else:
            report.updated += 1
            to_update.append((fact, fact.value))  # its old value
            fact.value, fact.source, fact.updated_by = value, source, user
    if dry_run or not report.changes:
        return report
    with transaction.atomic():
        now = timezone.now()
        created = Fact.objects.bulk_create(to_create)
        for fact, _ in to_update:
            fact.updated_at = now
        Fact.objects.bulk_update([f for f, _ in to_update], ["value", "source", "updated_by", "updated_at"])
        FactChange.objects.bulk_create(
            [FactChange(fact=f, old_value=None, new_value=f.value, source=source, changed_by=user) for f in created]
            + [
                FactChange(fact=f, old_value=old, new_value=f.value, source=source, changed_by=user)
                for f, old in to_update
            ]
        )
        results_mark_dirty(rubric_id=rubric.pk, unit_ids=report.unit_ids)
        _receipts_tell(rubric, parsed, report, user, backfill=backfill)
    return report


RECEIVED = "received_on"  # the day the Department records an office's document as received (seeds 2.1.2, 1.2)


def _receipts_tell(rubric: ContestPeriod, parsed, report: FactImportReport, user, *, backfill: bool) -> None:
    """A receipt the Department records is evidence received, as an upload is: the office and the judges
    are told (notices.events.evidence_received), once per unit, criterion and day; a back-filled one as of
    its day's office hours (`RECORDED_AT`), when that day is past, and not at all when its fiscal year is over
    (history loaded after the fact: no one is waiting for it)."""
    if rubric.contest.state == ContestState.DRAFT:
        return
    if backfill and (window := fiscal_year(rubric.year)) and window[1] < timezone.localdate():
        return
    units = {n: unit for n, unit, *_ in parsed}
    for n, _, code, name, _, value in report.changes:
        day = _iso_day(value) if name == RECEIVED else None
        if day is not None:
            unit = units[n]
            key = f"received:{unit.pk}:{code}:{day.isoformat()}"
            at = recorded_at(day) if backfill else None
            events.evidence_received(rubric=rubric, unit=unit, code=code, key=key, author=user, day=day, at=at)


RECORDED_AT = time(10)  # a back-filled receipt is told as recorded in the morning of its day


def recorded_at(day: date) -> datetime | None:
    """When a back-filled receipt of `day` is told: that morning, or now when the day has not passed."""
    if day >= timezone.localdate():
        return None
    return timezone.make_aware(datetime.combine(day, RECORDED_AT))


def _iso_day(value: str) -> date | None:
    try:
        return parse_date(value[:10]) if value else None
    except ValueError:
        return None


def facts_template_import(
    *, contest: Contest, sheets: Sequence[tuple[str, list[list]]], user=None, dry_run: bool = False
) -> FactImportReport:
    """A filled-in fact template: every period's sheet through `facts_import`, all or none. A refusal names
    the sheet and the cell, Thai first; a blank cell changes nothing. `dry_run` writes nothing."""
    read = fact_template.read_template(contest, sheets)
    if not read.errors and not read.values:
        if not any(rubric_spec(r).fact_columns for r, _, _ in read.parts):
            raise SheetError(gettext_lazy("this contest takes no data: the panel scores every criterion"))
        raise SheetError(
            gettext_lazy("the template has no values (fill in the cells under the key row and send it again)")
        )
    total, refused = FactImportReport(), []
    with transaction.atomic():  # every period or none
        for rubric, rows, cells in read.parts:
            if not rows:  # a period left blank is not touched (nor refused if it is frozen)
                continue
            try:
                report = facts_import(
                    rubric=rubric, rows=rows, user=user, source=FactSource.IMPORT, first_row=1, dry_run=dry_run
                )
            except YearFrozen:
                raise
            except FactImportError as exc:
                refused += [(cells[e.row - 1], e.th, e.en) for e in exc.errors]
                continue
            total.created, total.updated = total.created + report.created, total.updated + report.updated
            total.unchanged += report.unchanged
            total.changes += [
                (cells[n - 1].row, unit, code, name, old, new) for n, unit, code, name, old, new in report.changes
            ]
            total.unit_ids |= report.unit_ids
        if read.errors or refused:
            raise FactImportError(fact_template.cell_errors(read, refused))  # rolls back the periods written
    return total


def fact_set(
    *,
    rubric: ContestPeriod,
    unit: Unit,
    criterion_code: str,
    name: str,
    value: str,
    user=None,
    source: str = FactSource.ADMIN,
) -> FactImportReport:
    """One fact, through the same checks as a file import."""
    row = {"province": unit.code, "criterion": criterion_code, "fact": name, "value": value}
    return facts_import(rubric=rubric, rows=[row], user=user, source=source, first_row=1)


def facts_unread_blank(*, rubric: ContestPeriod, spec: RubricSpec) -> int:
    """A criterion whose new rule no longer reads a stored fact (seed 003's one "online_channels" became a
    count per channel): the fact is blanked, its value kept in its change history, so that no recompute or
    import meets a fact its rule does not know ("ไม่รู้จักข้อมูล" on every entrant). One query."""
    criteria, read = spec.criteria(), Q()
    for c in criteria:
        read |= Q(criterion__code=c.code, name__in=c.rule.fact_names())
    held = Fact.objects.filter(rubric=rubric, criterion__code__in=[c.code for c in criteria]).exclude(value="")
    unread = list(held.exclude(read))
    FactChange.objects.bulk_create(
        [FactChange(fact=f, old_value=f.value, new_value="", source=f.source) for f in unread]
    )
    Fact.objects.filter(pk__in=[f.pk for f in unread]).update(value="")
    return len(unread)
