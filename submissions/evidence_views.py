"""Sending evidence from the criterion page: files (streamed through the capped upload handler, CSRF checked
after it is installed), links, and withdrawing a version. Each answers the page, or JSON for its script."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core import gate
from core.api import error_response
from core.converters import ContestKey
from core.errors import PortalError
from core.http import LOGIN_FIRST, reading, show, takes_files
from core.templatetags.thai import is_en, label
from core.validators.content import UploadRefused, clean_name

from . import policy, selectors, services, uploads
from .forms import LinkForm, RoundForm
from .permissions import SUBMIT
from .views import page_context

ROUND_REFUSED = UploadRefused("รอบที่เลือกต้องเป็นตัวเลขรอบของตัวชี้วัด", "The round chosen must be one of the criterion's")


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _refusal(name, refusal: UploadRefused) -> dict:
    shown = clean_name(name, "") if name else ""
    message = refusal.en if is_en() else refusal.th
    return {
        "name": shown,
        "th": refusal.th,
        "en": refusal.en,
        "message": message,
        "too_big": refusal.too_big,
        "status": refusal.status,
    }


def _upload_response(request, ctx: dict, created: list, refused: list[dict]):
    back = reverse("submissions:criterion", args=[ctx["rubric"].key, ctx["unit"].code, ctx["criterion"].code])
    if _wants_json(request):
        status = 201 if created and not refused else max(r["status"] for r in refused)
        body: dict[str, object] = {"created": [], "refused": refused}
        if created:  # the rows and the page's status line change with the upload, not only after a reload
            rounds, said = selectors.criterion_after_upload(
                rubric=ctx["rubric"], unit=ctx["unit"], criterion=ctx["criterion"]
            )
            row = {"can_submit": True, "criterion": ctx["criterion"], "rubric": ctx["rubric"], "rounds": rounds}
            body["created"] = [
                {"id": e.pk, "row_html": render_to_string("submissions/_evidence_row.html", {"e": e, **row}, request)}
                for e in created
            ]
            body["status"] = label(said)
        return JsonResponse(body, status=status)
    for r in refused:
        messages.error(request, f"{r['name']}: {r['message']}" if r["name"] else r["message"])
    if created:
        messages.success(request, gettext_lazy("Evidence saved"))
    return redirect(back)


def _upload_refused(request, refusal: UploadRefused, ctx: dict):
    return _upload_response(request, ctx, [], [_refusal(None, refusal)])


@takes_files(uploads.received, refused=_upload_refused)
@require_POST
def upload(request, key: ContestKey, code: str, criterion: str):
    """Handlers must be set before the body is read, so CSRF is checked after installing them."""
    if not request.user.is_authenticated:  # a session that expired: as the upload gate answers a larger body
        return error_response(*LOGIN_FIRST, status=401, code="not_authenticated")
    ctx = page_context(request, key, code, criterion, act=SUBMIT)  # the page's one ask, before a byte is read
    return reading(_upload, ctx)


def _upload(request, ctx: dict):
    files = request.FILES.getlist("file")
    refused = [
        _refusal(name, policy.refusal_for(r, ctx["rubric"], ctx["criterion"].code))
        for name, r in request.upload_refusals
    ]
    chosen = RoundForm(request.POST)
    if not chosen.is_valid():
        refused.append(_refusal(None, ROUND_REFUSED))
        files = []
    created = []
    for f in files:
        try:
            created.append(
                services.evidence_submit(
                    user=request.user,
                    rubric=ctx["rubric"],
                    unit=ctx["unit"],
                    criterion_code=ctx["criterion"].code,
                    upload=f,
                    description=request.POST.get("description", ""),
                    answers_round=chosen.cleaned_data["round"],
                )
            )
        except UploadRefused as r:
            refused.append(_refusal(f.name, r))
        finally:
            uploads.cleanup([f])
    if not files and not refused:
        refused.append(
            _refusal(None, UploadRefused("ไม่ได้รับไฟล์ หรือชื่อไฟล์ไม่ถูกต้อง", "No file received, or an invalid file name"))
        )
    return _upload_response(request, ctx, created, refused)


@login_required
@require_POST
def link(request, key: ContestKey, code: str, criterion: str):
    ctx = page_context(request, key, code, criterion, act=SUBMIT)
    form = LinkForm(request.POST)
    created, refused = [], []
    if form.is_valid():
        try:
            created.append(
                services.evidence_submit(
                    user=request.user,
                    rubric=ctx["rubric"],
                    unit=ctx["unit"],
                    criterion_code=ctx["criterion"].code,
                    url=form.cleaned_data["url"],
                    description=form.cleaned_data["description"],
                    answers_round=form.cleaned_data["round"],
                )
            )
        except UploadRefused as r:
            refused.append(_refusal(None, r))
    elif "round" in form.errors:
        refused.append(_refusal(None, ROUND_REFUSED))
    else:
        refused.append(_refusal(None, UploadRefused("กรุณาใส่ลิงก์", "Please enter a link")))
    return _upload_response(request, ctx, created, refused)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk: int):
    """GET asks first (no script needed); only a POST that carries the confirmation withdraws."""
    evidence = selectors.evidence_or_404(request.user, pk)
    gate.require(request, "submissions.withdraw_evidence", evidence)
    sub = evidence.submission
    back = redirect("submissions:criterion", key=sub.rubric.key, code=sub.unit.code, criterion=sub.criterion.code)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        try:
            services.evidence_withdraw(user=request.user, evidence=evidence)
        except PortalError as exc:
            show(request, exc)
        else:
            messages.success(request, gettext_lazy("Withdrawn (kept in the history)"))
        return back
    if request.method == "POST":  # a plain form post from an old page: ask, as the link does
        return redirect("submissions:withdraw", pk=pk)
    if evidence.withdrawn:
        return back
    return render(request, "submissions/withdraw.html", {"e": evidence, "closed": policy.evidence_closed(sub.rubric)})
