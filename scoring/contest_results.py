"""Reads across a contest's periods: each period is a Rubric with its own standings; a contest's
standing combines them as the contest says (sum, mean or latest), then ranks with the same rule as
one period (engine.rank: tie-break by dimensions, decision 10 on awards)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import F, Q, Subquery
from django.utils import timezone

from contests.actor import Need, Power, actor_of
from contests.entrants import unit_enters
from contests.models import Combine, Contest, ContestState, Unit, national_q
from contests.scopes import running
from rubrics.access import rubrics as rubrics_of
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.dates import BE_OFFSET
from rulebook.engine import Breakdown, rank
from rulebook.rules.facts import fmt_points
from rulebook.rules.values import Context
from rulebook.workdays import WorkCalendar
from scoring.models import Standing
from scoring.standings import standings_rows

CENTS = Decimal("0.01")
MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")  # a period that is a month, B.E. year first (contests.codes)
EMPTY_CALENDAR = WorkCalendar()  # whether a period has begun asks no working day


def _combine(how: str, values: list[Decimal], periods: int) -> Decimal:
    if not values:  # no period begun yet
        return Decimal(0)
    if how == Combine.LATEST:
        return values[-1]
    if how == Combine.MEAN:
        # A period without a result counts as 0: a district that never reports does not average higher.
        return (sum(values, Decimal(0)) / periods).quantize(CENTS)
    return sum(values, Decimal(0))


def begun(rubric: ContestPeriod, today: date) -> bool:
    """Whether a period has begun: a month's period ("2570-06", B.E.) on the 1st of that month, whatever its rule
    (seed 004's June asks questions), and any period once one of its rules has (Rule.scored_from: seed 004's
    July before July). One not begun is not scored, and not counted in the contest's sum or mean."""
    month = MONTH.fullmatch(rubric.period)
    if month and today < date(int(month[1]) - BE_OFFSET, int(month[2]), 1):
        return False
    criteria = rubric_spec(rubric).criteria()
    return any(c.rule.begun(Context(calendar=EMPTY_CALENDAR, deadline=c.deadline, today=today)) for c in criteria)


def contest_rows(contest: Contest, today: date | None = None) -> list[dict]:
    """The contest's standings in the shape of `standings --contest SLUG --format json` (docs/contests.md).

    A contest without periods is its one rubric's standings; with periods, every entrant carries its
    `periods` and the combined total, dimensions and rank, over the periods begun by `today` (3 queries +
    2 per period rubric's spec)."""
    rubrics = list(contest.rubrics.order_by("period_order"))
    if len(rubrics) == 1 and not rubrics[0].period:
        return standings_rows(rubrics[0])
    today = today or timezone.localdate()
    counted = [rb for rb in rubrics if begun(rb, today)]
    results = Standing.objects.filter(rubric__in=rubrics).select_related("unit")
    by_entrant: dict[int, dict[int, Standing]] = defaultdict(dict)
    units = {}
    for r in results:
        by_entrant[r.unit_id][r.rubric_id] = r
        units[r.unit_id] = r.unit
    latest = rubrics[-1]
    spec = rubric_spec(latest)
    breakdowns, periods, crits = {}, {}, {}
    for unit_id, per in by_entrant.items():
        code = units[unit_id].code
        got = [per.get(rb.pk) for rb in rubrics]
        scored = [per.get(rb.pk) for rb in counted]
        totals = [r.total if r else Decimal(0) for r in scored]

        def combined(field: str, code: str, scored=scored) -> Decimal:
            values = [Decimal(getattr(r, field).get(code, "0")) if r else Decimal(0) for r in scored]
            return _combine(contest.combine, values, len(counted))

        dims = {d.code: combined("dimensions", d.code) for d in spec.dimensions}
        # As a period's stored breakdown gives them: "3.00", two places.
        crits[code] = {c.code: str(combined("criteria", c.code).quantize(CENTS)) for c in spec.criteria()}
        breakdowns[code] = Breakdown(
            criteria={}, dimensions=dims, total=_combine(contest.combine, totals, len(counted)), level=None
        )
        periods[code] = [
            {
                "period": rb.period,
                "name": rb.period_name_th,
                "name_en": rb.period_name_en,
                "total": fmt_points(r.total) if r else "0",
                "rank": r.rank if r else None,
                "criteria": r.criteria if r else {},
                "begun": rb in counted,
            }
            for rb, r in zip(rubrics, got, strict=True)
        ]
    placings = rank(breakdowns, tie_break=spec.tie_break, awards=spec.awards)
    tiers = {a.code: a for a in spec.awards}
    by_code = {u.code: u for u in units.values()}
    return [
        {
            "rank": p.rank,
            "entrant": p.unit,
            "name": by_code[p.unit].name_th,
            "name_en": by_code[p.unit].name_en,
            "total": fmt_points(breakdowns[p.unit].total),
            "dimensions": {k: str(v.quantize(CENTS)) for k, v in breakdowns[p.unit].dimensions.items()},
            "criteria": crits[p.unit],
            "award": p.award,
            "award_name_th": tiers[p.award].name_th if p.award else None,
            "award_name_en": tiers[p.award].name_en if p.award else None,
            "tied": p.tied,
            "award_tie": p.award_tie,
            "periods": periods[p.unit],
        }
        for p in placings
    ]


def enters(contest: Contest, unit: Unit) -> bool:
    """Whether the unit is one of the contest's entrants (contests.actor.unit_enters)."""
    return unit_enters(contest, unit)


def contests_for_user(user) -> list[tuple[ContestPeriod, Unit | None]]:
    """The rubrics (a contest, or each period of one) beyond the national contest that a user takes part in,
    as the actor answers: every one for central staff, those their office runs for an organiser, those their
    office enters for office staff (with that office)."""
    actor = actor_of(user)
    if actor.powers.isdisjoint({Power.ADMINISTER, Power.ORGANISE, Power.FILE}):
        return []
    need = Need.ENTER if Power.FILE in actor.powers else Need.RUN
    rubrics = (
        rubrics_of(actor, need)
        .exclude(pk__in=ContestPeriod.objects.national().values("pk"))
        .select_related("contest", "contest__organiser")
        .order_by("-year", "contest__slug", "period_order")
    )
    unit = actor.own_office if Power.FILE in actor.powers else None
    return [(r, unit) for r in rubrics]


class LatestNational(TypedDict):
    latest_national: int | None  # the national contest's newest year


if TYPE_CHECKING:  # the stubs' annotated model, a type only
    from django_stubs_ext import WithAnnotations

    ShownRubric: TypeAlias = WithAnnotations[ContestPeriod, LatestNational]


NATIONAL = national_q("contest__")  # as ContestPeriod.objects.national()


def shown_results(user) -> list[ShownRubric]:
    """Every rubric whose standing this office's staff may see, newest first: entered by their office, and
    published or opened to entrants early. Each carries `latest_national`, the national contest's newest year,
    so the menu tells the running year from earlier ones in the same query. 1 query (+ the entrants) while
    none is open, once per user object (a request's): the menu and the page of earlier results share it."""
    cached = getattr(user, "_shown_results", None)
    if cached is None:
        cached = user._shown_results = _shown_results(user)
    return cached


def _shown_results(user) -> list[ShownRubric]:
    latest = ContestPeriod.objects.filter(NATIONAL).order_by("-year").values("year")[:1]
    shown = Q(snapshot__published_at__isnull=False) | Q(year_settings__standings_visible_to_entrants=True)
    open_ = (
        ContestPeriod.objects.filter(shown)
        .annotate(latest_national=Subquery(latest))
        .select_related("contest")
        .prefetch_related("contest__entrants")
        .order_by("-year", "contest__slug", "period_order")
    )
    rubrics = list(open_)
    if not rubrics:
        return []
    unit = actor_of(user).own_office
    if unit is None:  # an office's results: someone of no office enters nothing
        return []
    return [r for r in rubrics if enters(r.contest, unit)]


@dataclass(frozen=True)
class RunResult:
    """A period whose results an organising office may see: one of its own contests' (`runs`: its standings on
    its dashboard, published or not) or the national contest's, once published (public)."""

    rubric: ContestPeriod
    runs: bool
    published: bool


def run_results(user) -> list[RunResult]:
    """The results an organising office may see, newest first: every period of the contests it runs (not a
    draft's: no one has entered yet), and the national contest's published years, as the Department announces
    them. The menu's results link leads here. 1 query."""
    actor = actor_of(user)
    runs = running(actor, "contest__") & ~Q(contest__state=ContestState.DRAFT)
    published = Q(snapshot__published_at__isnull=False)
    rows = (
        ContestPeriod.objects.filter(runs | (NATIONAL & published))
        .select_related("contest")
        .annotate(published_at=F("snapshot__published_at"))
        .order_by("-year", "contest__slug", "period_order")
    )
    return [RunResult(r, not r.contest.is_national, r.published_at is not None) for r in rows]


def results_waiting(user, shown: Sequence[ContestPeriod]) -> list[ContestPeriod]:
    """The contests this office enters whose results are not open to it yet (`shown` are): the national
    contest's newest year and its own office contests. The page of results lists them, saying who opens them,
    so the menu's results link answers even before anything is published. 2 queries."""
    actor = actor_of(user)
    national = ContestPeriod.objects.national().select_related("contest").order_by("-year").first()
    entered = [national] if national is not None and actor.rights(national.contest).enters else []
    entered += [rubric for rubric, _unit in contests_for_user(user)]
    seen = {rubric.pk for rubric in shown}
    return [rubric for rubric in entered if rubric.pk not in seen]
