"""Reads. Every query that can reach a unit's data is scoped by the actor's scopes (`visible_entrants`, `in_scope`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Case, Q, QuerySet, When

from contests.actor import Power, actor_of
from contests.entrants import contest_entrants
from contests.models import Contest, Level, Unit
from contests.regions import InspectionRegion
from contests.tree import under
from core.numbers import is_whole
from core.process_cache import Kept
from rubrics.contest_spec import periods_gather
from rubrics.models import ClosedDay, HolidayOverride, HolidayOverrideChange, Rubric
from rulebook.dates import fiscal_year, widened
from rulebook.moved import moved
from rulebook.rubric import RubricSpec
from rulebook.spec import parse_rubric
from rulebook.workdays import Reason, WorkCalendar
from scoring import hooks
from scoring.access import rubrics
from scoring.models import Fact, FreezeAction, FreezeEvent, Standing, StandingsSnapshot


def province_lookup() -> dict[str, Unit]:
    """Every way an import may name a province (ISO code, Thai and English names, old spellings)."""
    index: dict[str, Unit] = {}
    for unit in Unit.objects.provinces():
        keys = [unit.code, unit.name_th, unit.name_en, *unit.aliases_th]
        for key in keys:
            index[norm_province_key(key)] = unit
    return index


def office_unit(user) -> Unit | None:
    """The office an organiser runs contests for; None for everyone else (central staff run any)."""
    actor = actor_of(user)
    return actor.own_office if Power.ORGANISE in actor.powers else None


def entrant_lookup(rubric: Rubric) -> dict[str, Unit]:
    """Every way an import may name one of the rubric's entrants: for provinces as province_lookup; for
    districts and subdistricts the DOPA code, and the name where no other entrant shares it."""
    if rubric.contest.entrant_level == Level.PROVINCE:
        return province_lookup()
    index: dict[str, Unit] = {}
    names: dict[str, list[Unit]] = {}
    for unit in contest_entrants(rubric.contest):
        index[unit.code] = unit
        for name in {unit.name_th, unit.name_en}:
            names.setdefault(norm_province_key(name), []).append(unit)
    index.update({key: units[0] for key, units in names.items() if len(units) == 1})
    return index


def units_under(organiser: Unit, level: str) -> QuerySet[Unit]:
    """CDD-office units at `level` (districts, subdistricts) below the organiser, a province or a district:
    the entrants of a contest the organiser runs among its own units."""
    return Unit.objects.filter(under(organiser), level=level, is_cdd_office=True).order_by("dopa_code")


def norm_province_key(text: str) -> str:
    """Folds case and spaces; "TH50" and "th-50" both mean TH-50."""
    key = " ".join(str(text).split()).casefold()
    if key.startswith("th") and is_whole(key[2:]):
        key = "th-" + key[2:]
    return key


def rubric_data(rubric: Rubric) -> dict:
    """The rubric as the data format of docs/rubric-format.md (3 queries)."""
    dimensions = list(rubric.dimensions.all())
    criteria = list(rubric.criteria.all())
    awards = list(rubric.award_tiers.all())
    by_dimension: dict[int, list] = {d.pk: [] for d in dimensions}
    for c in criteria:
        by_dimension[c.dimension_id].append(
            {
                "code": c.code,
                **({"number": c.number} if c.number else {}),
                "name_th": c.name_th,
                "name_en": c.name_en,
                "max_points": str(c.max_points),
                "evidence_th": c.evidence_th,
                "evidence_en": c.evidence_en,
                "channel_th": c.channel_th,
                "channel_en": c.channel_en,
                "deadline": c.deadline.isoformat() if c.deadline else None,
                **({"rounds": c.rounds} if c.rounds else {}),
                "extra": c.extra,
                **({"nominee": True} if c.nominee else {}),
                "rule": c.rule,
            }
        )
    return {
        "year": rubric.year,
        "name_th": rubric.name_th,
        "name_en": rubric.name_en,
        "starts_on": rubric.starts_on.isoformat(),
        "ends_on": rubric.ends_on.isoformat(),
        "total_points": str(rubric.total_points),
        "tie_break": rubric.tie_break,
        "level_bands": rubric.level_bands,
        **({"rounding": rubric.rounding} if rubric.rounding else {}),
        **({"closed_day": rubric.closed_day} if rubric.closed_day != ClosedDay.MOVES else {}),
        "awards": [
            {
                "code": a.code,
                "name_th": a.name_th,
                "name_en": a.name_en,
                "count": a.count,
                "prize": str(a.prize),
                "prize_th": a.prize_th,
                "prize_en": a.prize_en,
            }
            for a in awards
        ],
        "dimensions": [
            {
                "code": d.code,
                "name_th": d.name_th,
                "name_en": d.name_en,
                "max_points": str(d.max_points),
                **({"level_bands": d.level_bands} if d.level_bands else {}),
                "criteria": by_dimension[d.pk],
            }
            for d in dimensions
        ],
    }


_SPECS: Kept[RubricSpec] = Kept()


def running_national(today: date) -> Rubric | None:
    """The national contest's period central staff work on now: the one whose dates hold today, else the latest
    that has begun (its results still to judge and publish), else the latest: a draft of next year waits its turn
    while this year runs. Central's first page and the menu's dashboard lead to it. 1 query."""
    now = Case(When(Q(starts_on__lte=today, ends_on__gte=today), then=0), When(starts_on__lte=today, then=1), default=2)
    return Rubric.objects.national().order_by(now, "-year", "-period_order").first()


def rubric_spec(rubric: Rubric) -> RubricSpec:
    """The parsed rubric, cached per process by (id, revision): a recompute then reads no rubric rows."""
    return _SPECS.get((rubric.pk, rubric.revision), lambda: parse_rubric(rubric_data(rubric)))


def is_frozen(rubric: Rubric) -> bool:
    """Frozen results lock the year's facts, scores and rubric until central staff unfreeze them."""
    return StandingsSnapshot.objects.filter(rubric_id=rubric.pk).exists()


def frozen_rubrics() -> QuerySet[Rubric]:
    """Every rubric whose results are frozen (published ones too)."""
    return Rubric.objects.filter(snapshot__isnull=False).select_related("contest")


def publication_withdrawn(rubric: Rubric) -> FreezeEvent | None:
    """The withdrawal, if the year's latest publish-or-withdraw was one: the results page then says so."""
    last = FreezeEvent.objects.filter(rubric=rubric, action__in=[FreezeAction.PUBLISH, FreezeAction.WITHDRAW]).first()
    return last if last and last.action == FreezeAction.WITHDRAW else None


def work_calendar() -> WorkCalendar:
    return WorkCalendar({h.date: h.is_holiday for h in HolidayOverride.objects.all()})


_CALENDARS: Kept[WorkCalendar] = Kept()


def rubric_calendar(rubric: Rubric) -> WorkCalendar:
    """The holiday calendar as the rubric reads its deadlines (moved on a closed day or as written), cached like the
    spec: a holiday change gives every rubric a new revision."""

    def read() -> WorkCalendar:
        overrides = {h.date: h.is_holiday for h in HolidayOverride.objects.all()}
        return WorkCalendar(overrides, moves=rubric.closed_day != ClosedDay.AS_WRITTEN)

    return _CALENDARS.get((rubric.pk, rubric.revision), read)


_CODES: Kept[dict[int, str]] = Kept()


def criterion_codes(rubric: Rubric, *, fresh: bool = False) -> dict[int, str]:
    """criterion id → code, cached like the spec: the facts are then read without a join to the criteria."""
    return _CODES.get(
        (rubric.pk, rubric.revision), lambda: dict(rubric.criteria.values_list("pk", "code")), fresh=fresh
    )


def facts_by_unit(
    rubric: Rubric, unit_ids=None, *, within: tuple[int, int] | None = None, ordered: bool = True
) -> dict[int, dict[str, dict[str, str]]]:
    """province id -> criterion code -> {fact: value}; empty values mean "not recorded" and are left out.
    `within`: only the units with ids in this range (a chunk of a parallel recompute). `ordered`: each
    criterion's facts in name order, as explanations list them; points never depend on it, so a recompute
    (which builds no text) reads them as stored.

    Read as the engine consumes them: plain tuples off the cursor, the criterion by its id (no
    join), grouped in one pass."""
    # Unordered: the model's ordering joins the units to sort every fact of the year (7,255 entrants: 261,180
    # rows, half the read); only the names within one criterion need an order, and they are few.
    qs = Fact.objects.filter(rubric=rubric).exclude(value="").order_by()
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    if within is not None:
        qs = qs.filter(unit_id__gte=within[0], unit_id__lte=within[1])
    sql, params = qs.values_list("unit_id", "criterion_id", "name", "value").query.sql_with_params()
    with connection.cursor() as cursor:  # the rows as the driver makes them: no per-row iterator of the ORM
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    codes = criterion_codes(rubric)
    archived: set[int] = set()
    out: dict[int, dict[str, dict[str, str]]] = {}
    unit = criterion = given = None
    cells: dict[str, dict[str, str]] = {}
    for unit_id, criterion_id, name, value in rows:
        if criterion_id == criterion and unit_id == unit:  # a cell's facts are mostly stored together
            if given is not None:
                given[name] = value
            continue
        if unit_id != unit:
            unit, cells = unit_id, out.setdefault(unit_id, {})
        criterion = criterion_id
        code = codes.get(criterion_id)
        if code is None and criterion_id not in archived:
            codes = criterion_codes(rubric, fresh=True)
            code = codes.get(criterion_id)
        if code is None:  # an archived criterion's facts (rubrics.revisions): kept, no longer scored
            archived.add(criterion_id)
            given = None
            continue
        given = cells.get(code)
        if given is None:
            given = cells[code] = {name: value}
        else:
            given[name] = value
    if ordered:
        for cells in out.values():
            for code, given in cells.items():
                if len(given) > 1:
                    cells[code] = dict(sorted(given.items()))
    return out


def standings(rubric: Rubric) -> list[Standing]:
    return list(Standing.objects.filter(rubric=rubric).select_related("unit").order_by("rank", "unit__code"))


def region_fields(region: InspectionRegion | None) -> dict:
    return {
        "region": region.number if region else None,
        "region_name_th": region.name_th if region else "",
        "region_name_en": region.name_en if region else "",
    }


REASONS = {
    Reason.PACKAGE: ("วันหยุดราชการ (ปฏิทินวันหยุด)", "government holiday (holiday calendar)"),
    Reason.OVERRIDE: ("ส่วนกลางกำหนด", "set by central staff"),
    Reason.WEEKEND: ("วันเสาร์–อาทิตย์", "weekend"),
}


def calendar_year(rubric: Rubric) -> dict:
    """The fiscal year's days offices are closed, and why; the days they open although a calendar
    might say otherwise; and the overrides' audit trail (3 queries)."""
    calendar = work_calendar()
    starts, ends = rubric.starts_on, rubric.ends_on
    window = fiscal_year(rubric.year)
    if window is not None:  # older rows may hold unbounded dates: the page lists no more than any new
        first, last = widened(window)
        starts, ends = max(starts, first), min(ends, last)
    closed = calendar.closed_days(starts, ends)
    overrides = {h.date: h for h in HolidayOverride.objects.filter(date__range=(starts, ends))}

    def row(day) -> dict:
        override = overrides.get(day.day)
        name_th = override.name_th if override else day.name_th
        name_en = (override.name_en or override.name_th) if override else day.name_en
        return {"day": day, "reason": REASONS[day.reason], "name_th": name_th, "name_en": name_en, "override": override}

    return {
        "closed": [row(d) for d in closed],
        "weekdays_closed": sum(d.day.weekday() < 5 for d in closed),
        "weekends": sum(d.reason == Reason.WEEKEND for d in closed),
        "opened": [row(d) for d in calendar.open_holidays(starts, ends)],
        "changes": list(
            HolidayOverrideChange.objects.filter(date__range=(starts, ends)).select_related("changed_by")[:50]
        ),
    }


# --- Admin helpers (reads only; the admin's writes go through services) ---


def rubric_data_next_year(rubric: Rubric) -> dict:
    """The rubric as data for the following fiscal year: same rules, every date one year later."""
    return rubric_data_moved(rubric, 1)


def rubric_data_moved(rubric: Rubric, years: int) -> dict:
    """The rubric as data `years` fiscal years later: same rules, every date and every year its texts name
    moved by whole years ("ข้อมูล จปฐ. ปี ๒๕๖๖" becomes "ปี ๒๕๖๗"), as the office contests are moved."""
    data = moved(rubric_data(rubric), year=rubric.year, years=years)
    data["year"] = rubric.year + years
    return data


def fact_template_rows(rubric: Rubric) -> list[tuple[str, str, str, str]]:
    """(province, criterion, fact, value) for every province × every fact the rules read,
    prefilled with the stored values; the sheet central staff fill in and import (5 queries)."""
    spec = rubric_spec(rubric)
    rows = Fact.objects.filter(rubric=rubric).values_list("unit__code", "criterion__code", "name", "value")
    stored = {(p, c, n): v for p, c, n, v in rows}
    names = [(c.code, name) for c in spec.criteria() for name in c.rule.fact_names()]
    return [
        (unit, code, name, stored.get((unit, code, name), ""))
        for unit in Unit.objects.provinces().order_by("code").values_list("code", flat=True)
        for code, name in names
    ]


def named_people(contest: Contest) -> dict[int, Any]:
    """unit id → the person a contest that honours people names for that entrant (hooks.named_people: nominees'
    active nominees, each with `name_th` and `position_th`); {} without a query for any other contest."""
    return {unit_id: person for found in hooks.named_people(contest) for unit_id, person in found.items()}


def contest_file(rubric: Rubric) -> dict:
    """A contest as the rubric file that would make it again (docs/rubric-format.md): the builder copies it
    ("next year's website contest from this year's"). A contest with periods is gathered from every period's
    rubric (contest_spec.periods_gather: seed 004's months, each with its own rule)."""
    contest = rubric.contest
    data = rubric_data(rubric)
    gathered: list[dict] = []
    if rubric.period:
        periods: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = [
            ({"code": r.period, "name_th": r.period_name_th, "name_en": r.period_name_en}, rubric_data(r))
            for r in contest.rubrics.order_by("period_order")
        ]
        data, gathered = periods_gather(periods)
    if contest.is_national:
        return data
    block: dict = {
        "slug": contest.slug,
        "organiser": contest.organiser.dopa_code if contest.organiser is not None else None,
        "entrant_level": contest.entrant_level,
    }
    entrants = sorted(contest.entrants.values_list("dopa_code", flat=True))
    if entrants:
        block["entrants"] = entrants
    if contest.nominates:
        block["nominates"] = True
    if contest.nominee_rules:
        block["nominee"] = contest.nominee_rules
    if gathered:
        block["periods"], block["combine"] = gathered, contest.combine
    data["contest"] = block
    return data


def builder_sources(actor) -> list[Rubric]:
    """The contests an actor runs that the builder can copy (a contest with periods by its first), newest first."""
    return list(rubrics(actor, "run").filter(period_order=0).order_by("-year", "contest__slug"))
