"""Help: what each role does in the portal, where each task starts and whom to call. Open to everyone, signed
in or not (a person who cannot sign in needs the phone number most); the signed-in user's own role first."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from contests.actor import actor_of

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
    if actor.administers():
        return "central"
    if actor.chairs_committee():
        return "chair"
    if actor.on_committee():
        return "member"
    if actor.organises():
        return "organiser"
    return "office" if actor.files_for_office() else ""


@require_GET
def help_page(request, role: str = ""):
    if role and role not in ROLES:
        raise Http404
    own = help_topic(request.user)
    shown = role or own
    # Another role's help describes its tasks; only one's own links to them (another's pages answer 403).
    linked = not own or shown == own
    return render(request, "ops/help.html", {"roles": ROLES, "role": shown, "own": own, "linked": linked})
