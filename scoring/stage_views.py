"""The pages of a selection in stages (seed 002): the list of stages, a stage's page (its organiser picks
there), and the pick and withdraw actions. Who may do what is asked of the rules, never here."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from contests.models import Contest, Province
from contests.stages import stage_of
from core import gate
from core.errors import PortalError
from core.http import show

from .actor import actor_of
from .stage_reads import stage_page, staged_contests
from .stages import stage_select, stage_withdraw


def _staged(request, slug: str, perm: str) -> Contest:
    """The staged contest `slug` if the user has `perm` on it; 404 otherwise (nobody learns of others')."""
    gate.signed_in(request)
    contest = Contest.objects.filter(slug=slug).select_related("stage__previous", "organiser").first()
    if stage_of(contest) is None:
        raise Http404
    return gate.visible(request, perm, contest)


@require_GET
def stage_list(request):
    gate.signed_in(request)
    return render(request, "scoring/stages.html", {"contests": staged_contests(actor_of(request.user))})


@require_GET
def stage_detail(request, slug: str):
    contest = _staged(request, slug, "scoring.view_stage")
    return render(request, "scoring/stage.html", {"page": stage_page(actor_of(request.user), contest)})


@require_POST
def stage_pick(request, slug: str):
    contest = _staged(request, slug, "scoring.select_stage")
    units = list(Province.objects.filter(pk__in=request.POST.getlist("unit")))
    try:
        entries = stage_select(actor=actor_of(request.user), contest=contest, units=units)
    except PortalError as exc:
        show(request, exc)
    else:
        names = ", ".join(e.unit.name_th for e in entries)
        messages.success(request, f"บันทึกการคัดเลือกแล้ว: {names} / picks saved")
    return redirect("scoring:stage", slug=slug)


@require_POST
def stage_unpick(request, slug: str):
    contest = _staged(request, slug, "scoring.select_stage")
    unit = Province.objects.filter(pk=request.POST.get("unit")).first()
    try:
        if unit is None:
            raise PortalError("ไม่พบตำบลที่จะถอน", "no such subdistrict to withdraw", code="not_picked")
        stage_withdraw(actor=actor_of(request.user), contest=contest, unit=unit)
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(request, f"ถอน {unit.name_th} แล้ว / {unit.name_en} withdrawn")
    return redirect("scoring:stage", slug=slug)
