"""A contest's revision history, and the reason box and confirmation the builder and the JSON
upload show when they change a contest that exists (rubrics.revisions). Thin: who may is the rules'
(`rubrics.view_rubric_changes`), what changed is `rubric_diff.diff_lines`."""

from __future__ import annotations

from datetime import date

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from contests.actor import actor_of
from contests.codes import national_code
from contests.models import Contest, ContestState
from core.converters import ContestKey
from core.i18n import either
from core.numbers import is_whole
from rubrics.access import contest_or_404
from rubrics.letters import Letter
from rubrics.models import RubricChange
from rubrics.revisions import ChangeRefused
from rulebook.dates import DateInputError, parse_date
from rulebook.diff import diff_lines, kept_lines
from rulebook.spec import RubricError


def revision_box(request, slug: str | None, refused: ChangeRefused | None = None) -> dict:
    """What the reason box shows: the contest being changed (one the user runs), its state, what was typed,
    and, after a refusal, the reason's problem and the criteria to confirm. Typed values travel back."""
    contest = Contest.objects.filter(slug=slug).first() if slug else None
    if contest is not None and not actor_of(request.user).rights(contest).runs:
        contest = None  # another office's code: the service refuses it; nothing of it is shown
    first = contest.rubrics.order_by("period_order").first() if contest else None
    return {
        "contest": contest,
        "open": contest is not None and contest.state == ContestState.OPEN,
        "history": reverse("rubrics:rubric_changes", kwargs={"key": first.key}) if first else "",
        "reason": request.POST.get("reason", ""),
        "confirm": request.POST.get("confirm") == "on",
        "needs_reason": refused.messages[-1:] if refused and "reason" in refused.needs else [],
        "held": refused.held if refused else [],
        # A change that moves dates: its lines, and the letter's boxes (what was typed travels back).
        "moves": refused.moves if refused else [],
        "letter_number": request.POST.get("letter_number", ""),
        "letter_date": request.POST.get("letter_date", ""),
    }


def posted_slug(post) -> str | None:
    """The contest a builder form changes: its code, else the Department's contest of its year (as the loader
    names a file without one, services.contest_slug)."""
    year = (post.get("year") or "").strip()
    return (post.get("slug") or "").strip() or (national_code(int(year)) if is_whole(year) else None)


def change_args(request, window: tuple[date, date] | None = None) -> dict:
    """The service's reason, confirmation and letter, as the pages post them (a letter's date as typed: Thai or
    ISO, B.E. or C.E.; unreadable, the service's refusal of a number without its date says what is missing)."""
    typed = request.POST.get("letter_date", "").strip()
    try:
        day = parse_date(typed, window=window) if typed else None
    except DateInputError as exc:
        raise RubricError([either(exc.th, exc.en)]) from exc
    return {
        "reason": request.POST.get("reason", ""),
        "confirm": request.POST.get("confirm") == "on",
        "letter": Letter(request.POST.get("letter_number", ""), day),
    }


@require_GET
def rubric_changes(request, key: ContestKey):
    """Every recorded change to a contest's rules, newest first: whoever runs it (its organisers, central
    staff); any other office's contest is a 404, the national contest 403 to those who only see it."""
    rubric = contest_or_404(request.user, key, "rubrics.view_rubric_changes", request=request)
    rows = RubricChange.objects.filter(contest=rubric.contest).select_related("user")
    changes = [(row, diff_lines(row.changes) + kept_lines(row.rounds_kept)) for row in rows]
    # Each criterion's page, where its deadline moves (schedule.deadline_views): this page is its runners' own.
    criteria = rubric.criteria.order_by("order")
    context = {"rubric": rubric, "changes": changes, "criteria": criteria}
    return render(request, "rubrics/rubric_changes.html", context)
