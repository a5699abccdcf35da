"""The province's side of a clarification round: read the committee's question, answer it, and go to the
criterion's page to add evidence. Provincial staff never enter the admin."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from core.errors import PortalError
from core.http import show

from . import services
from .models import Clarification
from .selectors import with_messages


@login_required
def clarification(request, pk: int):
    # Another province's round is a 404, like every other page about a province.
    clar = get_object_or_404(with_messages(Clarification.objects.for_member(request.user)), pk=pk)
    if request.method == "POST":
        try:
            services.clarification_reply(user=request.user, clarification=clar, message=request.POST.get("message", ""))
        except PortalError as exc:
            show(request, exc)
        else:
            messages.success(request, "ส่งคำชี้แจงแล้ว / reply sent")
            return redirect("committee:clarification", pk=clar.pk)
    can_reply = clar.status != "closed" and request.user.has_perm("committee.reply_clarification", clar.province)
    return TemplateResponse(request, "committee/clarification.html", {"clar": clar, "can_reply": can_reply})
