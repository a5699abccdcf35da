"""The inbox (/notices/): a person's own notices, each with its link; mark read; how they are sent. Central
staff's announcements: written on /notices/announce/, read by each of their readers on their own page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from contests.actor import Need, actor_of
from contests.scopes import visible_contests
from core import files, gate
from core.errors import PortalError
from core.http import capped, content_disposition, reading, takes_files
from core.numbers import whole
from core.thai import digits

from . import selectors, services
from .announcements import announcement_send, author_said
from .forms import AnnouncementForm
from .models import BulkAct, Mode, Unreached
from .outreach import outreach_for, outreach_latest, outreach_said
from .permissions import ANNOUNCE, ANNOUNCE_TO_ENTRANTS

MOST_PAGES = 40  # 2,000 lines at most, however many pages are asked for: each page is the same few queries


@login_required
def inbox(request):
    """The latest lines, and as many pages older as the person has asked for (`?pages=`), counted so that the
    link to older ones shows only when there are any."""
    asked = request.GET.get("pages", "")
    pages = min(max(whole(asked) or 1, 1), MOST_PAGES)
    shown = selectors.PAGE * pages
    entries = selectors.inbox_entries(request.user, limit=shown + 1)
    needs, fyi = selectors.inbox_sections(entries[:shown])
    context = {
        "entries": entries[:shown],
        "needs": needs,
        "fyi": fyi,
        "older": pages + 1 if len(entries) > shown and pages < MOST_PAGES else None,
        "channels": selectors.preferences(request.user),
        "modes": Mode.choices,
    }
    return render(request, "notices/inbox.html", context)


@login_required
@require_POST
def read(request):
    """Marks one notice read and follows its link, a group of them read, or them all."""
    receipt, group = request.POST.get("receipt", ""), request.POST.get("group", "")
    if group:
        services.inbox_read(user=request.user, group=group)
        return redirect("notices:inbox")
    if (pk := whole(receipt)) is not None:
        services.inbox_read(user=request.user, receipt_ids=[pk])
        row = selectors.inbox(request.user, limit=None).filter(pk=pk).first()
        return redirect(row.notice.link if row and row.notice.link.startswith("/") else "notices:inbox")
    services.inbox_read(user=request.user)
    messages.success(request, _("All notices are marked read."))
    return redirect("notices:inbox")


@login_required
@require_POST
def preferences(request):
    modes = {row["name"]: request.POST.get(f"mode-{row['name']}", "") for row in selectors.preferences(request.user)}
    services.preferences_set(user=request.user, modes=modes)
    messages.success(request, _("Your choice is saved."))
    back = reverse("accounts:account")  # the account page shows the same form
    return redirect(back if request.POST.get("next") == back else "notices:inbox")


def _announce_page(request, act: str, form: AnnouncementForm, errors=(), status: int = 200):
    sent = selectors.announcements_sent(request.user, everyone=act == ANNOUNCE)
    context = {"form": form, "errors": list(errors), "sent": sent}
    return render(request, "notices/announce.html", context, status=status)


def _form(request, act: str, *args) -> AnnouncementForm:
    """The form as the writer may send it (`act`, the one the page let them in by): central staff to any
    audience; whoever runs a contest to its entrants, the contest named by `?contest=` (its id: the dashboard's
    link) chosen."""
    contests = visible_contests(actor_of(request.user), Need.RUN).order_by("-pk")
    initial = {"contest": whole(request.GET.get("contest", ""))}
    return AnnouncementForm(*args, contests=contests, entrants_only=act != ANNOUNCE, initial=initial)


def _announce_refused(request, refusal: PortalError, act: str):
    return _announce_page(request, act, _form(request, act), [str(refusal)], status=refusal.status)


@takes_files(capped("letter"), refused=_announce_refused)
@require_http_methods(["GET", "POST"])
def announce(request):
    """Central staff write an announcement to an audience, an organiser to the entrants of a contest it runs, with
    a letter if they attach one; the last ones they may write are listed below the form. The act (and its second
    factor) is asked before the body is read, and once more about the contest chosen by the service."""
    act = gate.require_first(request, ANNOUNCE, ANNOUNCE_TO_ENTRANTS)
    if request.method == "GET":
        code = gate.factor_first(request, act)  # its letter could not be kept across the code's page
        return redirect(code) if code else _announce_page(request, act, _form(request, act))
    return reading(_announce, act)


def _announce(request, act: str):
    form = _form(request, act, request.POST, request.FILES)
    if not form.is_valid():
        return _announce_page(request, act, form, status=400)
    data = form.cleaned_data
    started = timezone.now()
    try:
        sent = announcement_send(
            user=request.user,
            audience=data["audience"],
            contest=data["contest"],
            subject=data["subject"],
            body=data["body"],
            letter=data["letter"] or None,
        )
    except PortalError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        return _announce_page(request, act, form, status=400)
    messages.success(request, format_lazy(_("The announcement is sent to {told} people."), told=digits(sent.told)))
    messages.info(request, outreach_said(outreach_latest(request.user, BulkAct.ANNOUNCEMENT, started)))
    return redirect("notices:announcement", pk=sent.pk)


@login_required
@require_GET
def announcement(request, pk: int):
    """An announcement, to whoever it was told to (and to whoever may write it); anyone else: 404."""
    found = selectors.announcement_for(request.user, pk)
    if found is None:
        raise Http404
    return render(request, "notices/announcement.html", {"announcement": found, "by": author_said(found.author)})


@login_required
@require_GET
def announcement_letter(request, pk: int):
    """The announcement's letter, to whoever may read the announcement."""
    found = selectors.announcement_for(request.user, pk)
    if found is None or not found.letter:
        raise Http404
    name = found.letter_name if found.letter_name.lower().endswith(".pdf") else f"{found.letter_name or 'letter'}.pdf"
    try:
        response = files.serve(found.letter.name, content_type="application/pdf", disposition=content_disposition(name))
    except FileNotFoundError:
        raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def outreach(request, pk: int):
    """A bulk act's account, to whoever did it: whom it told now, earlier, and whom it could not, and why."""
    found = outreach_for(request.user, pk)
    if found is None:
        raise Http404
    missed = [(name, Unreached(why).label) for name, why in found.missed]
    return render(request, "notices/outreach.html", {"outreach": found, "missed": missed})
