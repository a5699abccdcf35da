"""The pages of a selection in stages (seed 002): the list of stages, a stage's page (its organiser picks
there), and the pick and withdraw actions. Who may do what is asked of the rules, never here."""

from __future__ import annotations

import logging
import mimetypes
import posixpath

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from contests.actor import actor_of
from contests.models import Contest, Unit
from core import acts, files, gate
from core.errors import PortalError
from core.http import capped, content_disposition, posted_ids, reading, show, takes_files
from core.i18n import either
from core.sheets import exporter
from stages.data import register_import
from stages.models import RegisterSource, StageUpload
from stages.rules import stage_of
from stages.selectors import stage_page, staged_contests
from stages.services import stage_file_submit, stage_select, stage_withdraw

# PDPA: who took which file sent for a pick, as every evidence download is recorded.
access_log = logging.getLogger("cdd4.evidence_access")
REGISTER = "model-subdistrict"  # the one register the shipped stages check (contests/data/stages.json)


def staged_or_404(request, slug: str, perm: str) -> Contest:
    """The one loader of a stage's pages and API (`stages/<slug>/`): the staged contest `slug` if the user has
    `perm` on it; 404 otherwise (nobody learns of others')."""
    gate.signed_in(request)
    contest = Contest.objects.filter(slug=slug).select_related("stage__previous", "organiser").first()
    if contest is None or stage_of(contest) is None:
        raise Http404
    return gate.visible(request, perm, contest)


def _unit(request) -> Unit | None:
    """The one unit the form names (`unit`), or None when it names none or no unit."""
    ids = posted_ids(request.POST.getlist("unit")[-1:])
    return Unit.objects.filter(pk__in=ids).first()


@require_GET
def stage_list(request):
    gate.signed_in(request)
    sources = RegisterSource.objects.filter(program=REGISTER)[:10]
    # Listed only where its page opens for this user: the same permission as the stage page itself.
    shown = [c for c in staged_contests(actor_of(request.user)) if acts.allowed(request.user, "stages.view", c)]
    return render(request, "stages/stages.html", {"contests": shown, "sources": sources})


@require_GET
def stage_detail(request, slug: str):
    contest = staged_or_404(request, slug, "stages.view")
    return render(request, "stages/stage.html", {"page": stage_page(actor_of(request.user), contest)})


@require_GET
def stage_export(request, slug: str, fmt: str):
    """The picks as the page shows them, as XLSX or CSV: the same scope, the same words."""
    contest = staged_or_404(request, slug, "stages.view")
    if fmt not in exporter.get("stage-picks").formats:
        raise Http404
    return exporter.response(stage_page(actor_of(request.user), contest), "stage-picks", fmt)


@require_POST
def stage_pick(request, slug: str):
    contest = staged_or_404(request, slug, "stages.pick")
    units = list(Unit.objects.filter(pk__in=posted_ids(request.POST.getlist("unit"))))
    try:
        entries = stage_select(actor=actor_of(request.user), contest=contest, units=units)
    except PortalError as exc:
        show(request, exc)
    else:
        th = ", ".join(e.unit.name_th for e in entries)
        en = ", ".join(e.unit.name_en or e.unit.name_th for e in entries)
        messages.success(request, format_lazy(_("picks saved: {names}"), names=either(th, en)))
    return redirect("stages:stage", slug=slug)


@require_POST
def stage_unpick(request, slug: str):
    contest = staged_or_404(request, slug, "stages.pick")
    unit = _unit(request)
    try:
        if unit is None:
            raise PortalError(_("no such subdistrict to withdraw"), code="not_picked")
        stage_withdraw(actor=actor_of(request.user), contest=contest, unit=unit)
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(request, format_lazy(_("{unit} withdrawn"), unit=either(unit.name_th, unit.name_en)))
    return redirect("stages:stage", slug=slug)


def _stage_file_refused(request, refusal: PortalError, contest: Contest, slug: str):
    show(request, refusal)
    return redirect("stages:stage", slug=slug)


@takes_files(capped("stage_file"), refused=_stage_file_refused)
@require_POST
def stage_file(request, slug: str):
    """The picking office sends one of the files a pick must come with (a video's length read from it)."""
    contest = staged_or_404(request, slug, "stages.pick")
    return reading(_stage_file, contest, slug)


def _stage_file(request, contest: Contest, slug: str):
    unit = _unit(request)
    try:
        if unit is None or "file" not in request.FILES:
            raise PortalError(_("choose a file"), code="no_file")
        sent = stage_file_submit(
            actor=actor_of(request.user),
            contest=contest,
            unit=unit,
            code=request.POST.get("code", ""),
            upload=request.FILES["file"],
        )
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(
            request,
            format_lazy(
                _("{unit}'s {file} received"),
                file=either(sent.requirement.name_th, sent.requirement.name_en),
                unit=either(unit.name_th, unit.name_en),
            ),
        )
    return redirect("stages:stage", slug=slug)


@require_GET
def stage_file_download(request, slug: str, pk: int):
    """A file sent for a pick, to whoever the stage's page shows the pick to (the lock decides); the bytes
    come from nginx or the object store (core.files.serve), never through Python in service mode."""
    contest = staged_or_404(request, slug, "stages.view")
    sent = (
        StageUpload.objects.filter(pk=pk, entry__stage__contest=contest)
        .select_related("entry__stage__contest", "entry__unit", "requirement")
        .first()
    )
    if sent is None or not acts.allowed(request.user, "stages.view_file", sent.entry):
        raise Http404
    ext = posixpath.splitext(sent.file.name)[1].lower()
    name = f"{sent.entry.unit.name_th}-{sent.requirement.name_th}{ext}"
    kind = mimetypes.guess_type(sent.file.name)[0] or "application/octet-stream"
    try:
        response = files.serve(sent.file.name, content_type=kind, disposition=content_disposition(name))
    except FileNotFoundError:
        raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    access_log.info("stage_file_download user=%s stage_upload=%s", request.user.pk, sent.pk)
    return response


def _register_refused(request, refusal: PortalError):
    show(request, refusal)
    return redirect("stages:stages")


@takes_files(capped("register"), refused=_register_refused)
@require_POST
def register_upload(request):
    """Central staff import the register of past model subdistricts, naming its source."""
    gate.require(request, "stages.import_register")
    return reading(_register_upload)


def _register_upload(request):
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise PortalError(_("choose a CSV or XLSX file"), code="no_file")
        source = register_import(
            program=REGISTER,
            data=upload.read(),
            filename=upload.name,
            source_name=request.POST.get("source", ""),
            user=request.user,
        )
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(request, format_lazy(_("{rows} register rows imported"), rows=source.rows))
    return redirect("stages:stages")
