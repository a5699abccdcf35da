"""The account pages: a person's own account, the second factor, invitations, resets, and the
sheet that makes accounts. Thin: each calls its service and shows what it says."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from contests.actor import Power, actor_of
from core import acts, gate
from core.errors import PortalError
from core.http import capped, reading, takes_files
from core.interrupted import interrupted_take
from core.numbers import whole
from core.ratelimit import rate_limited
from core.sheets import exporter
from notices.channels.line.client import line_enabled
from notices.channels.line.forms import LineConnectForm
from notices.channels.line.selectors import line_link_of
from notices.models import BulkAct, Mode
from notices.outreach import outreach_latest, outreach_said
from notices.selectors import preferences as notice_preferences

from . import provision, second_factor, selectors, services
from .audit import SECOND_FACTOR_SET, event_record, has_second_factor
from .calendar import calendar_address_of
from .forms import (
    CalendarMakeForm,
    CodeForm,
    CountedPasswordChangeForm,
    DigitalIdLinkForm,
    EmailChangeForm,
    PortalPasswordResetForm,
    SheetForm,
)
from .invitations import invitation_user
from .models import Event
from .passkeys import add_allowed, passkeys_of
from .sessions import sessions_and_links_end

FACTOR_ACTS = ("remove", "codes", "passkey")  # what the account page does to the factor, each for a current code


def _next(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return reverse("submissions:home")


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_page(request):
    """Asks for a code (or sets the app up first) and returns to where the person was going."""
    user, back = request.user, _next(request)
    enrolled = has_second_factor(user)
    if not enrolled:  # turned off meanwhile (central staff, for a lost phone): sign-ins stop asking
        request.session[SECOND_FACTOR_SET] = False
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if enrolled:
                second_factor.second_factor_verify(request=request, token=form.cleaned_data["token"])
                return redirect(back)
            codes = second_factor.totp_confirm(request=request, token=form.cleaned_data["token"])
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": back})
        except PortalError as exc:
            form.add_error("token", exc.message)
    context = {"form": form, "next": back, "enrolled": enrolled, "required": acts.second_factor_due(user)}
    context["passkeys"] = enrolled and passkeys_of(user)
    if not enrolled:  # a mistyped code shows this session's key again; any other showing makes a new one
        device = second_factor.totp_pending(request=request, again=request.method == "POST")
        context |= {"qr": second_factor.totp_qr_svg(device), "secret": second_factor.totp_secret(device)}
    return render(request, "accounts/second_factor.html", context, status=400 if form.errors else 200)


@never_cache  # sent once: going back to it must not send the form a second time
@login_required
def second_factor_continue(request):
    """After the code: the form that asked for it, sent again to where it was going with a fresh CSRF token (a
    page that sends itself, with a button where scripts do not run), or, if it could not be kept, says so."""
    if not request.user.is_verified():  # came here some other way: the code first, the kept form waits
        return redirect(f"{reverse('accounts:second_factor')}?{urlencode({'next': request.path})}")
    kept = interrupted_take(request)
    if kept is None or not kept.whole:
        back = kept.back if kept is not None else reverse("submissions:home")
        return render(request, "accounts/continue_lost.html", {"back": back})
    return render(request, "accounts/continue.html", {"kept": kept})


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """The person's own account: e-mail, password, second factor, and their own sign-in history."""
    user, do = request.user, request.POST.get("do", "")
    email_form = EmailChangeForm(request.POST if do == "email" else None)
    # Each act on the factor asks its own current code, beside its own button.
    code_forms = {act: CodeForm(request.POST if do == act else None, auto_id=f"id_{act}_%s") for act in FACTOR_ACTS}
    code_form = code_forms.get(do)
    if request.method == "POST":
        try:
            if do == "email" and email_form.is_valid():
                services.email_change_ask(
                    request=request,
                    new_email=email_form.cleaned_data["email"],
                    password=email_form.cleaned_data["password"],
                )
                messages.success(  # the same words whether or not another account holds the address
                    request,
                    _("a message was sent to the new address: yours changes once the link in it is opened"),
                )
                return redirect("accounts:account")
            if code_form is not None and code_form.is_valid():
                token = code_form.cleaned_data["token"]
                if do == "remove":
                    second_factor.second_factor_remove(request=request, token=token)
                    messages.success(request, pgettext_lazy("accounts.views", "second factor removed"))
                    return redirect("accounts:account")
                if do == "codes":
                    codes = second_factor.recovery_codes_renew(request=request, token=token)
                    back = reverse_lazy("accounts:account")
                    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": back})
                second_factor.passkey_add_allow(request=request, token=token)
                messages.success(request, _("code confirmed: add this device's passkey within five minutes"))
                return redirect(f"{reverse('accounts:account')}#second-factor-status")
        except PortalError as exc:
            if do == "email":
                email_form.add_error(exc.field if exc.field in ("email", "password") else None, exc.message)
            elif code_form is not None:
                code_form.add_error("token", exc.message)
    context = {
        "email_form": email_form,
        "code_forms": code_forms,
        "passkey_allowed": add_allowed(request.session),
        "enrolled": has_second_factor(user),
        "verified": user.is_verified(),
        "recovery_left": second_factor.recovery_left(user),
        "passkeys": passkeys_of(user),
        "events": selectors.events_of(user),
        "provisions": acts.allowed(user, "accounts.provision"),
        "second_factor_due": acts.second_factor_due(user),
        "channels": notice_preferences(user),
        "modes": Mode.choices,
        "line_on": line_enabled(),
        "line_link": line_link_of(user),
        "line_form": LineConnectForm(auto_id="id_line_%s"),
        "calendar_address": calendar_address_of(user),
        "calendar_form": CalendarMakeForm(auto_id="id_calendar_%s"),
        "digital_id_form": DigitalIdLinkForm(auto_id="id_digital_id_%s"),
    }
    return render(request, "accounts/account.html", context)


def email_confirm(request, token: str):
    try:
        services.email_change_confirm(request=request, token=token)
    except PortalError as exc:
        return render(request, "accounts/link_refused.html", {"error": exc}, status=400)
    messages.success(request, _("your e-mail was changed"))
    return redirect("accounts:account" if request.user.is_authenticated else "login")


@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """The invited person sets their own password, once, before the link expires."""
    user = invitation_user(token)
    if user is None:
        error = PortalError(
            _("this invitation was used already or has expired: use “forgot password” with your e-mail"),
        )
        return render(request, "accounts/link_refused.html", {"error": error}, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_accept(request=request, user=user, form=form)
        messages.success(request, _("your password is set: welcome"))
        return redirect("submissions:home")
    return render(request, "accounts/invitation.html", {"form": form, "invited": user, "token": token})


@method_decorator(rate_limited("password_reset", "CDD4_PASSWORD_RESET_RATE"), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PortalPasswordResetForm
    template_name = "accounts/reset_form.html"
    success_url = reverse_lazy("accounts:reset_sent")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/reset_confirm.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        second_factor.pending_remove(form.user)  # a key shown to whoever had the old password dies with it
        sessions_and_links_end(form.user, request=self.request)  # signed out everywhere by the new password already
        event_record(kind=Event.RESET_DONE, user=form.user, request=self.request)
        messages.success(self.request, _("password set: sign in"))
        return response


def provision_template(request):
    gate.require(request, "accounts.provision")
    return exporter.response(None, "accounts-template", "xlsx")


def _provision_refused(request, refusal: PortalError):
    return render(request, "accounts/provision.html", {"form": SheetForm(), "error": refusal}, status=refusal.status)


@takes_files(capped("accounts"), refused=_provision_refused)
def provision_page(request):
    """Central staff, or an office's organiser for the offices under it: accounts from a sheet, tried first."""
    gate.require(request, "accounts.provision")
    if request.method == "GET":
        code = gate.factor_first(request, "accounts.provision")  # its sheet could not be kept across the code's page
        return redirect(code) if code else _provision(request)
    return reading(_provision)


def _provision(request):
    form = SheetForm(request.POST or None, request.FILES or None)
    context = {"form": form, "unused": Power.ADMINISTER in actor_of(request.user).powers}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        started = timezone.now()
        try:
            context["report"] = provision.provision_file(
                by=request.user, data=upload.read(), filename=upload.name, dry_run=request.POST.get("do") != "write"
            )
        except PortalError as exc:
            context["error"] = exc
            return render(request, "accounts/provision.html", context, status=400)
        report = context["report"]
        if not report.dry_run:
            messages.info(request, outreach_said(outreach_latest(request.user, BulkAct.INVITATIONS, started)))
        context |= {a: report.count(a) for a in ("create", "change", "same")}
        context |= {"created": context["create"], "changed": context["change"]}
    return render(request, "accounts/provision.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unused(request):
    """The year-end step: open accounts nobody signed in with for a year, for central staff to close."""
    gate.require(request, "accounts.close_unused")
    rows = selectors.unused_accounts()
    if request.method == "POST":
        chosen = rows.filter(pk__in=[pk for v in request.POST.getlist("user") if (pk := whole(v)) is not None])
        closed = 0
        for user in chosen:
            services.account_deactivate(by=request.user, user=user, request=request)
            closed += 1
        messages.success(request, format_lazy(_("{closed} accounts closed"), closed=closed))
        return redirect("accounts:unused")
    return render(request, "accounts/unused.html", {"rows": rows[:500], "days": settings.CDD4_UNUSED_DAYS})


class CountedPasswordChangeView(auth_views.PasswordChangeView):
    """Password change whose old-password check is counted by axes (the admin's own change page redirects here),
    and recorded in the person's sign-in audit."""

    form_class = CountedPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        second_factor.pending_remove(self.request.user)
        sessions_and_links_end(self.request.user, keep=self.request.session.session_key, request=self.request)
        event_record(kind=Event.PASSWORD_CHANGED, user=self.request.user, request=self.request)
        return response
