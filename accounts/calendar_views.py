"""The private calendar address: made, made again and revoked on "บัญชีของฉัน", and read by a calendar
application without signing in (docs/calendar.md). Thin: each calls accounts.calendar and shows what it says."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.errors import PortalError
from core.http import content_disposition
from core.ratelimit import wait_seconds
from notices.public_url import absolute

from .audit import has_second_factor
from .calendar import Found, calendar_address_make, calendar_address_revoke, calendar_path, calendar_reader
from .forms import CalendarMakeForm
from .second_factor import identity_confirm
from .selectors import calendar_body


@never_cache  # the address is shown once: neither a cache nor the back button keeps it
@login_required
@require_POST
def calendar_make(request):
    """A new address, once whoever holds the session has typed the owner's password (or a current code) again: a
    session left open or taken makes none by itself, as it gets no LINE link code."""
    form = CalendarMakeForm(request.POST, auto_id="id_calendar_%s")
    try:
        if form.is_valid():
            identity_confirm(request=request, **form.cleaned_data)
    except PortalError as exc:
        form.add_error(exc.field if exc.field == "password" else "token", exc.message)
    if not form.is_valid():
        context = {"calendar_form": form, "enrolled": has_second_factor(request.user)}
        return render(request, "accounts/calendar_confirm.html", context, status=400)
    secret = calendar_address_make(user=request.user, request=request)
    return render(request, "accounts/calendar_made.html", {"address": absolute(calendar_path(secret))})


@login_required
@require_POST
def calendar_revoke(request):
    if calendar_address_revoke(user=request.user, request=request):
        messages.success(request, _("The calendar address is stopped: calendars subscribed to it get nothing more."))
    return redirect("accounts:account")


@require_GET
def calendar_feed(request, secret: str):
    """404 for an address that is not (or no longer) one, 410 once the account is closed, 429 past the rate."""
    reading = calendar_reader(secret)
    if reading.found is Found.UNKNOWN:
        raise Http404
    if reading.found is Found.CLOSED:
        return HttpResponse(status=410, content_type="text/plain; charset=utf-8")
    user = reading.user
    # Counted per person, not per address: a new address made to read more starts no new count.
    wait = wait_seconds("calendar", f"account:{user.pk}", settings.CDD4_CALENDAR_RATE)
    if wait:
        response = HttpResponse(status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(wait)
        return response
    body = calendar_body(user, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition("cdd4.ics", inline=True)
    response["Cache-Control"] = "private, no-store"  # a shared cache never keeps anyone's dates
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
