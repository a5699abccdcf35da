"""Writes. Forms, the API, admin actions, imports and commands all come through here."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.db import transaction
from django.db.models import F, ProtectedError
from django.utils import timezone

from awards.models import AwardTier

from . import coalesce, engine, selectors
from .bulk import update_rows
from .models import (
    Criterion,
    Dimension,
    Fact,
    FactChange,
    FactSource,
    Province,
    ProvinceResult,
    RecomputeRun,
    Rubric,
)
from .spec import RubricError, parse_rubric

# Bangkok has no provincial CDD office: say so instead of "unknown province".
BANGKOK_KEYS = {"th-10", "กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "bangkok"}


def _queue_recompute(rubric_id: int) -> None:
    # After commit, never inside the transaction: the worker must see the change, and a rolled-back
    # change must queue nothing. `schedule` debounces bursts and never raises (beat heals).
    transaction.on_commit(partial(coalesce.schedule, rubric_id))


def standings_refresh(*, rubric_id: int) -> int:
    """What the `scoring.recompute` task runs: coalesced, locked per year, logged when it did work."""
    coalesce.claim(rubric_id)  # before reading: anything committed from now on queues another run
    with coalesce.rubric_lock(rubric_id) as held:
        if not held:  # another worker is on this year; run again after it rather than queue on the row lock
            coalesce.schedule(rubric_id)
            return 0
        started, t0 = timezone.now(), time.perf_counter()
        try:
            rescored = standings_recompute(rubric_id=rubric_id)
        except Rubric.DoesNotExist:  # the year was deleted after the task was queued
            return 0
        if rescored:
            RecomputeRun.objects.create(
                rubric_id=rubric_id,
                started_at=started,
                duration_ms=int((time.perf_counter() - t0) * 1000),
                rescored=rescored,
            )
        return rescored


def stale_rubric_ids() -> list[int]:
    """Years with a "needs recompute" mark: what the beat job re-queues."""
    stale = ProvinceResult.objects.filter(change_seq__gt=F("computed_seq"))
    return sorted(set(stale.values_list("rubric_id", flat=True)))


def recompute_runs_prune(*, keep_days: int = 14) -> int:
    return RecomputeRun.objects.filter(started_at__lt=timezone.now() - timedelta(days=keep_days)).delete()[0]


def results_mark_dirty(*, rubric_id: int, province_ids: Iterable[int] | None = None) -> None:
    """Marks results stale in the caller's transaction and queues a recompute after it commits.

    The mark survives a broker outage; the beat job `scoring.recompute_dirty` picks it up.
    """
    qs = ProvinceResult.objects.filter(rubric_id=rubric_id)
    if province_ids is not None:
        qs = qs.filter(province_id__in=list(province_ids))
    qs.update(change_seq=F("change_seq") + 1)
    _queue_recompute(rubric_id)


def _ensure_results(rubric: Rubric) -> None:
    have = set(ProvinceResult.objects.filter(rubric=rubric).values_list("province_id", flat=True))
    ProvinceResult.objects.bulk_create(
        [ProvinceResult(rubric=rubric, province=p) for p in Province.objects.exclude(pk__in=have)]
    )


@transaction.atomic
def provinces_load(*, entries: Sequence[Mapping]) -> int:
    """Creates or updates the provincial offices by ISO code (idempotent)."""
    for entry in entries:
        Province.objects.update_or_create(
            code=entry["code"],
            defaults={k: entry[k] for k in ("name_th", "name_en", "size_group", "region", "aliases_th")},
        )
    for rubric in Rubric.objects.all():
        _ensure_results(rubric)
        results_mark_dirty(rubric_id=rubric.pk)
    return len(entries)


@transaction.atomic
def rubric_load(*, data: Mapping) -> Rubric:
    """Creates or updates a year's rubric from the data format; refuses an invalid one (RubricError)."""
    spec = parse_rubric(dict(data))
    existing = Rubric.objects.filter(year=spec.year).first()
    if existing is not None:
        _ensure_rubric_editable(existing)
    rubric, _ = Rubric.objects.update_or_create(
        year=spec.year,
        defaults={
            "name_th": spec.name_th,
            "name_en": spec.name_en,
            "starts_on": spec.starts_on,
            "ends_on": spec.ends_on,
            "total_points": spec.total_points,
            "tie_break": list(spec.tie_break),
            "level_bands": data.get("level_bands"),
        },
    )
    rubric.revision = uuid.uuid4()
    rubric.save(update_fields=["revision"])
    codes = {c.code for c in spec.criteria()}
    # Facts, evidence and committee scores all PROTECT their criterion: removing one refuses, whatever holds it.
    dropped = rubric.criteria.exclude(code__in=codes)
    dropped_codes = ", ".join(sorted(dropped.values_list("code", flat=True)))
    try:
        with transaction.atomic():
            dropped.delete()
    except ProtectedError as exc:
        raise RubricError(
            [
                f"ตัวชี้วัด {dropped_codes} มีข้อมูล หลักฐาน หรือคะแนนแล้ว ลบออกไม่ได้"
                f" / criteria {dropped_codes} already have facts, evidence or scores and cannot be removed"
            ]
        ) from exc
    rubric.dimensions.exclude(code__in=[d.code for d in spec.dimensions]).delete()
    order = 0
    for d_order, dim in enumerate(spec.dimensions):
        dimension, _ = Dimension.objects.update_or_create(
            rubric=rubric,
            code=dim.code,
            defaults={"order": d_order, "name_th": dim.name_th, "name_en": dim.name_en, "max_points": dim.max_points},
        )
        for c in dim.criteria:
            order += 1
            Criterion.objects.update_or_create(
                rubric=rubric,
                code=c.code,
                defaults={
                    "dimension": dimension,
                    "order": order,
                    "name_th": c.name_th,
                    "name_en": c.name_en,
                    "max_points": c.max_points,
                    "rule": c.raw_rule,
                    "deadline": c.deadline,
                    "extra": c.extra,
                    "evidence_th": c.evidence_th,
                    "evidence_en": c.evidence_en,
                    "channel_th": c.channel_th,
                    "channel_en": c.channel_en,
                },
            )
    rubric.award_tiers.exclude(code__in=[a.code for a in spec.awards]).delete()
    for a_order, award in enumerate(spec.awards):
        AwardTier.objects.update_or_create(
            rubric=rubric,
            code=award.code,
            defaults={
                "order": a_order,
                "name_th": award.name_th,
                "name_en": award.name_en,
                "count": award.count,
                "prize": award.prize,
                "prize_th": award.prize_th,
                "prize_en": award.prize_en,
            },
        )
    _ensure_results(rubric)
    results_mark_dirty(rubric_id=rubric.pk)
    return rubric


@transaction.atomic
def criterion_deadline_set(*, rubric: Rubric, code: str, deadline: date | None) -> Criterion:
    """Central staff move a deadline (the Department sets some by letter); every province is rescored."""
    _ensure_rubric_editable(rubric)
    criterion = Criterion.objects.select_for_update().get(rubric=rubric, code=code)
    criterion.deadline = deadline
    criterion.save(update_fields=["deadline"])
    rubric.revision = uuid.uuid4()
    rubric.save(update_fields=["revision"])
    parse_rubric(selectors.rubric_data(rubric))  # the edited rubric must still be valid
    results_mark_dirty(rubric_id=rubric.pk)
    return criterion


def holidays_changed() -> None:
    """A corrected holiday calendar can change any timeliness score in any year."""
    for rubric in Rubric.objects.all():
        rubric.revision = uuid.uuid4()  # drops the cached calendar (selectors.rubric_calendar)
        rubric.save(update_fields=["revision"])
        results_mark_dirty(rubric_id=rubric.pk)


@dataclass(frozen=True)
class RowError:
    row: int
    th: str
    en: str

    def __str__(self) -> str:
        if self.row == 0:  # about the whole import, not one row
            return f"{self.th} / {self.en}"
        return f"แถวที่ {self.row}: {self.th} / row {self.row}: {self.en}"


class FactImportError(ValueError):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class YearFrozenError(FactImportError):
    """Facts, scores, deadlines and the rubric of a frozen year refuse changes until it is unfrozen."""

    def __init__(self, year: int):
        self.th = f"ผลปี {year} ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล"
        self.en = f"the {year} results are frozen: no changes until central staff unfreeze them"
        super().__init__([RowError(0, self.th, self.en)])


def ensure_not_frozen(rubric: Rubric) -> None:
    if selectors.is_frozen(rubric):
        raise YearFrozenError(rubric.year)


def _ensure_rubric_editable(rubric: Rubric) -> None:
    """The rubric's own writers speak RubricError, which their callers already show."""
    try:
        ensure_not_frozen(rubric)
    except YearFrozenError as exc:
        raise RubricError([f"{exc.th} / {exc.en}"]) from exc


@dataclass
class FactImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (row, province code, criterion code, fact, old value or None, new value)
    changes: list[tuple[int, str, str, str, str | None, str]] = field(default_factory=list)
    province_ids: set[int] = field(default_factory=set)


HEADER = ("province", "criterion", "fact", "value")


def facts_import(
    *,
    rubric: Rubric,
    rows: Sequence[Mapping[str, object]],
    user=None,
    source: str = FactSource.IMPORT,
    dry_run: bool = False,
    first_row: int = 2,
) -> FactImportReport:
    """Imports `province,criterion,fact,value` rows: all or none.

    Every bad row is reported with its spreadsheet row number (the header is row 1) and nothing is
    written. `dry_run` reports what would change and writes nothing.
    """
    ensure_not_frozen(rubric)
    spec = selectors.rubric_spec(rubric)
    provinces = selectors.province_lookup()
    criteria = {c.code: c for c in rubric.criteria.all()}
    existing = {(f.province_id, f.criterion_id, f.name): f for f in Fact.objects.filter(rubric=rubric)}
    errors: list[RowError] = []
    seen: dict[tuple[int, int, str], int] = {}
    parsed: list[tuple[int, Province, Criterion, str, str]] = []
    for n, row in enumerate(rows, start=first_row):
        if not any(str(v if v is not None else "").strip() for v in row.values()):
            continue  # a blank line in the sheet
        missing = [col for col in HEADER if col not in row]
        if missing:
            errors.append(RowError(n, f"ไม่มีคอลัมน์ {', '.join(missing)}", f"missing column {', '.join(missing)}"))
            continue
        p_raw, c_raw, name, value = (str(row[col] if row[col] is not None else "").strip() for col in HEADER)
        key = selectors.norm_province_key(p_raw)
        province = provinces.get(key)
        if province is None:
            if key in BANGKOK_KEYS:
                errors.append(RowError(n, "กรุงเทพมหานครไม่มีสำนักงานพัฒนาชุมชนจังหวัด", "Bangkok has no provincial office"))
            else:
                errors.append(RowError(n, f"ไม่พบจังหวัด '{p_raw}'", f"unknown province '{p_raw}'"))
            continue
        criterion = criteria.get(c_raw)
        if criterion is None:
            errors.append(
                RowError(n, f"ไม่พบตัวชี้วัด '{c_raw}' ในปี {rubric.year}", f"unknown criterion '{c_raw}' in {rubric.year}")
            )
            continue
        rule = spec.criterion(c_raw).rule
        if name not in rule.fact_names():
            known = ", ".join(rule.fact_names())
            errors.append(
                RowError(
                    n,
                    f"ตัวชี้วัด {c_raw} ไม่มีข้อมูล '{name}' (มี: {known})",
                    f"criterion {c_raw} has no fact '{name}' (known: {known})",
                )
            )
            continue
        if len(value) > 200:
            errors.append(RowError(n, "ค่ายาวเกิน 200 ตัวอักษร", "value longer than 200 characters"))
            continue
        if value:
            try:
                rule.parse_fact(name, value)
            except ValueError as exc:
                errors.append(RowError(n, getattr(exc, "th", str(exc)), getattr(exc, "en", str(exc))))
                continue
        ident = (province.pk, criterion.pk, name)
        if ident in seen:
            errors.append(RowError(n, f"ซ้ำกับแถวที่ {seen[ident]}", f"duplicates row {seen[ident]}"))
            continue
        seen[ident] = n
        parsed.append((n, province, criterion, name, value))
    errors.extend(_cross_fact_errors(spec, parsed, existing))
    if errors:
        raise FactImportError(sorted(errors, key=lambda e: e.row))
    return _facts_write(rubric=rubric, parsed=parsed, existing=existing, user=user, source=source, dry_run=dry_run)


def _cross_fact_errors(spec, parsed, existing) -> list[RowError]:
    """Checks each touched (province, criterion) with the file's values over the stored ones."""
    merged: dict[tuple[int, int], dict[str, str]] = {}
    last_row: dict[tuple[int, int], tuple[int, str]] = {}
    for n, province, criterion, name, value in parsed:
        pair = (province.pk, criterion.pk)
        if pair not in merged:
            merged[pair] = {k[2]: f.value for k, f in existing.items() if (k[0], k[1]) == pair and f.value}
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


def _facts_write(*, rubric, parsed, existing, user, source, dry_run) -> FactImportReport:
    report = FactImportReport()
    to_create: list[Fact] = []
    to_update: list[tuple[Fact, str]] = []
    for n, province, criterion, name, value in parsed:
        fact = existing.get((province.pk, criterion.pk, name))
        if fact is not None and fact.value == value:
            report.unchanged += 1
            continue
        old = None if fact is None else fact.value
        report.changes.append((n, province.code, criterion.code, name, old, value))
        report.province_ids.add(province.pk)
        if fact is None:
            report.created += 1
            to_create.append(
                Fact(
                    rubric=rubric,
                    province=province,
                    criterion=criterion,
                    name=name,
                    value=value,
                    source=source,
                    updated_by=user,
                )
            )
        else:
            report.updated += 1
            to_update.append((fact, old))
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
        results_mark_dirty(rubric_id=rubric.pk, province_ids=report.province_ids)
    return report


def fact_set(
    *,
    rubric: Rubric,
    province: Province,
    criterion_code: str,
    name: str,
    value: str,
    user=None,
    source: str = FactSource.ADMIN,
) -> FactImportReport:
    """One fact, through the same checks as a file import."""
    row = {"province": province.code, "criterion": criterion_code, "fact": name, "value": value}
    return facts_import(rubric=rubric, rows=[row], user=user, source=source, first_row=1)


@transaction.atomic
def standings_recompute(*, rubric_id: int, full: bool = False) -> int:
    """Rescores the stale provinces (all with `full`) and re-ranks all of them.

    Query count does not grow with provinces or criteria. Returns how many provinces were rescored.
    """
    # NO KEY UPDATE: serialises recomputes without blocking the foreign-key checks of concurrent fact writes.
    rubric = Rubric.objects.select_for_update(no_key=True).get(pk=rubric_id)
    spec = selectors.rubric_spec(rubric)
    calendar = selectors.rubric_calendar(rubric)
    results = list(ProvinceResult.objects.filter(rubric=rubric).select_related("province"))
    stale = [r for r in results if full or r.change_seq > r.computed_seq]
    if not stale:
        return 0
    stale_province_ids = None if full else [r.province_id for r in stale]
    facts = selectors.facts_by_province(rubric, stale_province_ids)
    # The committee's judgments feed the same engine as overrides (RUBRIC.md decision 8).
    from committee.selectors import judged_points  # committee builds on scoring, not the reverse

    judged = judged_points(rubric, stale_province_ids)
    now = timezone.now()
    stale_ids = {r.pk for r in stale}
    breakdowns = {}
    for r in results:
        if r.pk in stale_ids:
            b = engine.evaluate_province(
                spec,
                facts.get(r.province_id, {}),
                size_group=r.province.size_group,
                calendar=calendar,
                overrides=judged.get(r.province_id, {}),
            )
            r.total, r.level = b.total, b.level
            r.dimensions = {k: str(v) for k, v in b.dimensions.items()}
            r.criteria = {k: str(s.points) for k, s in b.criteria.items()}
            r.explanations = {k: {"th": s.th, "en": s.en} for k, s in b.criteria.items()}
            r.computed_seq, r.computed_at = r.change_seq, now
            breakdowns[r.province.code] = b
        else:
            breakdowns[r.province.code] = selectors.stored_breakdown(r)
    placings = {p.province: p for p in engine.rank(breakdowns, tie_break=spec.tie_break, awards=spec.awards)}
    for r in results:
        p = placings[r.province.code]
        r.rank, r.tied, r.award, r.award_tie = p.rank, p.tied, p.award or "", p.award_tie
    update_rows(
        results,
        [
            "total",
            "level",
            "dimensions",
            "criteria",
            "explanations",
            "rank",
            "tied",
            "award",
            "award_tie",
            "computed_seq",
            "computed_at",
        ],
    )
    Rubric.objects.filter(pk=rubric.pk).update(standings_computed_at=now)
    return len(stale)
