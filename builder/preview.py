"""The contest builder's live preview: the explanation an entrant will read for one criterion's
rule, as the organiser types it. The whole builder form is posted (its rule and sample facts travel in it,
nothing is stored or saved); the answer is the criterion's preview part of the page, which the page's
script puts in place, and which the page's own "try the rule" button renders without script."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from builder.form import Builder
from core import gate
from rubrics.selectors import work_calendar


@require_POST
def contest_builder_preview(request):
    gate.require(request, "rubrics.save_contest")
    builder = Builder(request.POST)
    builder.data()  # reads each rule form, as the page does
    wanted = request.POST.get("criterion", "")
    found = next((c for dim in builder.dimensions for c in dim.criteria if c.prefix == wanted), None)
    if found is None:
        raise Http404(_("no such criterion"))
    builder.preview(found, builder.calendar(work_calendar()), sample=True)
    return render(request, "builder/_builder_preview.html", {"c": found})
