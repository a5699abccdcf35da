"""Who has not sent, by round: per criterion and per round of it that is due (or the next one), the entrants
that still owe it (no visible upload and no receipt recorded by the Department in that round's window), by
name, each linked to its criterion page, with how late the round is; from the schedule (schedule.selectors),
as every page says it. Central staff and whoever runs an office's contest open it from the dashboard's missing
counts, filtered to one criterion or all, a page of names at a time, and from it remind every office that is
late (`remind_late`: one notice each, schedule.services.late_remind)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from contests.models import Unit
from core import acts
from core.converters import ContestKey
from core.errors import PortalError
from core.http import show
from core.numbers import whole
from notices.outreach import outreach_said
from rubrics.access import contest_or_404
from rubrics.selectors import rubric_calendar
from rulebook.workdays import deadline_text
from schedule.contest import UNIT
from schedule.dashboard import RESULTS_IN_HAND, item_labels
from schedule.permissions import REMIND_LATE
from schedule.services import late_remind
from schedule.tallies import round_tallies
from scoring import lifecycle
from scoring.lifecycle import Action

NAMES_SHOWN = 200  # names per round on one page of one criterion; the rest on the next pages
NAMES_SHOWN_ALL = 20  # names per round when every criterion is shown: each round's own page has the rest


def _page(raw: str) -> int:
    number = whole(raw)
    return number if number is not None and 0 < number < 10_000 else 1


@require_GET
def missing_list(request, key: ContestKey):
    rubric = contest_or_404(request.user, key, "scoring.view_standings", request=request)
    criteria = list(rubric.criteria.all())
    codes = dict(rubric.dimensions.values_list("pk", "code"))
    labels = dict(zip((c.code for c in criteria), item_labels(criteria, codes), strict=True))
    chosen = request.GET.get("criterion", "")
    shown = [c for c in criteria if c.code == chosen] or criteria
    page = _page(request.GET.get("page", ""))
    calendar, today = rubric_calendar(rubric), timezone.localdate()
    names_shown = NAMES_SHOWN if len(shown) == 1 else NAMES_SHOWN_ALL
    # Frozen or published: a round not met is excused (schedule.obligations.rounds_stand), late for nobody.
    state = lifecycle.state(rubric, today=today)
    frozen = state in RESULTS_IN_HAND
    tallies = round_tallies(
        rubric, criteria=[c.code for c in shown], shown=names_shown, offset=(page - 1) * names_shown, today=today
    )
    # Never counted yet (a large contest before the worker's first count): nobody is named, and the page says so.
    uncounted = any(t.uncounted for t in tallies)
    # A round not due yet (an earlier round is still ahead) owes nothing and is left out.
    tallies = [t for t in tallies if t.owed or t.met]
    names = {o.unit_code for t in tallies for o in t.shown}
    named = dict(Unit.objects.filter(code__in=names).values_list("code", "name_th")) if names else {}
    by_criterion: dict[str, list[dict]] = {}
    links: dict[str, str] = {}  # each criterion's page, made once and filled with each entrant's code
    for t in tallies:
        due = t.round.due
        code = t.round.criterion.code
        link = links.get(code) or links.setdefault(
            code, reverse("submissions:criterion", args=[rubric.key, UNIT, code])
        )
        by_criterion.setdefault(t.round.criterion.code, []).append(
            {
                "round": t.round,
                "due": deadline_text(t.round.written, calendar) if t.round.written else "",
                "late_days": calendar.working_days_after(due, today) if due and due < today and not frozen else 0,
                "owed": t.owed,
                "met": t.met,
                "entrants": [
                    {"name_th": named.get(o.unit_code, o.unit_code), "url": link.replace(UNIT, o.unit_code)}
                    for o in t.shown
                ],
                "more": t.more,
            }
        )
    rows = [
        {"criterion": c, "label": labels[c.code], "rounds": by_criterion[c.code]}
        for c in shown
        if c.code in by_criterion
    ]
    more = any(r["more"] > 0 for rows_ in by_criterion.values() for r in rows_)
    context = {
        "rubric": rubric,
        "frozen": frozen,
        # Whoever runs the contest reminds the late, while the lifecycle reminds (an open period).
        "can_remind": lifecycle.state_allows(state, Action.REMIND) and acts.allowed(request.user, REMIND_LATE, rubric),
        "rows": rows,
        "criteria": criteria,
        "chosen": chosen if shown != criteria else "",
        "page": page,
        "next_page": page + 1 if more else None,
        "as_of": next((t.as_of for t in tallies), None),
        "uncounted": uncounted,
        "previous_page": page - 1 if page > 1 else None,
    }
    return render(request, "schedule/missing.html", context)


@require_POST
def remind_late(request, key: ContestKey):
    """The late list's button: every office late with a round of the contest gets one notice naming its rounds
    (once a day), then back to the list with its account: offices told now, told earlier today, and not told, and
    why (notices.outreach)."""
    rubric = contest_or_404(request.user, key, REMIND_LATE, request=request)
    try:
        done = late_remind(user=request.user, rubric=rubric)
    except PortalError as exc:  # the lifecycle's refusal: frozen results leave nothing late
        show(request, exc)
    else:
        messages.success(request, outreach_said(done))
    return redirect("schedule:missing", key=rubric.key)
