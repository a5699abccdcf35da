"""A criterion's page for whoever runs its contest: its deadline, its rounds, every move with its letter, and
the form that moves it (the one act, rubrics.timetable.criterion_deadline_set). It is also where a "deadline
moved" notice lands: an entrant's staff are sent on to their own office's page of the criterion, the move
highlighted there. The letter's PDF is served to whoever sees the contest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from core import files, gate
from core.converters import ContestKey
from core.errors import PortalError
from core.http import capped, content_disposition, reading, takes_files
from core.i18n import either
from core.thai import digits
from notices.events import MOVED_ANCHOR
from notices.models import BulkAct
from notices.outreach import outreach_latest, outreach_said
from rubrics import access, revisions, timetable
from rubrics.deadline_moves import deadline_moves
from rubrics.letters import letter_office
from rubrics.models import ContestPeriod, Criterion, RubricChange
from rubrics.move_form import DeadlineMoveForm
from rulebook.spec import RubricError
from schedule.contest import criterion_rounds
from schedule.selectors import criterion_url
from scoring.selectors import is_frozen

ACT = "rubrics.change_deadline"


def _move_refused(request, refusal: PortalError, rubric: ContestPeriod, found: Criterion):
    return _page(request, rubric, found, None, [str(refusal)], status=refusal.status)


@takes_files(capped("letter"), refused=_move_refused)
@login_required
def criterion(request, key: ContestKey, code: str):
    try:  # the page asks its act through its loader alone: whoever runs the contest (a move asks its factor)
        rubric = access.contest_or_404(request.user, key, ACT, request=request, national_403=False)
    except Http404:
        return _own_page(request, key, code)
    found = get_object_or_404(Criterion, rubric=rubric, code=code)
    if request.method == "POST":
        return reading(_move, rubric, found)
    return _page(request, rubric, found, None)


def _own_page(request, key: ContestKey, code: str):
    """Who does not run the contest: an entrant's staff, following a notice, are sent on to their own office's page
    of the criterion (for one a nominee answers, its nominee form, which shows the date and its moves); anyone
    else finds no such page."""
    rubric = access.contest_or_404(request.user, key, access.SEE_CONTEST, request=request)
    actor = actor_of(request.user)
    office = actor.own_office
    if request.method == "GET" and office is not None and actor.rights(rubric.contest).enters:
        page = criterion_url(rubric, office.code, code).split("#", 1)[0]
        return redirect(f"{page}#{MOVED_ANCHOR}")
    raise Http404


def _move(request, rubric: ContestPeriod, found: Criterion):
    office = letter_office(request.user, rubric.contest)
    form = DeadlineMoveForm(request.POST, request.FILES, rubric=rubric, code=found.code, office=office)
    if not form.is_valid():
        return _page(request, rubric, found, form, status=400)
    started = timezone.now()
    try:
        timetable.criterion_deadline_set(
            user=request.user,
            rubric=rubric,
            code=found.code,
            deadline=form.cleaned_data["deadline"],
            reason=form.cleaned_data["reason"],
            letter=form.letter(),
            also=form.also_kept(),
        )
    except revisions.ChangeRefused as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.messages)
        return _page(request, rubric, found, form, status=400)
    except PortalError as exc:
        errors = exc.messages if isinstance(exc, RubricError) else [str(exc)]
        return _page(request, rubric, found, form, errors, status=400)
    # The criterion by the number its pages show (the contest's own, "๑"), in the reader's digits; in a contest of
    # periods, with its period's name: April's 4.1 is not May's.
    code = digits(found.label)
    if rubric.period:
        code = format_lazy("{code} ({period})", code=code, period=either(rubric.period_name_th, rubric.period_name_en))
    messages.success(request, format_lazy(_("the deadline of {code} is moved"), code=code))
    messages.info(request, outreach_said(outreach_latest(request.user, BulkAct.DEADLINE_MOVED, started)))
    return redirect(f"{reverse('schedule:criterion', args=[rubric.key, found.code])}#{MOVED_ANCHOR}")


def _page(request, rubric: ContestPeriod, found: Criterion, form, errors=(), status: int = 200):
    may = not is_frozen(rubric)  # the loader let only whoever runs the contest in
    office = letter_office(request.user, rubric.contest)  # an organiser's own letter; else the Department's
    if may and form is None:
        form = DeadlineMoveForm(rubric=rubric, code=found.code, office=office, initial={"deadline": found.deadline})
    # The rounds as the schedule has them (every move applied, a kept round on its date), as entrants read them.
    rounds = [r for r in criterion_rounds(rubric).get(found.code, []) if r.rounds]
    context = {
        "rubric": rubric,
        "criterion": found,
        "rounds": rounds,
        "moves": deadline_moves(rubric).get(found.code, []),
        "form": form if may else None,
        "factor_first": gate.factor_first(request, ACT) if may else "",  # before the letter is attached
        "letter_office": office,
        "errors": list(errors),
    }
    return render(request, "schedule/criterion.html", context, status=status)


@login_required
def letter(request, key: ContestKey, pk: int):
    """The letter a deadline moved by, to whoever sees the contest; another contest's record is a 404."""
    rubric = access.contest_or_404(request.user, key, access.SEE_CONTEST, request=request)
    record = RubricChange.objects.filter(pk=pk, contest=rubric.contest).exclude(letter_file="").first()
    if record is None:
        raise Http404
    name = f"หนังสือ {record.letter_number}.pdf".replace("/", "-")
    try:
        response = files.serve(
            record.letter_file.name, content_type="application/pdf", disposition=content_disposition(name)
        )
    except FileNotFoundError:
        raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    return response
