"""The committee's own admin pages: the matrix, the scoring screen, "next unscored", inline evidence.
Reached through `admin_site.admin_view`: the Department's staff, and the panels of provincial contests
, who see only the contests they sit on; every page asks its rule with the rubric."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import acts, gate
from core.converters import ContestKey
from core.errors import PortalError
from core.http import show
from core.i18n import either
from core.numbers import whole
from rubrics.access import contest_or_404
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_spec
from submissions import downloads

from . import queue, screens, selectors, services
from .errors import CommitteeError
from .models import Clarification
from .querysets import has_panel, seat, units_for_member
from .queue import FILTERS, matrix_url, next_url, trail

SEE = "committee.view_scoring"
# The act a POST to the scoring screen does (its service asks it again); any other, the screen's own.
POSTED_ACTS = {
    "judge": "committee.score",
    "final": "committee.finalize",
    "override": "committee.override",
    "clarify_open": "committee.clarify",
    "clarify_close": "committee.clarify",
}


def _rubric(request, key: ContestKey | None = None, act: str = SEE) -> ContestPeriod:
    """The rubric the address names, else the user's latest, its `act` asked once. Another office's contest
    answers 404, the national one 403, as on every contest page (rubrics.access); an act refused to whoever
    sees the judging, 403."""
    key = key or request.GET.get("year")
    if key:
        return contest_or_404(request.user, key, act, request=request, seen=SEE)
    if seat(request.user, None):  # the Department's roles: the latest national contest, as always
        rubric = ContestPeriod.objects.national().order_by("-year").first()
    else:  # a panel's member or a provincial organiser: the first contest they judge or run
        found = selectors.judged_rubrics(request.user) if request.user.is_authenticated else []
        rubric = found[0] if found else None
    if rubric is None:
        gate.require(request, "committee.view_scoring")
        raise Http404
    return contest_or_404(request.user, rubric, "committee.view_scoring", request=request)


def _entrant_words(request, rubric) -> dict:
    """A district contest's panel reads "อำเภอ / district" where the national one reads "จังหวัด / province";
    and a panelist, whose only admin lists are the judgments and their history (linked from the matrix),
    is not shown the admin's sidebar on the scoring screens."""
    th, en = rubric.contest.entrant_noun
    words = {"entrant_th": th, "entrant_en": en}
    return words if seat(request.user, None) else {**words, "is_nav_sidebar_enabled": False}


def _filters(request) -> dict[str, str]:
    return {k: request.GET.get(k, "").strip() for k in FILTERS}


def matrix(request, admin_site):
    rubric = _rubric(request)
    spec = rubric_spec(rubric)
    filters = _filters(request)
    page = whole(request.GET.get("page", "")) or 1
    scores = acts.allowed(request.user, "committee.score", rubric)
    grid_filters = {k: filters[k] for k in FILTERS if k != "by"}
    grid = screens.matrix(request.user, rubric, page=page, scores=scores, **grid_filters)
    # A link per cell (76 × 23 nationally): one reverse per row, not one per cell, which was a quarter of the page.
    extra = trail(filters)
    kept = f"?{extra}" if extra else ""
    for unit, cells in grid["rows"]:
        row = score_url(rubric.key, unit.code, CELL) + kept
        for cell in cells:
            cell.href = row.replace(CELL, quote(cell.code), 1)  # the path's: a filter may hold the same text
    context = {
        **admin_site.each_context(request),
        **grid,
        "title": format_lazy(_("scoring matrix {name}"), name=either(rubric_name(rubric), rubric.key)),
        "rubric": rubric,
        "years": [(r.key, rubric_name(r)) for r in selectors.judged_rubrics(request.user)],
        "dimensions": spec.dimensions,
        "all_criteria": spec.criteria(),
        "filters": filters,
        "trail": trail(filters),
        "can_score": scores,
        "next_by": [(by, next_url(rubric, {**filters, "by": by})) for by in queue.BY],
        **_entrant_words(request, rubric),
    }
    return TemplateResponse(request, "admin/committee/matrix.html", context)


def rubric_name(rubric: ContestPeriod) -> str:
    if rubric.contest.is_national:
        return f"ปี {rubric.year}"
    return rubric.contest.name_th + (f" · {rubric.period_name_th}" if rubric.period else "")


CELL = "~criterion~"  # stands for a criterion's code in a row's link; "~" passes through reverse() as it is


def score_url(key: str, unit: str, criterion: str) -> str:
    return reverse("admin:committee_score", args=[key, unit, criterion])


def next_unscored(request, admin_site):
    """The next cell with evidence this member has not scored, after the one they came from."""
    rubric = _rubric(request)
    return _next(request, rubric, (request.GET.get("after_province", ""), request.GET.get("after_criterion", "")))


def _next(request, rubric: ContestPeriod, after: tuple[str, str]):
    filters = _filters(request)
    found = queue.next_with_evidence(request.user, rubric, after=after, by=filters["by"], filters=filters)
    if found is None:
        messages.success(request, _("nothing with evidence is left for you to score"))
        return HttpResponseRedirect(matrix_url(rubric, filters))
    extra = trail(filters)
    return HttpResponseRedirect(score_url(rubric.key, *found) + (f"?{extra}" if extra else ""))


def _points(raw: str | None):
    raw = (raw or "").strip()
    return raw or None


def _post(request, rubric, unit, c, criterion) -> None:
    """One form per action; every write goes through the services, whose refusals become messages."""
    post, user = request.POST, request.user
    action = post.get("action")
    cell = {"rubric": rubric, "unit": unit, "criterion_code": c.code}
    version = whole(post.get("expected_version", "")) or 0
    if action == "judge":
        items = post.getlist("items") if c.rule.tickable_items() else None
        services.judgment_record(
            member=user,
            **cell,
            points=_points(post.get("points")) if items is None else None,
            items=items,
            note=post.get("note", ""),
            expected_version=version,
        )
    elif action == "final":
        services.chair_final_record(
            chair=user,
            **cell,
            points=_points(post.get("points")),
            reason=post.get("reason", ""),
            expected_version=version,
        )
    elif action == "override":
        services.override_record(
            member=user,
            **cell,
            points=_points(post.get("points")),
            reason=post.get("reason", ""),
            expected_version=version,
        )
    elif action == "clarify_open":
        services.clarification_open(member=user, **cell, message=post.get("message", ""))
    elif action in ("clarify_reply", "clarify_close"):
        clar = get_object_or_404(
            Clarification.objects.for_member(user, rubric), pk=post.get("clarification"), unit=unit
        )
        if action == "clarify_reply":
            services.clarification_reply(user=user, clarification=clar, message=post.get("message", ""))
        else:
            services.clarification_close(member=user, clarification=clar, message=post.get("message", ""))
    else:
        raise CommitteeError(_("unknown action"))


def score(request, admin_site, key: ContestKey, unit: str, criterion: str):
    act = POSTED_ACTS.get(request.POST.get("action", ""), SEE) if request.method == "POST" else SEE
    rubric = _rubric(request, key, act)
    # A conflicted member gets the same 404 as for a unit that does not exist.
    unit_obj = get_object_or_404(units_for_member(request.user, rubric), code=unit)
    criterion_obj = get_object_or_404(Criterion.objects.select_related("dimension"), rubric=rubric, code=criterion)
    c = rubric_spec(rubric).criterion(criterion)
    if request.method == "POST":
        try:
            _post(request, rubric, unit_obj, c, criterion_obj)
        except PortalError as exc:
            show(request, exc)
        else:
            messages.success(request, _("saved"))
            if "save_next" in request.POST:
                return _next(request, rubric, (unit, criterion))
            return HttpResponseRedirect(request.get_full_path())
    filters = _filters(request)
    scores = acts.allowed(request.user, "committee.score", rubric)
    context = {
        **admin_site.each_context(request),
        **screens.scoring_screen(request.user, rubric, unit_obj, c, criterion_obj, scores=scores),
        "title": f"{unit_obj.name_th} · ตัวชี้วัด {c.label}",
        "rubric": rubric,
        "unit": unit_obj,
        "criterion": criterion_obj,
        **_entrant_words(request, rubric),
        "can_score": scores,
        "can_finalize": acts.allowed(request.user, "committee.finalize", rubric),
        "can_override": acts.allowed(request.user, "committee.override", rubric),
        "can_clarify": acts.allowed(request.user, "committee.clarify", rubric),
        "posted": request.POST if request.method == "POST" else {},
        "trail": trail(filters),
        "matrix_url": matrix_url(rubric, filters),
        "next_url": next_url(rubric, filters, (unit, criterion)),
    }
    return TemplateResponse(request, "admin/committee/score.html", context)


def _panel_reads(user, evidence) -> bool:
    """A provincial contest's panel (and its organisers) read the visible versions of its entrants'
    evidence, less their conflicts; no other contest's."""
    rubric = evidence.submission.rubric
    return (
        has_panel(rubric)
        and evidence.withdrawn_at is None
        and acts.allowed(user, "committee.view_scoring", rubric)
        and units_for_member(user, rubric).filter(pk=evidence.submission.unit_id).exists()
    )


def evidence_inline(request, admin_site, pk: int):
    """PDF and images shown inside the scoring screen, through the portal's one audited path."""
    return _evidence(request, pk, inline=True)


def evidence_file(request, admin_site, pk: int):
    """Any evidence file as an attachment, for those the portal's own download would refuse: a panel."""
    return _evidence(request, pk, inline=False)


def _evidence(request, pk: int, *, inline: bool):
    user = request.user
    if not seat(user, None):  # a panel's member or an organiser: their contests' entrants only
        return downloads.serve(request, pk, inline=inline, granted=lambda ev: _panel_reads(user, ev))
    gate.require(request, "committee.view_scoring")
    members_units = units_for_member(user)
    # A conflicted member cannot see that entrant's files, here as anywhere.
    return downloads.serve(
        request,
        pk,
        inline=inline,
        also_allowed=lambda ev: members_units.filter(pk=ev.submission.unit_id).exists(),
    )
