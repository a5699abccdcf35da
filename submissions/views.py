"""Pages. Thin: selectors read, services write, `rules` decide, other offices' pages are 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from contests.actor import Power, actor_of
from contests.entries import Entry
from contests.models import Level, Unit
from contests.permissions import runs_contest
from contests.scopes import visible_entrants
from core import acts
from core.converters import ContestKey
from core.errors import PortalError
from core.http import show
from core.thai import thai_sorted
from nominees import services as nominee_services
from nominees.eligibility import Eligibility
from nominees.models import NomineeState
from nominees.selectors import nomination_window, nominee_of, nominee_offices
from rubrics import access
from rubrics.access import SEE_ENTRY
from scoring.contest_results import contests_for_user
from scoring.selectors import is_frozen, running_national
from scoring.standings import published_rubrics
from stages.selectors import stages_due

from . import hooks, policy, selectors, services, todo, uploads
from .forms import InnovationReportForm, LinkForm, NomineeForm
from .permissions import SUBMIT


def page_context(request, key: ContestKey, code: str, criterion: str | None = None, act: str = SEE_ENTRY) -> dict:
    """An office's page in a contest: its entry loaded and `act` asked of it once (rubrics.access.entry_or_404)."""
    rubric, entry = access.entry_or_404(request.user, key, code, act, request=request)
    ctx = {
        "rubric": rubric,
        "entry": entry,
        "unit": entry.unit,
        # Asked again only where the page was loaded for another act: an upload was loaded for this one.
        "can_submit": act == SUBMIT or acts.allowed(request.user, SUBMIT, entry),
    }
    if criterion is not None:
        ctx["criterion"] = selectors.criterion_or_404(rubric, criterion)
    return ctx


def home(request):
    """Where a person lands after signing in. Central staff: the dashboard of the running national contest, which
    leads with who is late (their list of offices is `provinces`); a visitor: the announced results; everyone
    else: their own work."""
    if not request.user.is_authenticated:  # a visitor: the announced results, the documents' check, sign-in
        return render(request, "submissions/landing.html", {"published": published_rubrics()})
    if Power.ADMINISTER in actor_of(request.user).powers:  # where to land, not a right: no act is asked
        running = running_national(timezone.localdate())
        if running is not None:
            return redirect("schedule:dashboard", key=running.key)
    return provinces(request)


@login_required
def provinces(request):
    """The national contest's entrants the user sees, with their sendings, and the contests they take part in,
    with what to do now: everyone's home but central staff's, whose list it is in the menu."""
    rubric = selectors.rubric_current()
    # The national contest's entrants this user sees; other contests are listed apart.
    actor = actor_of(request.user)
    units = visible_entrants(actor, rubric.contest) if rubric is not None else Unit.objects.none()
    contests = contests_for_user(request.user)
    if rubric is not None and acts.allowed(request.user, "rubrics.see_rubric", rubric) and units.count() == 1:
        if not contests:
            return redirect("submissions:unit", key=rubric.key, code=units.get().code)
    elif len(contests) == 1 and contests[0][1] is not None:  # a district's one contest: straight to its page
        entered, unit = contests[0]
        return redirect("submissions:unit", key=entered.key, code=unit.code)
    rows = selectors.with_submitted_count(units, rubric)
    organiser = Power.ORGANISE in actor.powers
    stages = stages_due(actor) if organiser else []
    ctx = {
        # An office that picks in stages (its organisers): how many, by when.
        "stages": stages,
        "rubric": rubric,
        "provinces": thai_sorted(rows, key=lambda p: p.name_th),  # ก–ฮ; the national contest's entrants, provinces
        "contests": contests,
        "national": not organiser and (bool(rows) or not contests),
        "can_save_contest": organiser,
        "todo": [
            *_entered_todo(request.user, contests),
            *todo.picks_todo(stages),
            *todo.ties_todo(actor),
            *(item for items in hooks.home_todo(request.user) for item in items),
        ],
    }
    return render(request, "submissions/home.html", ctx)


ENTERED_SHOWN = 3  # contests whose next steps an office's home lists (each costs a few queries)


def _entered_todo(user, contests) -> list:
    """An office entering several contests: each open one's next steps, named (its page has the rest). Only
    contests whose year is still running: an earlier year's page keeps its own list, but the home is about
    this year's work, not what a finished year never got."""
    found = []
    today = timezone.localdate()
    running = [(rubric, unit) for rubric, unit in contests if rubric.ends_on >= today]
    for rubric, unit in running[:ENTERED_SHOWN]:
        if (
            unit is None
            or not acts.allowed(user, SUBMIT, Entry(rubric.contest, unit))
            or policy.evidence_closed(rubric)
        ):
            continue
        rows = selectors.unit_home(rubric=rubric, unit=unit)["groups"]
        found += todo.entrant_todo(rubric=rubric, unit=unit, groups=rows, closed=False, named=True)
    return found


@login_required
def unit(request, key: ContestKey, code: str):
    return _unit_page(request, page_context(request, key, code))


def _unit_page(request, ctx: dict, nominee_form: NomineeForm | None = None):
    ctx.update(selectors.unit_home(rubric=ctx["rubric"], unit=ctx["unit"]))
    ctx["closed"] = policy.evidence_closed(ctx["rubric"])
    ctx["innovation_dimension"] = policy.innovation_dimension(ctx["rubric"])
    # Year on year compares a provincial office's national results; a district has none to compare.
    ctx["history_link"] = ctx["unit"].level == Level.PROVINCE and acts.allowed(
        request.user, "ops.view_office_records", ctx["unit"]
    )
    ctx["clarifications"] = []  # filled by the committee's hook (committee/apps.py) when it is installed
    for extra in hooks.unit_page(ctx["unit"], ctx["rubric"]):
        ctx.update(extra)
    # The office's own staff are told what to do next; whoever else opens the page reads the table.
    ctx["todo"] = (
        todo.entrant_todo(rubric=ctx["rubric"], unit=ctx["unit"], groups=ctx["groups"], closed=ctx["closed"])
        if ctx["can_submit"]
        else []
    )
    if ctx["rubric"].contest.nominates:  # the office's nominee, set on this page (seed 001's IT role model)
        contest = ctx["rubric"].contest
        ctx["nominee"] = nominee = nominee_of(contest, ctx["unit"])
        ctx["nomination"] = window = nomination_window(contest)
        ctx["nominations_open"] = window.is_open(timezone.localdate())
        # After the deadline the office only sees its nominee; whoever runs the contest may still correct it,
        # until the year is frozen (the honoured names are part of the frozen result).
        ctx["nominations_frozen"] = is_frozen(ctx["rubric"])
        ctx["can_nominate"] = not ctx["nominations_frozen"] and (
            (ctx["can_submit"] and ctx["nominations_open"]) or runs_contest(request.user, ctx["rubric"])
        )
        ctx["nominee_rules"] = Eligibility.of(contest.nominee_rules)
        nominated_rows = [row for _, rows in ctx["groups"] for row in rows if row.criterion.nominee]
        asked = bool(nominated_rows)  # a criterion says it
        # Its moves beside the date they moved, where a moved deadline's notice lands (schedule.deadline_views).
        ctx["nominee_moves"] = [m for row in nominated_rows if row.current for m in row.current.moves]
        if (
            ctx["todo"]
            and not asked
            and ctx["nominations_open"]
            and (nominee is None or nominee.state != NomineeState.ACTIVE)
        ):
            ctx["todo"].insert(0, todo.nominee_todo(window.deadline, window.closes))
        initial = None
        if nominee is not None and nominee.state == NomineeState.ACTIVE:
            initial = {f: getattr(nominee, f) for f in ("name_th", "position_th", "name_en", "employment")}
            initial["office"] = nominee.office.code if nominee.office else ""
        elif ctx["nominee_rules"].same_office:
            initial = {"office": ctx["unit"].code}
        ctx["nominee_form"] = nominee_form or NomineeForm(
            initial=initial, offices=nominee_offices(contest, ctx["unit"])
        )
    return render(request, "submissions/unit.html", ctx)


@login_required
@require_POST
def nominee(request, key: ContestKey, code: str):
    ctx = page_context(request, key, code)
    contest = ctx["rubric"].contest
    if not contest.nominates:  # a contest without nominees has no such page
        raise Http404
    form = NomineeForm(request.POST, offices=nominee_offices(contest, ctx["unit"]))
    # Every field optional here: nominee_submit refuses blanks, lengths and who does not qualify, Thai first.
    data = {f: request.POST.get(f, "") for f in form.fields}
    form.is_valid()
    try:
        nominee_services.nominee_submit(user=request.user, contest=contest, unit=ctx["unit"], **data)
    except PortalError as exc:
        if form.refused(exc):  # beside the field, with what was typed kept
            return _unit_page(request, ctx, nominee_form=form)
        show(request, exc)
    else:
        messages.success(request, gettext_lazy("Nominee saved"))
    return redirect("submissions:unit", key=ctx["rubric"].key, code=ctx["unit"].code)


@login_required
@require_POST
def nominee_withdraw(request, key: ContestKey, code: str):
    ctx = page_context(request, key, code)
    if not ctx["rubric"].contest.nominates:
        raise Http404
    try:
        nominee_services.nominee_withdraw(user=request.user, contest=ctx["rubric"].contest, unit=ctx["unit"])
    except PortalError as exc:
        show(request, exc)
    else:
        messages.success(request, gettext_lazy("Nominee withdrawn"))
    return redirect("submissions:unit", key=ctx["rubric"].key, code=ctx["unit"].code)


def _criterion_ctx(request, ctx: dict) -> dict:
    code = ctx["criterion"].code
    limits = uploads.limits_bytes()
    ctx.update(
        evidence=selectors.criterion_evidence(
            user=request.user, rubric=ctx["rubric"], unit=ctx["unit"], criterion=ctx["criterion"]
        ),
        submission=selectors.submission_of(rubric=ctx["rubric"], unit=ctx["unit"], criterion=ctx["criterion"]),
        allowed=policy.allowed_labels(ctx["rubric"], code),
        accept=policy.accept_attribute(ctx["rubric"], code),
        # Only the kinds this criterion takes: a video limit on a criterion that refuses video misleads.
        limits=[(kind, limits[kind]) for kind in policy.allowed_kinds(ctx["rubric"], code)],
        link_form=LinkForm(),
        closed=policy.evidence_closed(ctx["rubric"]),
        asked=selectors.criterion_asked(rubric=ctx["rubric"], unit=ctx["unit"], criterion=ctx["criterion"]),
        # What the criterion owes by when, from the schedule: its rounds (or its one date), each with what met
        # it, the deadline's moves (old date, reason, when) and the criteria timing the same files.
        **selectors.criterion_schedule(rubric=ctx["rubric"], unit=ctx["unit"], code=code),
    )
    ctx["can_withdraw"] = ctx["can_submit"] and ctx["closed"] is None
    # Its status as its office's table says it, by the round in force while one is owed.
    ctx["row"] = selectors.criterion_row(
        criterion=ctx["criterion"], submission=ctx["submission"], obligations=ctx["obligations"]
    )
    for extra in hooks.criterion_page(request.user, ctx["unit"], ctx["rubric"], ctx["criterion"], ctx["can_submit"]):
        ctx.update(extra)
    return ctx


@login_required
def criterion(request, key: ContestKey, code: str, criterion: str):
    ctx = _criterion_ctx(request, page_context(request, key, code, criterion))
    return render(request, "submissions/criterion.html", ctx)


@login_required
def innovation(request, key: ContestKey, code: str):
    ctx = page_context(request, key, code, act=SUBMIT if request.method == "POST" else SEE_ENTRY)
    attached_to = policy.innovation_criterion(ctx["rubric"])
    if attached_to is None:  # this year's rubric files no innovation report
        raise Http404
    ctx["criterion"] = selectors.criterion_or_404(ctx["rubric"], attached_to)
    current = selectors.innovation_report_current(rubric=ctx["rubric"], unit=ctx["unit"])
    form = InnovationReportForm(request.POST or None, instance=current)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.innovation_report_save(
                    user=request.user, rubric=ctx["rubric"], unit=ctx["unit"], data=form.cleaned_data
                )
            except PortalError as exc:
                show(request, exc)
            else:
                messages.success(request, gettext_lazy("Innovation report saved (new version)"))
            return redirect("submissions:innovation", key=key, code=code)
    ctx = _criterion_ctx(request, ctx)
    ctx.update(
        form=form,
        current=current,
        versions=selectors.innovation_report_versions(rubric=ctx["rubric"], unit=ctx["unit"]),
    )
    return render(request, "submissions/innovation.html", ctx)
