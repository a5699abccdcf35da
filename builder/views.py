"""The contest builder's pages: thin, the form is builder/form.py, saving is
`services.contest_save` (the JSON upload's service), who may is the actor's."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from builder import rows
from builder.entrants import entrants, step
from builder.form import Builder
from builder.prefill import BLANK, to_form
from builder.rule_forms import kind_choices
from contests.actor import actor_of, office_unit
from contests.models import Level
from core import gate
from core.converters import ContestKey
from core.errors import PortalError
from core.http import content_disposition, show
from core.numbers import whole
from rubrics import services
from rubrics.access import RUN_CONTEST, contest_or_404
from rubrics.revision_views import change_args, posted_slug, revision_box
from rubrics.revisions import ChangeRefused
from rubrics.selectors import contest_file, work_calendar
from rulebook.spec import RubricError
from scoring import selectors

SHIPPED = Path(settings.BASE_DIR) / "rubrics" / "rubric_files"


def _shipped() -> list[tuple[str, str]]:
    """The shipped contests, the national rubric and each seed's, as templates: (file stem, Thai name)."""
    found = []
    for path in sorted(SHIPPED.glob("*.json")):
        found.append((path.stem, json.loads(path.read_text(encoding="utf-8"))["name_th"]))
    return found


def _source(request, source: str) -> dict:
    kind, _, key = source.partition(":")
    if kind == "blank":
        return BLANK
    if kind == "shipped" and key in dict(_shipped()):
        return json.loads((SHIPPED / f"{key}.json").read_text(encoding="utf-8"))
    if kind == "contest":
        # Another office's contest: 404.
        rubric = contest_or_404(request.user, key, RUN_CONTEST, request=request, national_403=False)
        return contest_file(rubric)
    raise Http404(gettext_lazy("no such template"))


@require_http_methods(["GET", "POST"])
def contest_builder(request):
    """Start from a shipped contest or one of the office's; then the whole contest on one page."""
    gate.require(request, "rubrics.save_contest")
    if request.method == "GET":
        source = request.GET.get("from")
        if not source:
            actor = actor_of(request.user)
            return render(
                request,
                "builder/builder_start.html",
                {"shipped": _shipped(), "mine": selectors.builder_sources(actor)},
            )
        return _page(request, Builder(to_form(_source(request, source))))
    action = request.POST.get("action", "")
    what, _, where = action.partition(":")
    post = rows.step(step(request.POST, action, office_unit(request.user)), action)
    builder = Builder(
        post,
        add_dimension=what == "add_dimension",
        add_criterion=whole(where) if what == "add_criterion" else None,
    )
    data = builder.data()
    builder.check_sums()
    if what == "preview":
        for dim in builder.dimensions:
            for c in dim.criteria:
                if c.prefix == where:
                    builder.preview(c, builder.calendar(work_calendar()), sample=True)
    if what == "download":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        slug = (data.get("contest") or {}).get("slug") or "contest"
        response["Content-Disposition"] = content_disposition(f"{slug}.json")
        return response
    refused = None
    if what == "check" and not builder.problems:
        try:
            services.contest_check(user=request.user, data=data)
        except RubricError as exc:
            builder.place(builder.rows.place(exc.problems, builder.problems.add))
    if what == "save" and not builder.problems:
        try:
            rubric = services.contest_save(user=request.user, data=data, **change_args(request))
        except ChangeRefused as exc:  # a reason or a confirmation: shown in the revision box, the rest kept
            refused = exc
            builder.problems.add("revision", exc.messages[0])
        except RubricError as exc:
            builder.place(builder.rows.place(exc.problems, builder.problems.add))
        else:
            messages.success(request, format_lazy(gettext_lazy("contest saved: {slug}"), slug=rubric.contest.slug))
            return redirect("schedule:dashboard", key=rubric.key)

    return _page(request, builder, status=400 if what == "save" else 200, refused=refused)


def _page(request, builder: Builder, status: int = 200, refused: ChangeRefused | None = None):
    if not hasattr(builder, "total_text"):  # a form just opened: its sums, and no error before anyone acts
        builder.check_sums(report=False)
    builder.show_deadlines(builder.calendar(work_calendar()))
    post = builder.post
    office = office_unit(request.user)
    return render(
        request,
        "builder/builder.html",
        {
            "b": builder,
            "post": post,
            "kinds": kind_choices(),
            "levels": [(v, label) for v, label in Level.choices if office is None or v != Level.PROVINCE],
            "e": entrants(post, office),
            "office": office,
            "rev": revision_box(request, posted_slug(post), refused),
        },
        status=status,
    )


@require_POST
def contest_open(request, key: ContestKey):
    """Opens a draft contest to its entrants; another office's contest does not exist here (404)."""
    gate.signed_in(request)
    rubric = contest_or_404(request.user, key, RUN_CONTEST, request=request, national_403=False)
    if request.POST.get("confirm") != "1":  # entrants see it at once and its rules change only with a reason
        messages.error(request, gettext_lazy("tick the confirmation before opening the contest"))
        return redirect("schedule:dashboard", key=rubric.key)
    try:
        services.contest_open(user=request.user, rubric=rubric)
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(request, gettext_lazy("the contest is open to its entrants"))
    return redirect("schedule:dashboard", key=rubric.key)
