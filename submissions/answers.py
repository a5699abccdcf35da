"""The entrant's answers to what its document requires: one form on the criterion page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from core.converters import ContestKey
from core.errors import PortalError, RowsError
from core.templatetags.thai import is_en
from scoring.facts.imports import FactImportError

from . import services
from .permissions import SUBMIT
from .views import page_context

PREFIX = "q-"  # a question's box is named by its code, apart from the form's own fields


@login_required
@require_POST
def answers(request, key: ContestKey, code: str, criterion: str):
    ctx = page_context(request, key, code, criterion, act=SUBMIT)
    given = {k.removeprefix(PREFIX): v for k, v in request.POST.items() if k.startswith(PREFIX)}
    en = is_en()
    try:
        report = services.answers_submit(
            user=request.user,
            rubric=ctx["rubric"],
            unit=ctx["unit"],
            criterion_code=ctx["criterion"].code,
            answers=given,
        )
    except FactImportError as refused:  # each answer that cannot be read, by its question's name; nothing kept
        for e in refused.errors:
            messages.error(request, e.en if en else e.th)
    except (PortalError, RowsError) as refused:
        messages.error(request, refused.en if en and refused.en else refused.th)
    else:
        if report.created or report.updated:
            messages.success(request, "Answers saved" if en else "บันทึกคำตอบแล้ว")
        else:
            messages.info(request, "Nothing changed" if en else "คำตอบไม่เปลี่ยน")
    return redirect("submissions:criterion", key=ctx["rubric"].key, code=ctx["unit"].code, criterion=criterion)
