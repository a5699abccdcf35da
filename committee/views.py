"""An entrant office's side of a clarification round: read the committee's question, answer it, and go to the
criterion's page to add evidence. And the organiser's page that forms a provincial contest's panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from core import acts
from core.converters import ContestKey
from core.errors import PortalError
from core.http import show
from core.numbers import whole
from rubrics.access import contest_or_404
from scoring.selectors import contest_entrants

from . import services
from .errors import CommitteeError
from .forms import JudgingDeadlineForm
from .judging import judging_deadline_set
from .models import Clarification
from .selectors import panel_page, with_messages


@login_required
def clarification(request, pk: int):
    # Another office's round is a 404, like every other page about another office.
    clar = get_object_or_404(with_messages(Clarification.objects.for_member(request.user)), pk=pk)
    if request.method == "POST":
        try:
            services.clarification_reply(user=request.user, clarification=clar, message=request.POST.get("message", ""))
        except PortalError as exc:
            show(request, exc)
        else:
            messages.success(request, _("reply sent"))
            return redirect("committee:clarification", pk=clar.pk)
    can_reply = clar.status != "closed" and acts.allowed(request.user, "committee.reply_clarification", clar)
    return TemplateResponse(request, "committee/clarification.html", {"clar": clar, "can_reply": can_reply})


@login_required
@require_http_methods(["POST"])
def clarification_answer(request, pk: int):
    """The office answers on the criterion's page and comes back to it (the thread's page stays for the link
    in the notice)."""
    clar = get_object_or_404(Clarification.objects.select_related("rubric", "unit", "criterion"), pk=pk)
    if not acts.allowed(request.user, "committee.reply_clarification", clar):
        raise Http404  # another office's question: as if it did not exist
    try:
        services.clarification_reply(user=request.user, clarification=clar, message=request.POST.get("message", ""))
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(request, _("Your answer was sent to the committee."))
    return redirect("submissions:criterion", clar.rubric.key, clar.unit.code, clar.criterion.code)


def _panel_change(request, contest) -> None:
    post = request.POST
    raw = post.get("user", "")
    target = get_user_model().objects.filter(pk=pk).first() if (pk := whole(raw)) is not None else None
    action = post.get("action")
    if action == "appoint":
        services.panelist_appoint(by=request.user, contest=contest, user=target, is_chair=post.get("is_chair") == "1")
    elif action in ("chair", "member"):
        services.panelist_appoint(by=request.user, contest=contest, user=target, is_chair=action == "chair")
    elif action == "remove":
        services.panelist_remove(by=request.user, contest=contest, user=target)
    elif action in ("conflict", "unconflict"):
        unit = contest_entrants(contest).filter(code=post.get("unit", "")).first()
        services.conflict_set(
            by=request.user,
            member=target,
            unit=unit,
            conflicted=action == "conflict",
            reason=post.get("reason", ""),
            contest=contest,
        )
    else:
        raise CommitteeError(_("unknown action"))


@require_http_methods(["GET", "POST"])
def panel(request, key: ContestKey):
    """The contest's panel: who judges it, appoint from the office's staff, name the chair, remove."""
    # Another office's contest: 404.
    rubric = contest_or_404(request.user, key, "committee.manage_panel", request=request)
    if request.method == "POST":
        try:
            _panel_change(request, rubric.contest)
        except PortalError as exc:
            show(request, exc)
        else:
            messages.success(request, _("panel saved"))
        return redirect("panel:manage", key=rubric.key)
    context = {"rubric": rubric, "contest": rubric.contest, **panel_page(rubric.contest)}
    return TemplateResponse(request, "committee/panel.html", context)


@require_http_methods(["GET", "POST"])
def judging_deadline(request, key: ContestKey):
    """By when the contest's judging ends: whoever runs it sets or moves it, with a reason the panel reads."""
    # Not theirs to set: 404.
    rubric = contest_or_404(request.user, key, "committee.set_judging_deadline", request=request)
    form = JudgingDeadlineForm(request.POST or None, initial={"deadline": rubric.contest.judging_deadline})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contest, day = rubric.contest, data["deadline"]
        judging_deadline_set(user=request.user, contest=contest, deadline=day, reason=data["reason"])
        messages.success(request, _("The judging deadline is saved; the panel is told."))
        return redirect("panel:judging_deadline", key=rubric.key)
    context = {"rubric": rubric, "contest": rubric.contest, "form": form}
    return TemplateResponse(request, "committee/judging_deadline.html", context)
