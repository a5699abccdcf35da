"""LINE on "บัญชีของฉัน" and the Official Account's webhook (docs/line.md). Thin: each calls linking or webhook and
shows what it says; the owner's password or code is asked of accounts (hooks.owner_confirm)."""

from __future__ import annotations

from urllib.parse import quote

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.errors import PortalError

from .client import line_enabled
from .forms import LineConnectForm
from .hooks import owner_confirm, second_factor_of
from .linking import line_code_issue, line_unlink
from .selectors import line_code_waiting, line_link_of
from .webhook import BadWebhook, line_webhook_handle


def official_account_links(code: str = "") -> dict[str, str]:
    """LINE's own links to the Official Account (its LINE URL scheme): add it as a friend; open its chat with the
    code already typed. Empty without settings.CDD4_LINE_BASIC_ID."""
    basic_id = settings.CDD4_LINE_BASIC_ID.strip()
    if not basic_id:
        return {}
    account = quote(basic_id, safe="")
    links = {"add_friend": f"https://line.me/R/ti/p/{account}"}
    if code:
        links["send_code"] = f"https://line.me/R/oaMessage/{account}/?{quote(code, safe='')}"
    return links


@never_cache  # the code is shown once: neither a cache nor the back button keeps it
@login_required
@require_POST
def line_connect(request):
    """A new one-time code for the person, with the Official Account's links and QR code, once they have typed
    their password (or a current code) again: a session left open or taken links no LINE by itself."""
    if not line_enabled():
        return redirect("accounts:account")
    form = LineConnectForm(request.POST, auto_id="id_line_%s")
    try:
        if form.is_valid() and not owner_confirm(request=request, **form.cleaned_data):
            raise ImproperlyConfigured("nothing confirms an account's owner (notices.channels.line.hooks)")
    except PortalError as exc:
        form.add_error(exc.field if exc.field == "password" else "token", exc.message)
    if not form.is_valid():
        context = {"line_form": form, "enrolled": any(second_factor_of(request.user))}
        return render(request, "line/confirm.html", context, status=400)
    issued = line_code_issue(user=request.user)
    links = official_account_links(issued.code)
    qr = segno.make(links["add_friend"], error="m").svg_inline(scale=4, dark="#1b1b1b") if links else ""
    context = {"code": issued.code, "expires_at": issued.expires_at, "links": links, "qr": qr}
    context["basic_id"] = settings.CDD4_LINE_BASIC_ID.strip()
    context["minutes"] = settings.CDD4_LINE_LINK_MINUTES
    return render(request, "line/code.html", context)


@never_cache
@login_required
def line_status(request):
    """Whether the person's own LINE is linked, and whether a code of theirs still waits to be sent: the code's
    page asks until its code is used and the link made (static/line/link.js)."""
    user = request.user
    return JsonResponse({"linked": line_link_of(user) is not None, "waiting": line_code_waiting(user)})


@login_required
@require_POST
def line_disconnect(request):
    if line_unlink(user=request.user, request=request):
        messages.success(request, _("LINE unlinked: the portal sends nothing there any more."))
    return redirect("accounts:account")


@csrf_exempt  # LINE's platform posts here; its signature (X-Line-Signature) is the check, not a cookie
@require_POST
def webhook(request):
    if not line_enabled():
        raise Http404
    try:
        line_webhook_handle(body=request.body, signature=request.headers.get("X-Line-Signature", ""))
    except BadWebhook:
        return HttpResponseBadRequest("bad signature", content_type="text/plain")
    return HttpResponse("OK", content_type="text/plain")
