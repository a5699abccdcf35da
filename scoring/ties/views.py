"""The page where whoever runs a contest settles its ties at award lines (`settle`). Thin."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from core.converters import ContestKey
from core.errors import PortalError
from core.http import posted_ids, show
from rubrics.access import contest_or_404
from scoring.models import TieMethod
from scoring.ties import settle


@require_http_methods(["GET", "POST"])
def tie_list(request, key: ContestKey):
    rubric = contest_or_404(request.user, key, "scoring.settle_tie", request=request)
    if request.method == "POST":
        method = request.POST.get("method", "")
        tied = posted_ids(request.POST.get("tie", "").split(",") if request.POST.get("tie") else [])
        order = tied if method == TieMethod.SHARED else posted_ids(request.POST.getlist("place"))
        try:
            settle.tie_settle(
                user=request.user, rubric=rubric, entrants=order, method=method, reason=request.POST.get("reason", "")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("scoring:ties", key=rubric.key)
        except PortalError as exc:  # the lifecycle's refusal
            show(request, exc)
            return redirect("scoring:ties", key=rubric.key)
        messages.success(request, _("the tie's settlement is recorded"))
        return redirect("scoring:ties", key=rubric.key)
    names = {t.code: t.name_th for t in rubric.award_tiers.all()}
    ctx = {
        "rubric": rubric,
        # each tie with its entrants and the award each is shown as now
        "ties": [(tie, [(r, names.get(r.award, "")) for r in tie.entrants]) for tie in settle.open_ties(rubric)],
        "decisions": settle.decisions(rubric),
        "methods": TieMethod.choices,
        "shared": TieMethod.SHARED,
    }
    return render(request, "scoring/ties.html", ctx)
