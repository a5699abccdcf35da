import hmac
import ipaddress
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST

from contests.models import Unit
from core import gate
from core.converters import ContestKey
from core.http import content_disposition, show
from rubrics.access import SEE_CONTEST, contest_or_404
from rulebook.spec import RubricError

from . import export, health, nextyear, selectors, services
from .metrics import exposition

logger = logging.getLogger("cdd4.ops")


@never_cache
def healthz(request):
    """The process is up and answers; nothing else is asked."""
    return JsonResponse({"ok": True})


@never_cache
def readyz(request):
    checks = health.checks_run()
    try:
        services.alerts_update(checks=checks)
    except DatabaseError:
        logger.exception("readiness alerts not recorded: the database is unreachable")
    ok = all(c.ok for c in checks)
    body = {"ok": ok, "checks": {c.name: c.as_dict() for c in checks}}
    return JsonResponse(body, status=200 if ok else 503, json_dumps_params={"ensure_ascii": False})


@never_cache
@login_required
def status(request):
    gate.require(request, "ops.view_status")
    return render(request, "ops/status.html", selectors.status_panel())


def _metrics_allowed(request) -> bool:
    token = settings.CDD4_METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(n, strict=False) for n in settings.CDD4_METRICS_NETWORKS)


@never_cache
def metrics(request):
    if not _metrics_allowed(request):
        return HttpResponse(
            _("forbidden: operators' network or a bearer token only"),
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


@login_required
def next_year(request, key: ContestKey):
    """GET: what opening year+1 would create. POST (with the memberships confirmed): opens it."""
    gate.require(request, "ops.open_next_year")
    rubric = contest_or_404(request.user, key, SEE_CONTEST, request=request)
    if not rubric.contest.is_national:  # next year opens from the national contest only
        raise Http404
    if request.method == "POST":
        try:
            opened = nextyear.next_year_open(
                user=request.user, rubric=rubric, memberships_confirmed=request.POST.get("confirm") == "1"
            )
        except RubricError as exc:
            show(request, exc)
        else:
            messages.success(request, format_lazy(_("the {year} contest is open"), year=opened.year))
            return redirect("ops:next_year", key=key)
    return render(request, "ops/next_year.html", {"plan": nextyear.next_year_plan(rubric=rubric)})


@login_required
def year_on_year_all(request):
    gate.require(request, "scoring.view_standings")
    return render(request, "ops/year_on_year.html", selectors.year_on_year(user=request.user))


@login_required
def year_on_year_province(request, code: str):
    unit = get_object_or_404(Unit.objects.provinces(), code=code)
    gate.require(request, "ops.view_office_records", unit)
    ctx = selectors.year_on_year(user=request.user, unit=unit)
    # `province`, not `unit`: only a provincial office has a year-on-year page (Unit.objects.provinces() above).
    return render(request, "ops/year_on_year.html", {**ctx, "province": unit})


@login_required
def province_export(request, key: ContestKey, code: str):
    """One ZIP of everything the province submitted in the year. Not allowed looks like not found."""
    rubric = contest_or_404(request.user, key, SEE_CONTEST, request=request)
    unit = gate.visible(request, "ops.view_office_records", get_object_or_404(Unit.objects.provinces(), code=code))
    archive = export.province_zip(user=request.user, rubric=rubric, unit=unit)
    filename = f"cdd4-{key}-{code.lower()}-evidence.zip"
    response = FileResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "private, no-store"
    return response
