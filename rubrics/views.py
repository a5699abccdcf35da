"""Pages of a contest's rules: the rubric file's upload, a contest year's settings and the working-day calendar. The
revision history and the reason box are in revision_views.py; a criterion's page, where its deadline is moved, is
the schedule's (schedule/deadline_views.py)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from core import gate
from core.converters import ContestKey
from core.errors import PortalError
from core.http import capped, reading, show, takes_files
from rubrics import services
from rubrics.access import RUN_CONTEST, contest_or_404
from rubrics.models import ContestPeriod
from rubrics.revision_views import change_args, revision_box
from rubrics.revisions import ChangeRefused
from rubrics.selectors import calendar_year, year_settings
from rulebook.rubric_json import rubric_json
from rulebook.rules.errors import Label
from rulebook.rules.facts import parse_amount
from rulebook.spec import RubricError

MIN_TOTAL = Label("คะแนนรวมขั้นต่ำที่จะได้รับรางวัล", "minimum total for an award")


def _central_rubric(request, key: ContestKey) -> ContestPeriod:
    return contest_or_404(request.user, key, RUN_CONTEST, request=request)


@require_GET
def calendar(request, key: ContestKey):
    """Central staff check the working-day calendar that timeliness is counted on (decisions 3, 9)."""
    rubric = _central_rubric(request, key)
    context = calendar_year(rubric)
    weekends = request.GET.get("weekends") == "1"
    if not weekends:  # plain Saturdays and Sundays are counted above; the list shows the holidays
        context["closed"] = [row for row in context["closed"] if row["day"].reason != "weekend"]
    return render(request, "rubrics/calendar.html", {"rubric": rubric, "with_weekends": weekends, **context})


@require_http_methods(["GET", "POST"])
def settings_page(request, key: ContestKey):
    """The contest year's settings: whether entrants see their standing, reminder days, the award minimum.
    A refused value is shown again as typed, with why."""
    rubric = _central_rubric(request, key)
    current = year_settings(rubric)
    ctx = {"rubric": rubric, "year_settings": current, "typed": None}
    if request.method == "GET":
        return render(request, "rubrics/settings.html", ctx)
    days, every, minimum, reason = (
        request.POST.get(name, "").strip()
        for name in ("reminder_working_days", "overdue_every_working_days", "award_min_total", "reason")
    )
    visible = request.POST.get("visible") == "1"
    typed = {"reminder_working_days": days, "overdue_every_working_days": every, "award_min_total": minimum}
    typed |= {"reason": reason, "visible": visible}
    try:
        services.year_settings_set(
            user=request.user,
            rubric=rubric,
            visible=visible,
            reminder_days=int(days or "0"),
            overdue_every=int(every) if every else None,
            award_min_total=parse_amount("award_min_total", MIN_TOTAL, minimum) if minimum else None,
            reason=reason,
        )
    except PortalError as exc:
        show(request, exc)
    except (ValueError, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("settings saved"))
        return redirect("rubrics:settings", key=key)
    return render(request, "rubrics/settings.html", {**ctx, "typed": typed}, status=400)


def _contest_refused(request, refusal: PortalError):
    return render(request, "rubrics/contest_upload.html", {"errors": [str(refusal)]}, status=refusal.status)


@takes_files(capped("rubric"), refused=_contest_refused)
def contest_upload(request):
    """An organiser creates or updates one of its office's contests from a rubric file (JSON); all or none."""
    gate.require(request, "rubrics.save_contest")
    return reading(_contest_upload)


def _contest_upload(request):
    if request.method == "POST":
        upload = request.FILES.get("file")
        # After a refusal that asks for a reason or a confirmation, the file travels back as text (revision box).
        raw = upload.read() if upload is not None else request.POST.get("rubric_text", "")
        try:
            if not raw:
                raise RubricError([_("choose a JSON file")])
            data = rubric_json(raw)
            rubric = services.contest_save(user=request.user, data=data, **change_args(request))
        except ChangeRefused as exc:
            text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            rev = revision_box(request, services.contest_slug(data), exc)
            context = {"errors": exc.messages, "rev": rev, "rubric_text": text}
            return render(request, "rubrics/contest_upload.html", context, status=400)
        except RubricError as exc:
            return render(request, "rubrics/contest_upload.html", {"errors": exc.messages}, status=400)
        messages.success(request, format_lazy(_("contest saved: {slug}"), slug=rubric.contest.slug))
        return redirect("schedule:dashboard", key=rubric.key)
    return render(request, "rubrics/contest_upload.html", {"errors": []})
