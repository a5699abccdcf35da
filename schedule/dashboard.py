"""Reads for central's dashboard: the rounds late and due soon first (`work_now`, from the schedule's tallies),
then the standings (`dashboard`). A fixed number of queries whatever the data (see the tests): the page's rows
are loaded, everything about all entrants is counted in the database (scoring.entrant_counts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from contests.models import Level, Unit
from contests.region_ranking import NO_REGION, region_number
from contests.regions import inspection_regions
from core.i18n import _, either, format_lazy
from core.labels import both
from core.thai import fmt_points, thai_digits
from core.thaimap import NO_AWARD, tier_colours
from rubrics.models import AWARD_FLOOR, AwardTier, ContestPeriod, Criterion, Dimension
from rubrics.selectors import rubric_spec, year_settings
from rulebook.engine import vacant_places
from rulebook.workdays import WorkCalendar, deadline_text
from schedule.contest import DueRound, criterion_rounds, round_in_force
from schedule.obligations import days_left
from schedule.selectors import judging_obligation
from schedule.tallies import RoundTally, round_tallies
from scoring import award_tiers, entrant_counts, pages
from scoring.lifecycle import State
from scoring.models import Standing, StandingsSnapshot
from scoring.standings import as_of

NO_REGION_NAME = ("ไม่อยู่ในเขตตรวจราชการ", "no inspection region")


def region_names() -> dict[int, tuple[str, str]]:
    return {r.number: (r.name_th, r.name_en) for r in inspection_regions()} | {NO_REGION: NO_REGION_NAME}


def region_heading(name: tuple[str, str]):
    """A region's name as its rows' heading: Thai digits in Thai ("เขตตรวจราชการที่ ๑๕")."""
    return either(thai_digits(name[0]), name[1])


TOTAL_STEPS = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")  # light → dark: low → high total


# How far ahead the first screen looks: two working weeks, or the year's reminder days when further (central
# sees every round anyone is reminded of).
DUE_SOON_WORKING_DAYS = 10
WORK_SHOWN = 12  # entrants named per round on the first screen; the rest as "and N more", the missing list names all


def _owed_round(t, left: int, names: dict[str, str]) -> dict:
    return {
        "criterion": t.round.criterion,
        "round_th": t.round.round_th,
        "round_en": t.round.round_en,
        "written": t.round.written,  # as the documents write it, shown with the working day it falls due on
        "due": t.round.due,
        "left": left,
        "late_days": -left,
        "missing": t.owed,
        "provinces": [{"code": o.unit_code, "name_th": names.get(o.unit_code, o.unit_code)} for o in t.shown],
        "more": t.more,
    }


def work_now(
    rubric: ContestPeriod, *, today: date, calendar: WorkCalendar, reminder_days: int, frozen: bool = False
) -> dict:
    """The first screen's work: each round already past and still owed by someone ("late", the latest to lapse
    first: the one still worth chasing, with how many sendings they lack in all, `late_owed`) and each round
    falling due from today up to `working_days` ahead ("due_soon", the soonest first; DUE_SOON_WORKING_DAYS, or
    the year's reminder days when further), with how many entrants owe it and the first of them by code, named.
    From the schedule (a criterion's rounds and steps each by their own date, every recorded move applied): the
    schedule's queries, +1 for the names. Once the results are frozen (`frozen`, published too) a round not met is
    excused (schedule.obligations.rounds_stand): nothing is left to follow, and nothing is asked. While a large
    contest's rounds were never counted (`RoundTally.uncounted`), nothing is listed and the page says they are
    being counted (`uncounted`): never that no round is late."""
    working_days = max(DUE_SOON_WORKING_DAYS, reminder_days)
    nothing = {"late": [], "late_owed": 0, "due_soon": [], "working_days": working_days, "as_of": None}
    if frozen:
        return nothing | {"frozen": True, "uncounted": False}
    # A bound in days that N working days never exceed (weekends and the longest run of holidays), then the
    # working days counted exactly.
    until = today + timedelta(days=working_days * 2 + 14)
    late: list[tuple[RoundTally, int]] = []
    soon: list[tuple[RoundTally, int, date]] = []  # with the day it is due, the order shown
    tallies = round_tallies(rubric, due_to=until, shown=WORK_SHOWN, today=today)
    if any(t.uncounted for t in tallies):
        return nothing | {"frozen": False, "uncounted": True}
    for t in tallies:
        due = t.round.due
        left = days_left(calendar, today, due)
        if due is None or left is None:  # a round of no date is owed by no day
            continue
        if due < today:
            if t.owed:
                late.append((t, left))
        elif left <= working_days:
            soon.append((t, left, due))
    codes = {o.unit_code for t, *_ in late + soon for o in t.shown}
    names = dict(Unit.objects.filter(code__in=codes).values_list("code", "name_th")) if codes else {}
    return {
        "late": [_owed_round(t, left, names) for t, left in sorted(late, key=lambda found: found[1], reverse=True)],
        "late_owed": sum(t.owed for t, _ in late),
        "due_soon": [_owed_round(t, left, names) for t, left, _due in sorted(soon, key=lambda found: found[2])],
        "working_days": working_days,
        "frozen": False,
        "uncounted": False,
        "as_of": next((t.as_of for t in tallies), None),  # the counts' time while they are not current
    }


RESULTS_IN_HAND = (State.FROZEN, State.PUBLISHED, State.WITHDRAWN)


def judging_over(rubric: ContestPeriod, state: State, *, user, today: date) -> bool:
    """Whether freezing is the work of the moment: the results are frozen already (to publish, correct or
    withdraw), or judging is over: the contest's judging deadline passed, as the schedule dues it (a closed
    day moves it), or without one the period's last day. Never in a draft. 1 query with a judging deadline
    (whether the results are frozen), none otherwise."""
    if state in RESULTS_IN_HAND:
        return True
    if state == State.DRAFT:
        return False
    judging = judging_obligation(rubric, user, today=today) if rubric.contest.judging_deadline else None
    if judging is None:
        return state == State.CLOSED
    return judging.days_left is not None and judging.days_left < 0


@dataclass
class Gap:
    tier: AwardTier | None  # the next tier up; None for the winner
    points: Decimal = Decimal(0)
    open_codes: tuple[str, ...] = ()
    reachable: bool = True
    frozen: bool = False  # the year's results are frozen (or published): no criterion is open to anyone

    def _codes(self, limit: int = 5) -> str:
        shown = ", ".join(self.open_codes[:limit])
        return f"{shown} +{len(self.open_codes) - limit}" if len(self.open_codes) > limit else shown

    @property
    def text(self):
        """What the entrant needs, in the page's language (Thai digits in Thai)."""
        if self.tier is None:
            return "—"
        points = either(thai_digits(fmt_points(self.points)), fmt_points(self.points))
        if self.frozen:
            return format_lazy(_("{points} points short; results frozen"), points=points)
        codes = either(thai_digits(self._codes()), self._codes()) if self.open_codes else _("none")
        return format_lazy(_("needs {points} more points; open criteria: {codes}"), points=points, codes=codes)

    @property
    def th(self) -> str:
        return both(self.text)[0]

    @property
    def en(self) -> str:
        return both(self.text)[1]


def item_labels(criteria: list[Criterion], dimension_codes: dict[int, str]) -> list[str]:
    """The criteria as a list names them: by their number, and where two dimensions use the same number
    (seed 003 numbers each mission's items from 1 again) with their dimension, "มิติ 3 · 2", never two rows of
    "2" from two missions. A number no other dimension uses stays alone ("๑", "2.1.2")."""
    dimensions_of: dict[str, set[int]] = {}
    for c in criteria:
        dimensions_of.setdefault(c.label, set()).add(c.dimension_id)
    return [
        f"มิติ {dimension_codes[c.dimension_id]} · {c.label}"
        if len(dimensions_of[c.label]) > 1 and c.dimension_id in dimension_codes
        else c.label
        for c in criteria
    ]


def tier_cutoffs(
    tiers: list[AwardTier], lowest: dict[str, Decimal], awarded: int, minimum: Decimal = Decimal(0)
) -> dict[str, Decimal]:
    """award code → the total that reaches it: the lowest total holding it, or for a tier with a vacant
    place, eligibility alone (more than 0, at least the year's minimum). `awarded`: entrants holding a tier.

    Reaching the lowest total in the next tier is enough: the engine gives a tied group the better
    tier (flagged award_tie), so equalling the cut-off already moves an entrant up.
    """
    cutoff = dict(lowest)
    vacant = vacant_places([(t.code, t.count) for t in tiers], awarded)
    threshold = max(minimum, AWARD_FLOOR)
    for code, places in vacant.items():
        if places:
            cutoff[code] = min(cutoff.get(code, threshold), threshold)
    return cutoff


def tier_gap(
    r: Standing, tiers: list[AwardTier], cutoff: dict[str, Decimal], open_criteria, frozen: bool = False
) -> Gap:
    """Points the entrant needs to reach the next award tier up, and the criteria still open to it; in a
    frozen year none is, whatever the deadlines say."""
    order = [t.code for t in tiers]
    index = order.index(r.award) if r.award in order else len(order)
    target = next((order[i] for i in range(index - 1, -1, -1) if order[i] in cutoff), None)
    if target is None:
        return Gap(None)
    need = max(cutoff[target] - r.total, Decimal(0))
    if frozen:
        return Gap(tiers[order.index(target)], need, frozen=True)
    room = {c.code: c.max_points - Decimal(r.criteria.get(c.code, "0")) for c in open_criteria}
    # Biggest room first: the criteria that can close the gap fastest lead the list.
    codes = tuple(sorted((code for code, left in room.items() if left > 0), key=lambda c: -room[c]))
    return Gap(tiers[order.index(target)], need, codes, sum(room.values(), Decimal(0)) >= need)


def _due_text(rounds: list[DueRound] | None, today: date, calendar: WorkCalendar) -> str:
    if not rounds:
        return "–"
    current = round_in_force(rounds, today)
    if current.written is None:
        return "–"
    label = f"{current.round_th} " if current.round_th else ""
    return label + deadline_text(current.written, calendar)


def open_at(criteria: list[Criterion], today: date) -> list[Criterion]:
    return [c for c in criteria if c.deadline is None or c.deadline >= today]


def tier_gaps(
    results: list[Standing],
    tiers: list[AwardTier],
    criteria: list[Criterion],
    today: date,
    minimum: Decimal = Decimal(0),
    frozen: bool = False,
) -> dict[int, Gap]:
    """Every result's gap, the cut-offs taken from these results (the dashboard takes them from tallies)."""
    order = [t.code for t in tiers]
    lowest: dict[str, Decimal] = {}
    for r in results:
        if r.award in order:
            lowest[r.award] = min(lowest.get(r.award, r.total), r.total)
    cutoff = tier_cutoffs(tiers, lowest, sum(r.award in order for r in results), minimum)
    return {r.pk: tier_gap(r, tiers, cutoff, open_at(criteria, today), frozen) for r in results}


def distributions(dimensions: list[Dimension], spread: list[list[int]], banded: dict | None = None) -> list[dict]:
    """Per dimension, bars for an inline SVG: how many entrants fall in each fifth of its range, or, for a
    dimension its document bands (`banded`: code → (bands, entrants per level)), in each of its levels."""
    charts = []
    for d, counts in zip(dimensions, spread, strict=True):
        if banded and d.code in banded:
            bands, per_level = banded[d.code]
            counts = [per_level.get(b.level, 0) for b in bands]
            labels = [f"ระดับ {b.level}" for b in bands]
            titles = [f"ระดับ {b.level} ({fmt_points(b.min)}–{fmt_points(b.max)})" for b in bands]
        else:
            step = Decimal(d.max_points) / len(counts)
            labels = [f"{fmt_points(step * i)}–{fmt_points(step * (i + 1))}" for i in range(len(counts))]
            titles = labels
        peak = max(counts) or 1
        bars = [
            {
                "count": n,
                "x": 8 + i * 42,
                "h": round(80 * n / peak),
                "y": 90 - round(80 * n / peak),
                "label": labels[i],
                "title": titles[i],
            }
            for i, n in enumerate(counts)
        ]
        charts.append({"dimension": d, "bars": bars})
    return charts


def map_fills(
    results: Sequence[Standing], mode: str, total_points: Decimal, colours: dict[str, str]
) -> list[tuple[str, str]]:
    fills = []
    for r in results:
        if mode == "award":
            fill = colours.get(r.award, NO_AWARD)
        else:
            share = r.total / total_points if total_points else 0
            fill = TOTAL_STEPS[min(int(share * len(TOTAL_STEPS)), len(TOTAL_STEPS) - 1)]
        fills.append((r.unit.code, fill))
    return fills


def dashboard(
    rubric: ContestPeriod, *, today: date, calendar: WorkCalendar, map_mode: str = "total", page: int = 1
) -> dict:
    """Everything the dashboard and its live partial show: the page's rows, and tallies over all entrants
    in the database (entrant_counts). 16 queries whatever the number of entrants (17 when the entrants are not
    provinces: the award places' last key; 1 fewer while a large contest's page bounds are kept, `pages.page_bounds`);
    the schedule's rounds among them; 1 more when the facts changed since this process last counted them
    (entrant_counts.recorded_counts). The rounds owed now are the page's alone (`work_now`): the live partial is the
    standings."""
    results = Standing.objects.filter(rubric=rubric).select_related("unit")
    tiers = list(rubric.award_tiers.all())
    dimensions = list(rubric.dimensions.all())
    criteria = list(rubric.criteria.all())
    settings_ = year_settings(rubric)
    snapshot = StandingsSnapshot.objects.filter(rubric=rubric).first()
    tally = entrant_counts.summary(rubric, tiers, dimensions)
    last_page = max(1, -(-tally.entrants // pages.PAGE_SIZE))
    page = min(max(page, 1), last_page)
    # A contest ranked within each inspection region (seed 002's regional stage) is shown region by region,
    # each from rank 1; every other contest's `region` is 0 and its order is the rank's.
    results = results.annotate(region=region_number("unit", "rubric__contest"))
    ranked = results.order_by("region", "rank", "unit__code")
    shown = [] if tally.unranked else pages.page_rows(rubric, results, page, pages.page_bounds(rubric, tally))
    if not shown or shown[0].region:  # ranked within regions (or not ranked yet): sorted as a whole
        # The page's ids are sorted alone, then only their rows read; explanations are never shown here.
        window = ranked.values("pk")[(page - 1) * pages.PAGE_SIZE : page * pages.PAGE_SIZE]
        shown = list(results.filter(pk__in=window).order_by("region", "rank", "unit__code").defer("explanations"))
    by_province = rubric.contest.entrant_level == Level.PROVINCE
    # The award holders (a few places; ties can add some), or for the map every province (76 at most).
    if not by_province and shown and shown[0].region == 0 and not tally.unranked:  # no region: ranked together
        # The award places are the first ranks (a tie at the last one shares its rank): found by their keys.
        ranked = ranked.filter(**pages.places_from_top(rubric, max(sum(t.count for t in tiers), 1)))
    light = list(
        (ranked if by_province else ranked.exclude(award="")).only(
            "award", "award_tie", "total", "unit__code", "unit__name_th"
        )
    )
    cutoff = tier_cutoffs(tiers, tally.lowest, sum(tally.holders.values()), settings_.award_min_total)
    open_criteria = open_at(criteria, today)
    tier_names = {t.code: t for t in tiers}
    names = region_names()
    # A contest whose document bands each dimension (seed 003's missions, levels 1–5) shows each level beside
    # its points, as the rule computes it; the parsed spec is read only for such a contest.
    spec = rubric_spec(rubric) if any(d.level_bands for d in dimensions) else None
    banded = {d.code: d for d in spec.dimensions if d.level_bands} if spec else {}
    levels: dict[str, Counter] = {code: Counter() for code in banded}
    if banded:  # every entrant's level per banded dimension, by the rule's own bands (1 query, such contests only)
        for points in Standing.objects.filter(rubric=rubric).values_list("dimensions", flat=True):
            for code, d in banded.items():
                levels[code][d.level_for(Decimal(points.get(code, "0")))] += 1

    def dims(r: Standing) -> list[tuple[str, int | None]]:
        points = [(d.code, r.dimensions.get(d.code, "0")) for d in dimensions]
        return [(p, banded[code].level_for(Decimal(p)) if code in banded else None) for code, p in points]

    rows = [
        {
            "r": r,
            "dims": dims(r),
            "tier": tier_names.get(r.award),
            "gap": tier_gap(r, tiers, cutoff, open_criteria, frozen=snapshot is not None),
            "region": region_heading(names[r.region]) if r.region else None,
        }
        for r in shown
    ]
    dimension_codes = {d.pk: d.code for d in dimensions}
    colours = tier_colours([t.code for t in tiers])  # the PDF's map uses the same colours
    submitted = entrant_counts.submitted_counts(rubric, tally.marks)
    missing = {c.pk: tally.entrants - submitted.get(c.pk, 0) for c in criteria}
    rounds = criterion_rounds(rubric)
    return {
        "rubric": rubric,
        "rows": rows,
        "page": page,
        "pages": last_page,
        # "จังหวัด / province" by default; "อำเภอ / district" in a contest among districts.
        **dict(zip(("entrant_th", "entrant_en"), rubric.contest.entrant_noun, strict=True)),
        "by_province": by_province,
        "dimensions": dimensions,
        "as_of": as_of(rubric.standings_computed_at),
        "stale": tally.stale,
        "charts": distributions(dimensions, tally.spread, {c: (d.level_bands, levels[c]) for c, d in banded.items()}),
        "fills": map_fills(light, map_mode, rubric.total_points, colours) if by_province else [],
        "map_mode": map_mode,
        "legend": [(t, colours[t.code]) for t in tiers] if map_mode == "award" else None,
        "no_award_fill": NO_AWARD,
        "tiers": tiers,
        "awards": award_tiers.award_tiers_filled(tiers, light),
        # Rank, name, total and tie, and a contest with awards its award and gap (a monitoring one has none).
        "columns": 6 if tiers else 4,
        # A tie at an award line is never settled here: the panel (the committee nationally) decides.
        "award_ties": [r for r in light if r.award_tie],
        "missing": [
            {
                "criterion": c,
                "label": label,
                "missing": missing[c.pk],
                "submitted": tally.entrants - missing[c.pk],
                # the schedule's round in force (its next, else its last), as the criterion's page says it;
                # decision 9: a deadline on a closed day shows the day it moves to
                "due": _due_text(rounds.get(c.code), today, calendar),
            }
            for c, label in zip(criteria, item_labels(criteria, dimension_codes), strict=True)
        ],
        "year_settings": settings_,
        "snapshot": snapshot,
    }
