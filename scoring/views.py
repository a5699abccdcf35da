"""Standings pages: a year's fact imports, freezing and publishing, an entrant's own standing, the
published results. Central's dashboard, which leads to them, is the schedule's (schedule/dashboard_views.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from contests.actor import Power, actor_of
from core import acts
from core.converters import ContestKey
from core.errors import PortalError
from core.http import capped, reading, show, takes_files
from core.i18n import Text
from core.sheets import exporter
from rubrics.access import SEE_CONTEST, contest_or_404
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec, year_settings
from scoring import hooks, lifecycle, selectors, snapshots
from scoring.contest_results import results_waiting, run_results, shown_results
from scoring.facts.imports import facts_import_file
from scoring.lifecycle import State
from scoring.models import Standing, StandingsSnapshot
from scoring.needs import contest_needs
from scoring.standings import as_of, tie_breaks


def _central_rubric(request, key: ContestKey) -> ContestPeriod:
    return contest_or_404(request.user, key, "scoring.view_standings", request=request)


@login_required
@require_GET
def index(request):
    rubric = selectors.running_national(timezone.localdate())
    if rubric is None:
        raise Http404
    if acts.allowed(request.user, "scoring.view_standings"):
        return redirect("schedule:dashboard", key=rubric.key)
    return redirect("scoring:mine", key=rubric.key)


def _snapshot_action(request, key: ContestKey, action, done: Text, **kwargs):
    """Runs one freeze/unfreeze/withdraw service and reports back on the results' page."""
    rubric = _central_rubric(request, key)
    try:
        action(user=request.user, rubric=rubric, **kwargs)
        messages.success(request, done)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PortalError as exc:  # the lifecycle's refusal
        show(request, exc)
    return redirect("scoring:freeze", key=key)


@require_http_methods(["GET", "POST"])
def freeze(request, key: ContestKey):
    """GET: the period's results, frozen or not, and what may be done with them now (freeze, publish, unfreeze,
    withdraw), with their history; POST freezes them once confirmed."""
    if request.method == "GET":
        rubric = _central_rubric(request, key)
        snapshot = StandingsSnapshot.objects.filter(rubric=rubric).first()
        ctx = {"rubric": rubric, **lifecycle.results_state(rubric, snapshot, timezone.localdate())}
        if snapshot is not None and lifecycle.Action.CORRECT in ctx["allows"]:
            ctx["corrections"] = CORRECTION_ROWS
            ctx["entrants"] = [(r["entrant"], r["name"], r["award_name_th"] or "") for r in snapshot.rows]
            ctx["tiers"] = list(rubric.award_tiers.all())
        return render(request, "scoring/freeze.html", ctx)
    if request.POST.get("confirm") != "1":  # freezing stops every change: asked, as publishing is
        _central_rubric(request, key)  # who may not freeze learns nothing more
        messages.error(request, _("tick the confirmation before freezing"))
        return redirect("scoring:freeze", key=key)
    return _snapshot_action(request, key, snapshots.standings_freeze, _("results frozen"))


CORRECTION_ROWS = range(3)  # entrants one correction changes at most (an award taken from one, given to another)


@require_POST
def correct(request, key: ContestKey):
    """Corrects published awards (each row: an entrant and the award it holds from now on), with a reason; the
    corrected documents are then made on the documents page."""
    rubric = contest_or_404(request.user, key, "scoring.correct", request=request)
    chosen = dict(zip(request.POST.getlist("entrant"), request.POST.getlist("award"), strict=False))
    chosen.pop("", None)
    ids = dict(Standing.objects.filter(rubric=rubric, unit__code__in=chosen).values_list("unit__code", "unit_id"))
    try:  # an entrant not among the results is refused by the service, as one never ranked
        snapshots.awards_correct(
            user=request.user,
            rubric=rubric,
            awards={ids.get(code, 0): award for code, award in chosen.items()},
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reverse("scoring:freeze", args=[key]) + "#correct")
    except PortalError as exc:  # the lifecycle's refusal
        show(request, exc)
        return redirect(reverse("scoring:freeze", args=[key]) + "#correct")
    messages.success(request, _("awards corrected: make the corrected announcement and certificates now"))
    return redirect(reverse("awards:results", args=[key]) + "#documents")


@require_POST
def unfreeze(request, key: ContestKey):
    reason = request.POST.get("reason", "")
    return _snapshot_action(request, key, snapshots.standings_unfreeze, _("results unfrozen"), reason=reason)


@require_http_methods(["GET", "POST"])
def publish(request, key: ContestKey):
    """GET previews the frozen results exactly as they will be announced; only a confirmed POST publishes."""
    rubric = _central_rubric(request, key)
    snapshot = StandingsSnapshot.objects.filter(rubric=rubric).first()
    if request.method == "POST":
        try:
            snapshots.publication_publish(
                user=request.user,
                rubric=rubric,
                confirmed=request.POST.get("confirm") == "1",
                previewed_frozen_at=request.POST.get("frozen_at", ""),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("scoring:publish", key=key)
        except PortalError as exc:  # the lifecycle's refusal
            show(request, exc)
            return redirect("scoring:publish", key=key)
        messages.success(request, _("results published"))
        return redirect("scoring:results", key=key)
    if snapshot is None:
        messages.error(request, _("freeze the results before publishing"))
        return redirect("scoring:freeze", key=key)
    ctx = {"rubric": rubric, "snapshot": snapshot, "as_of": as_of(snapshot.computed_at), "preview": True}
    ctx["rows"] = tie_breaks(snapshot.rows, rubric.tie_break, rubric)
    ctx["unsettled"] = [r for r in snapshot.rows if r.get("award_tie")]
    return render(request, "scoring/publish.html", ctx)


@require_POST
def withdraw_publication(request, key: ContestKey):
    reason = request.POST.get("reason", "")
    return _snapshot_action(
        request,
        key,
        snapshots.publication_withdraw,
        _("publication withdrawn (the results stay frozen)"),
        reason=reason,
    )


@login_required
@require_GET
def mine(request, key: ContestKey):
    """An entrant office's staff: their own office only. Its figures once whoever runs the contest allows it;
    before that the page says so and who opens them (the menu's results link always leads somewhere true).
    It is where a results notice lands (notices.events.results_changed), so each of its readers is sent to the
    results they may open: whoever runs the contest to its dashboard, a judge to the published results or,
    while none are, to the scoring matrix. A contest the user cannot see does not exist for them (404, as an
    unknown key)."""
    actor = actor_of(request.user)
    rubric = contest_or_404(request.user, key, SEE_CONTEST, request=request)
    rights = actor.rights(rubric.contest)
    if rights.runs:
        return redirect("schedule:dashboard", key=key)
    published = StandingsSnapshot.objects.filter(rubric=rubric, published_at__isnull=False).first()
    if not rights.enters and rights.judges:
        if published is not None:
            return redirect("scoring:results", key=key)
        return redirect(reverse("admin:committee_matrix") + "?" + urlencode({"year": rubric.key}))
    if not rights.enters:
        if Power.FILE in actor.powers:  # a district office in the national contest: no standing of its own
            raise Http404
        raise PermissionDenied  # sees the contest (the committee, a panelist) but has no standing of its own
    unit = actor.own_office  # the entrant is the user's own office (entering takes one)
    if unit is None:
        raise Http404
    snapshot = published
    ctx: dict[str, object] = {"rubric": rubric, "unit": unit, "published": None, "result": None, "certificate": ""}
    if snapshot:
        ctx["published"] = row = next((r for r in snapshot.rows if r["province"] == unit.code), None)
        if row and row.get("award_name_th"):
            ctx["certificate"] = next((url for url in hooks.own_certificate(rubric, unit) if url), "")
        ctx["as_of"] = as_of(snapshot.computed_at)
    elif year_settings(rubric).standings_visible_to_entrants:
        ctx["result"] = result = Standing.objects.filter(rubric=rubric, unit=unit).first()
        ctx["as_of"] = as_of(rubric.standings_computed_at)
        ctx["dims"] = [(d, result.dimensions.get(d.code, "0") if result else "0") for d in rubric.dimensions.all()]
    return render(request, "scoring/mine.html", ctx)


@login_required
@require_GET
def past(request):
    """Every contest year whose results this office's staff may see, the earlier ones included (their
    certificates are asked for long after): the menu's "ผลปีก่อน". An organising office's: its own contests'
    results and the national contest's published ones (`run_results`). Offices only; 2 queries (1 for an
    organiser)."""
    powers = actor_of(request.user).powers
    if Power.ORGANISE in powers:
        return render(request, "scoring/past.html", {"run": run_results(request.user)})
    if Power.FILE not in powers:
        raise PermissionDenied
    shown = shown_results(request.user)
    return render(request, "scoring/past.html", {"rubrics": shown, "waiting": results_waiting(request.user, shown)})


@require_GET
def results(request, key: ContestKey):
    """The published results: public, as the Department announces them on its website."""
    rubric = get_object_or_404(ContestPeriod.objects.by_key(key))
    if lifecycle.state(rubric) == State.DRAFT:  # a draft's results are no one's: not even its own entrants'
        raise Http404
    snapshot = StandingsSnapshot.objects.filter(rubric=rubric, published_at__isnull=False).first()
    if snapshot is None:
        withdrawn = selectors.publication_withdrawn(rubric)
        if withdrawn is None:
            raise Http404
        # Gone, not missing: whoever follows an old link learns the announcement was taken down.
        ctx = {"rubric": rubric, "withdrawn": withdrawn, "runs": actor_of(request.user).rights(rubric.contest).runs}
        return render(request, "scoring/results.html", ctx, status=410)
    ctx = {"rubric": rubric, "snapshot": snapshot, "as_of": as_of(snapshot.computed_at)}
    ctx["rows"] = tie_breaks(snapshot.rows, rubric.tie_break, rubric)
    ctx["runs"] = actor_of(request.user).rights(rubric.contest).runs  # whoever runs it gets on to its documents
    return render(request, "scoring/results.html", ctx)


@require_GET
def facts_template(request, key: ContestKey):
    """The contest's fact template (every period of it), for whoever runs the contest; 404 for anyone else."""
    rubric = contest_or_404(request.user, key, "scoring.import_facts", request=request)
    return exporter.response(rubric.contest, "contest-fact-template", "xlsx")


def _facts_refused(request, refusal: PortalError, rubric: ContestPeriod, key: ContestKey):
    show(request, refusal)
    return redirect("scoring:facts", key=key)


@takes_files(capped("facts"), refused=_facts_refused)
@require_http_methods(["GET", "POST"])
def facts_upload(request, key: ContestKey):
    """GET: the contest's imports page (its fact template, the upload, what each criterion needs and who
    records it). POST: whoever runs the contest uploads its filled-in fact template, or a sheet of
    entrant,criterion,fact,value rows: all of it or none."""
    rubric = contest_or_404(request.user, key, "scoring.import_facts", request=request)
    if request.method == "GET":
        spec = rubric_spec(rubric)
        ctx = {"rubric": rubric, "template_facts": len(spec.fact_columns), "needs": contest_needs(spec)}
        if rubric.period:
            ctx["periods"] = list(rubric.contest.rubrics.order_by("period_order"))
        return render(request, "scoring/facts.html", ctx)
    return reading(_facts_upload, rubric, key)


def _facts_upload(request, rubric: ContestPeriod, key: ContestKey):
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("choose a CSV or XLSX file"))
        return redirect("scoring:facts", key=key)
    try:
        report = facts_import_file(rubric=rubric, data=upload.read(), filename=upload.name, user=request.user)
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(
            request,
            format_lazy(
                _("facts imported: {created} created, {updated} updated, {unchanged} unchanged"),
                created=report.created,
                updated=report.updated,
                unchanged=report.unchanged,
            ),
        )
    return redirect("scoring:facts", key=key)
