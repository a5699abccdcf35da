"""The inbox (/notices/): a person's own notices, each with its link; mark read; how they are sent."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.numbers import whole

from . import selectors, services
from .models import Mode

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
