"""Central's dashboard, whoever runs the contest's first screen: the rounds late and due soon first, then the
standings, and the standings' part htmx polls (`dashboard_live`). Its reads are `schedule.dashboard`'s; who is
late, by name, is `missing_views.py`'s page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core import acts
from core.converters import ContestKey
from core.numbers import whole
from core.thaimap import thailand_map
from rubrics.access import contest_or_404
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_calendar
from schedule import dashboard as board
from schedule import hooks
from scoring import lifecycle, pages, selectors
from scoring.contest_results import contest_rows


def _central_rubric(request, key: ContestKey) -> ContestPeriod:
    return contest_or_404(request.user, key, "scoring.view_standings", request=request)


def _stamp(rubric: ContestPeriod) -> str:
    at = rubric.standings_computed_at
    return f"{at.timestamp():.6f}" if at else "0"


def _context(request, rubric: ContestPeriod) -> dict:
    mode = "award" if request.GET.get("map") == "award" else "total"
    page = whole(request.GET.get("page", "")) or 1
    calendar = rubric_calendar(rubric)
    ctx = board.dashboard(rubric, today=timezone.localdate(), calendar=calendar, map_mode=mode, page=page)
    ctx.update(stamp=_stamp(rubric), poll=settings.CDD4_DASHBOARD_POLL_SECONDS, calendar=calendar)
    nominees = selectors.named_people(rubric.contest)  # no query unless the contest takes nominees
    for row in ctx["rows"] if nominees else ():
        row["nominee"] = nominees.get(row["r"].unit_id)
    return ctx


@require_GET
def dashboard_page(request, key: ContestKey):
    """Central's first screen is the work of the moment: the rounds late and due soon, then the standings.
    The year's settings, imports and freezing have pages of their own; freezing comes back to this screen
    once judging is over (`board.judging_over`)."""
    rubric = _central_rubric(request, key)
    today = timezone.localdate()
    ctx = _context(request, rubric)
    names = {row["r"].unit.code: row["r"].unit.name_th for row in ctx["rows"]}
    ctx["map"] = thailand_map()
    ctx["work"] = board.work_now(
        rubric,
        today=today,
        calendar=ctx["calendar"],
        reminder_days=ctx["year_settings"].reminder_working_days,
        frozen=ctx["snapshot"] is not None,
    )
    results = lifecycle.results_state(rubric, ctx["snapshot"], today)
    ctx["freeze_here"] = board.judging_over(rubric, results["state"], user=request.user, today=today)
    if ctx["freeze_here"]:
        ctx.update(results)
    ctx["sets_judging_deadline"] = acts.allowed(request.user, "committee.set_judging_deadline", rubric.contest)
    ctx["announces"] = acts.allowed(request.user, "notices.announce_to_entrants", rubric.contest)
    ctx["prompts"] = hooks.dashboard_prompts(request.user, rubric)
    ctx["map_provinces"] = [(p["code"], p["d"], names.get(p["code"], p["name"])) for p in ctx["map"]["provinces"]]
    if rubric.period:  # a contest with periods: each period's page, and the periods combined
        ctx["periods"] = list(rubric.contest.rubrics.select_related("contest").order_by("period_order"))
        ctx["combined"] = contest_rows(rubric.contest)[: pages.PAGE_SIZE]
    return render(request, "schedule/dashboard.html", ctx)


@require_GET
def dashboard_live(request, key: ContestKey):
    """Polled by htmx. 204 (htmx swaps nothing) while the standings have not changed: one query."""
    rubric = _central_rubric(request, key)
    if request.GET.get("since") == _stamp(rubric):
        return HttpResponse(status=204)
    return render(request, "schedule/_live.html", _context(request, rubric))
