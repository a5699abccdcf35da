"""Reads for the standings dashboard. A fixed number of queries whatever the data (see the tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from core.thai import fmt_points, thai_datetime
from core.thaimap import NO_AWARD, tier_colours
from scoring.models import AwardTier, Level

from . import hooks, selectors
from .engine import vacant_places
from .models import Criterion, Fact, Province, ProvinceResult, Rubric, StandingsSnapshot, YearSettings
from .workdays import WorkCalendar, deadline_text

TOTAL_STEPS = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")  # light → dark: low → high total


def as_of(value: datetime | None) -> dict[str, str]:
    """ "ข้อมูล ณ …" in Buddhist-Era Thai and "as of …" in English, Bangkok time, to the second."""
    if value is None:
        return {"th": "ยังไม่ได้คำนวณ", "en": "not computed yet"}
    local = timezone.localtime(value)
    th = thai_datetime(local, seconds=True)
    return {"th": f"ข้อมูล ณ {th}", "en": f"as of {local:%Y-%m-%d %H:%M:%S} (B.E. {local.year + 543})"}


def year_settings(rubric: Rubric) -> YearSettings:
    """The year's switches; unsaved defaults when central staff have not set any."""
    return YearSettings.objects.filter(rubric=rubric).first() or YearSettings(rubric=rubric)


def submitted_pairs(rubric: Rubric) -> set[tuple[int, int]]:
    """(province id, criterion id) pairs with something submitted: visible evidence or a recorded fact.

    Every count of missing evidence, the deadline watch-list and the e-mail reminders read only this.
    """
    facts = Fact.objects.filter(rubric=rubric).exclude(value="").values_list("province_id", "criterion_id")
    pairs = set(facts.distinct())
    for submitted in hooks.submitted_sources(rubric):  # submissions: visible evidence (submissions/apps.py)
        pairs |= set(submitted)
    return pairs


def missing_by_criterion(criteria: list[Criterion], provinces: list[Province], pairs) -> list[dict]:
    out = []
    for c in criteria:
        missing = sum((p.pk, c.pk) not in pairs for p in provinces)
        out.append({"criterion": c, "missing": missing, "submitted": len(provinces) - missing})
    return out


def due_soon(criteria: list[Criterion], today: date, working_days: int, calendar: WorkCalendar) -> list[tuple]:
    """(criterion, working days left) for deadlines from today up to N working days ahead."""
    out = []
    for c in criteria:
        if c.deadline is None:
            continue
        due = calendar.next_working_day(c.deadline)  # decision 9: a closed day moves the deadline
        if due < today:
            continue
        left = calendar.working_days_after(today, due)
        if left <= working_days:
            out.append((c, left))
    return out


def nothing_submitted_near_deadline(due, provinces, pairs) -> list[dict]:
    return [
        {"criterion": c, "left": left, "provinces": [p for p in provinces if (p.pk, c.pk) not in pairs]}
        for c, left in due
    ]


@dataclass
class Gap:
    tier: AwardTier | None  # the next tier up; None for the winner
    points: Decimal = Decimal(0)
    open_codes: tuple[str, ...] = ()
    reachable: bool = True

    def _codes(self, limit: int = 5) -> str:
        shown = ", ".join(self.open_codes[:limit])
        return f"{shown} +{len(self.open_codes) - limit}" if len(self.open_codes) > limit else shown

    @property
    def th(self) -> str:
        if self.tier is None:
            return "—"
        codes = self._codes() or "ไม่มี"
        return f"ต้องการอีก {fmt_points(self.points)} คะแนน; ตัวชี้วัดที่ยังเปิด: {codes}"

    @property
    def en(self) -> str:
        if self.tier is None:
            return "—"
        codes = self._codes() or "none"
        return f"needs {fmt_points(self.points)} more points; open criteria: {codes}"


def tier_gaps(
    results: list[ProvinceResult],
    tiers: list[AwardTier],
    criteria: list[Criterion],
    today: date,
    minimum: Decimal = Decimal(0),
):
    """Points each province needs to reach the next award tier up, and the criteria still open to it.

    Reaching the lowest total in the next tier is enough: the engine gives a tied group the better
    tier (flagged award_tie), so equalling the cut-off already moves a province up.
    """
    order = [t.code for t in tiers]
    cutoff: dict[str, Decimal] = {}
    for r in results:
        if r.award in order:
            cutoff[r.award] = min(cutoff.get(r.award, r.total), r.total)
    # A vacant place goes to any province that becomes eligible: more than 0, at least the minimum.
    vacant = vacant_places([(t.code, t.count) for t in tiers], sum(r.award in order for r in results))
    threshold = max(minimum, Decimal("0.01"))
    for code, places in vacant.items():
        if places:
            cutoff[code] = min(cutoff.get(code, threshold), threshold)
    open_criteria = [c for c in criteria if c.deadline is None or c.deadline >= today]
    by_code = {t.code: t for t in tiers}
    gaps = {}
    for r in results:
        index = order.index(r.award) if r.award in order else len(order)
        target = next((order[i] for i in range(index - 1, -1, -1) if order[i] in cutoff), None)
        if target is None:
            gaps[r.pk] = Gap(None)
            continue
        need = max(cutoff[target] - r.total, Decimal(0))
        room = {c.code: c.max_points - Decimal(r.criteria.get(c.code, "0")) for c in open_criteria}
        # Biggest room first: the criteria that can close the gap fastest lead the list.
        codes = tuple(sorted((code for code, left in room.items() if left > 0), key=lambda c: -room[c]))
        gaps[r.pk] = Gap(by_code[target], need, codes, sum(room.values(), Decimal(0)) >= need)
    return gaps


def distributions(results: list[ProvinceResult], dimensions, bins: int = 5) -> list[dict]:
    """Per dimension, how many provinces fall in each fifth of its range (bars for an inline SVG)."""
    charts = []
    for d in dimensions:
        top = Decimal(d.max_points)
        counts = [0] * bins
        for r in results:
            share = Decimal(r.dimensions.get(d.code, "0")) / top if top else Decimal(0)
            counts[min(int(share * bins), bins - 1)] += 1
        peak = max(counts) or 1
        step = top / bins
        bars = [
            {
                "count": n,
                "x": 8 + i * 42,
                "h": round(80 * n / peak),
                "y": 90 - round(80 * n / peak),
                "label": f"{fmt_points(step * i)}–{fmt_points(step * (i + 1))}",
            }
            for i, n in enumerate(counts)
        ]
        charts.append({"dimension": d, "bars": bars})
    return charts


def map_fills(
    results: list[ProvinceResult], mode: str, total_points: Decimal, colours: dict[str, str]
) -> list[tuple[str, str]]:
    fills = []
    for r in results:
        if mode == "award":
            fill = colours.get(r.award, NO_AWARD)
        else:
            share = r.total / total_points if total_points else 0
            fill = TOTAL_STEPS[min(int(share * len(TOTAL_STEPS)), len(TOTAL_STEPS) - 1)]
        fills.append((r.province.code, fill))
    return fills


PAGE_SIZE = 100  # ranking rows a page shows: all 76 provinces; a contest of 7,000 subdistricts in pages


def dashboard(rubric: Rubric, *, today: date, calendar: WorkCalendar, map_mode: str = "total", page: int = 1) -> dict:
    """Everything the dashboard and its live partial show (7 queries, whatever the data)."""
    results = list(
        ProvinceResult.objects.filter(rubric=rubric).select_related("province").order_by("rank", "province__code")
    )
    tiers = list(rubric.award_tiers.all())
    dimensions = list(rubric.dimensions.all())
    criteria = list(rubric.criteria.all())
    provinces = [r.province for r in sorted(results, key=lambda r: r.province.code)]
    pairs = submitted_pairs(rubric)
    settings_ = year_settings(rubric)
    snapshot = StandingsSnapshot.objects.filter(rubric=rubric).first()
    gaps = tier_gaps(results, tiers, criteria, today, settings_.award_min_total)
    tier_names = {t.code: t for t in tiers}
    colours = tier_colours([t.code for t in tiers])  # the PDF's map uses the same colours
    due = due_soon(criteria, today, settings_.reminder_working_days or 10, calendar)
    rows = [
        {
            "r": r,
            "dims": [r.dimensions.get(d.code, "0") for d in dimensions],
            "tier": tier_names.get(r.award),
            "gap": gaps[r.pk],
        }
        for r in results
    ]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    missing = missing_by_criterion(criteria, provinces, pairs)
    for m in missing:  # decision 9: a deadline on a closed day shows the day it moves to
        m["due"] = deadline_text(m["criterion"].deadline, calendar) if m["criterion"].deadline else "–"
    return {
        "rubric": rubric,
        "rows": rows,
        "page": page,
        "pages": pages,
        # "จังหวัด / province" by default; "อำเภอ / district" in a contest among districts.
        **dict(zip(("entrant_th", "entrant_en"), Level(rubric.contest.entrant_level).label.split(" / "), strict=True)),
        "by_province": rubric.contest.entrant_level == Level.PROVINCE,
        "dimensions": dimensions,
        "as_of": as_of(rubric.standings_computed_at),
        "stale": sum(r.change_seq > r.computed_seq for r in results),
        "charts": distributions(results, dimensions),
        "fills": map_fills(results, map_mode, rubric.total_points, colours),
        "map_mode": map_mode,
        "legend": [(t, colours[t.code]) for t in tiers] if map_mode == "award" else None,
        "no_award_fill": NO_AWARD,
        "tiers": tiers,
        "awards": selectors.award_tiers_filled(tiers, results),
        "missing": missing,
        "near_deadline": nothing_submitted_near_deadline(due, provinces, pairs),
        "year_settings": settings_,
        "snapshot": snapshot,
    }
