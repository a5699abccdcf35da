"""Reads of a contest's rules: a rubric as its file's data (`rubric_data`, for the next year `rubric_data_moved`, a
whole contest `contest_file`), parsed and cached by revision (`rubric_spec`, `criterion_codes`), and the working-day
calendar a rubric's deadlines are read by (`rubric_calendar`, the year's closed days `calendar_year`, the day a
written date falls due `due_on`), the criteria that time the same files (`linked_criteria`), and a year's settings
(`year_settings`, the defaults where none are saved)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.process_cache import Kept
from rubrics.contest_spec import periods_gather
from rubrics.models import ClosedDay, ContestPeriod, HolidayOverride, HolidayOverrideChange, YearSettings
from rulebook.dates import fiscal_year, widened
from rulebook.moved import moved
from rulebook.rubric import RubricSpec
from rulebook.spec import parse_rubric
from rulebook.workdays import Reason, WorkCalendar


def rubric_data(rubric: ContestPeriod) -> dict:
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


def rubric_spec(rubric: ContestPeriod) -> RubricSpec:
    """The parsed rubric, cached per process by (id, revision): a recompute then reads no rubric rows."""
    return _SPECS.get((rubric.pk, rubric.revision), lambda: parse_rubric(rubric_data(rubric)))


def work_calendar() -> WorkCalendar:
    return WorkCalendar({h.date: h.is_holiday for h in HolidayOverride.objects.all()})


_CALENDARS: Kept[WorkCalendar] = Kept()


def rubric_calendar(rubric: ContestPeriod) -> WorkCalendar:
    """The holiday calendar as the rubric reads its deadlines (moved on a closed day or as written), cached like the
    spec: a holiday change gives every rubric a new revision."""

    def read() -> WorkCalendar:
        overrides = {h.date: h.is_holiday for h in HolidayOverride.objects.all()}
        return WorkCalendar(overrides, moves=rubric.closed_day != ClosedDay.AS_WRITTEN)

    return _CALENDARS.get((rubric.pk, rubric.revision), read)


_CODES: Kept[dict[int, str]] = Kept()


def criterion_codes(rubric: ContestPeriod, *, fresh: bool = False) -> dict[int, str]:
    """criterion id → code, cached like the spec: the facts are then read without a join to the criteria."""
    return _CODES.get(
        (rubric.pk, rubric.revision), lambda: dict(rubric.criteria.values_list("pk", "code")), fresh=fresh
    )


REASONS = {
    Reason.PACKAGE: ("วันหยุดราชการ (ปฏิทินวันหยุด)", "government holiday (holiday calendar)"),
    Reason.OVERRIDE: ("ส่วนกลางกำหนด", "set by central staff"),
    Reason.WEEKEND: ("วันเสาร์–อาทิตย์", "weekend"),
}


def calendar_year(rubric: ContestPeriod) -> dict:
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


def rubric_data_next_year(rubric: ContestPeriod) -> dict:
    """The rubric as data for the following fiscal year: same rules, every date one year later."""
    return rubric_data_moved(rubric, 1)


def rubric_data_moved(rubric: ContestPeriod, years: int) -> dict:
    """The rubric as data `years` fiscal years later: same rules, every date and every year its texts name
    moved by whole years ("ข้อมูล จปฐ. ปี ๒๕๖๖" becomes "ปี ๒๕๖๗"), as the office contests are moved."""
    data = moved(rubric_data(rubric), year=rubric.year, years=years)
    data["year"] = rubric.year + years
    return data


def contest_file(rubric: ContestPeriod) -> dict:
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


def due_on(rubric: ContestPeriod, written: date | None) -> date | None:
    """The day a date the contest's documents write falls due (docs/schedule.md, "How a due date is decided",
    step 4): a closed day moves it to the next working day, unless the contest reads its dates as written. Every
    round's `due` is its `written` shifted so; a notice of a move says the new date's the same way."""
    return rubric_calendar(rubric).next_working_day(written) if written is not None else None


@dataclass(frozen=True)
class Linked:
    """A criterion linked to another by the files they time: `times` when this one's rule times the
    other's files (4.1.2 → 4.1.1), else the other's rule times this one's (4.1.1 → 4.1.2)."""

    code: str
    label: str  # its number as a person reads it (rulebook.rubric.criterion_label)
    name_th: str
    name_en: str
    deadline: date | None
    times: bool


def linked_criteria(rubric: ContestPeriod, code: str) -> list[Linked]:
    """The other criteria of `rubric` that time the same files as criterion `code`: those whose files its
    rule times, then those whose rules time its files, in rubric order. A move of one changes the date the
    other's files are timed by (`RubricSpec.timing_deadline`), so a move form offers them together and each
    page names the other. No query when the rubric's spec is cached."""
    spec = rubric_spec(rubric)
    times = spec.times_files_of(code)
    timed = spec.files_timed_by(code)
    out = []
    for c in spec.criteria():
        if c.code in times or c.code in timed:
            name_en = c.name_en or c.name_th
            out.append(Linked(c.code, c.label, c.name_th, name_en, c.deadline, c.code in times))
    return out


def year_settings(rubric: ContestPeriod) -> YearSettings:
    """The year's switches; unsaved defaults when central staff have not set any."""
    return YearSettings.objects.filter(rubric=rubric).first() or YearSettings(rubric=rubric)
