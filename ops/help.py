"""Help: what each role does in the portal, where each task starts and whom to call. Open to everyone, signed
in or not (a person who cannot sign in needs the phone number most); the signed-in user's own role first.
Whom to call is named per contest (ops.contacts.desks): central staff for the portal and the national
contest, the organising office for its own contest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from contests.actor import Power, actor_of
from core import acts
from rubrics.models import ContestPeriod
from scoring.contest_results import contests_for_user

from .contacts import desks
from .forms import ContactForm
from .models import ContestContact, SiteContact
from .navigation import results_items
from .services import CONTACT_FIELDS, contacts_set

ROLES = {
    "office": _("Provincial and district office staff"),
    "organiser": _("An office's contest organiser"),
    "member": _("Committee member"),
    "chair": _("Committee chair"),
    "central": _("Central staff"),
}


def help_topic(user) -> str:
    """The help a user is shown first, as the lock answers what they do."""
    if not user.is_authenticated:
        return ""
    actor = actor_of(user)
    if Power.ADMINISTER in actor.powers:
        return "central"
    if Power.CHAIR in actor.powers:
        return "chair"
    if Power.JUDGE in actor.powers:
        return "member"
    if Power.ORGANISE in actor.powers:
        return "organiser"
    return "office" if Power.FILE in actor.powers else ""


def contests_of(user) -> list:
    """The contests whose desks the user's help names: the national one (for anyone but an office that does
    not enter it), and the office contests the user's office enters or runs."""
    if not user.is_authenticated:
        return []
    actor = actor_of(user)
    national = ContestPeriod.objects.national().select_related("contest").order_by("-year").first()
    found = (
        [national.contest]
        if national and (Power.FILE not in actor.powers or actor.rights(national.contest).enters)
        else []
    )
    if (
        Power.ADMINISTER in actor.powers
    ):  # every office contest answers to its own organiser, not to central staff's help
        return found
    return found + [contest for contest in _office_contests(user) if contest not in found]


def _office_contests(user) -> list:
    """The office contests the user's office enters or runs, each once (a contest of several periods has one
    desk)."""
    found: list = []
    for rubric, _unit in contests_for_user(user):
        if rubric.contest not in found:
            found.append(rubric.contest)
    return found


@require_GET
def help_page(request, role: str = ""):
    if role and role not in ROLES:
        raise Http404
    own = help_topic(request.user)
    shown = role or own
    # Another role's help describes its tasks; only one's own links to them (another's pages answer 403).
    linked = not own or shown == own
    context = {"roles": ROLES, "role": shown, "own": own, "linked": linked, "desks": desks(contests_of(request.user))}
    # Where results are: one's own menu's items by their names, never a link another's menu has.
    context["results"] = results_items(request.user) if linked and own else []
    return render(request, "ops/help.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contacts_page(request):
    """Central staff set the help desk's contacts; an organiser each of its contests' own. One form each."""
    central = acts.allowed(request.user, "ops.set_contacts")
    contests = _office_contests(request.user) if not central and Power.ORGANISE in actor_of(request.user).powers else []
    if not central and not contests:
        raise PermissionDenied
    rows = {row.contest_id: row for row in ContestContact.objects.filter(contest__in=contests)}
    stored = {None: SiteContact.objects.filter(pk=1).first()} if central else {}
    stored |= {contest.slug: rows.get(contest.pk) for contest in contests}
    chosen = request.POST.get("desk") or None
    if request.method == "POST" and chosen not in stored:
        raise Http404
    forms = []
    for key, row in stored.items():
        initial = model_to_dict(row, fields=CONTACT_FIELDS) if row else {}
        bound = request.method == "POST" and key == chosen
        forms.append((key, ContactForm(request.POST if bound else None, initial=initial, prefix=key or "site")))
    for key, form in forms:
        if form.is_bound and form.is_valid():
            contest = next((c for c in contests if c.slug == key), None)
            contacts_set(user=request.user, contest=contest, values=form.cleaned_data)
            messages.success(request, _("The contacts are saved: the help page gives them now."))
            return redirect("ops:contacts")
    named = {contest.slug: contest for contest in contests}
    return render(request, "ops/contacts.html", {"forms": [(key, named.get(key), form) for key, form in forms]})
