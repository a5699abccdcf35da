"""Who has not sent: per criterion, the entrants with nothing sent (no visible evidence, no record of
receipt), by name, each linked to its criterion page, with how late it is. Central staff and whoever runs an
office's contest open it from the dashboard's missing counts, filtered to one criterion or all."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.converters import ContestKey
from rulebook.workdays import deadline_text
from scoring import tallies
from scoring.access import rubric_gate
from scoring.dashboard import item_labels
from scoring.models import Standing
from scoring.selectors import rubric_calendar


@require_GET
def missing_list(request, year: ContestKey):
    rubric = rubric_gate(request, "scoring.view_standings", year)
    criteria = list(rubric.criteria.all())
    codes = dict(rubric.dimensions.values_list("pk", "code"))
    labels = dict(zip((c.pk for c in criteria), item_labels(criteria, codes), strict=True))
    chosen = request.GET.get("criterion", "")
    shown = [c for c in criteria if c.code == chosen] or criteria
    entrants = Standing.objects.filter(rubric=rubric).count()
    names = tallies.nothing_submitted(rubric, [c.pk for c in shown], entrants)
    calendar, today = rubric_calendar(rubric), timezone.localdate()
    rows = []
    for c in shown:
        due = calendar.next_working_day(c.deadline) if c.deadline else None
        late = calendar.working_days_after(due, today) if due and due < today else 0
        rows.append(
            {
                "criterion": c,
                "label": labels[c.pk],
                "due": deadline_text(c.deadline, calendar) if c.deadline else "",
                "late_days": late,
                "entrants": names.get(c.pk, []),
            }
        )
    context = {"rubric": rubric, "rows": rows, "criteria": criteria, "chosen": chosen if shown != criteria else ""}
    return render(request, "scoring/missing.html", context)
