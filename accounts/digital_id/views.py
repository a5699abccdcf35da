"""The digital ID's pages: going to the provider (to sign in, to link, to accept an invitation), its answer, and
unlinking. Thin: each asks its service; every refusal is one Thai page with the password's sign-in beside it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.errors import PortalError

from ..audit import has_second_factor
from ..forms import DigitalIdLinkForm
from . import services
from .flows import flows_keep, flows_without, sign_out_keep
from .hints import hint_cookie, hint_forget, hint_open
from .providers import Provider, provider_of
from .services import Purpose


def _callback_uri(request, provider: Provider) -> str:
    """The address registered with the provider as the portal's redirect URI (docs/accounts.md)."""
    return request.build_absolute_uri(reverse("accounts:digital_id_callback", args=[provider.key]))


def _safe(request, wanted: str) -> str:
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=request.is_secure()):
        return wanted
    return ""


def refused(request, provider: Provider, error: PortalError):
    return render(
        request, "accounts/digital_id_refused.html", {"error": error, "provider": provider}, status=error.status
    )


# Signing in is a link (GET), and starts only the browser's own state, nonce and verifier (its cookie). Linking
# and accepting an invitation are forms, answered by a page that goes on to the provider (`onward`).
@require_GET
def sign_in(request, provider: str):
    """From the login page's button: to the provider, then back signed in (or told why not)."""
    chosen = provider_of(provider)
    next_url = _safe(request, request.GET.get("next", ""))
    try:
        return services.flow_begin(
            request=request,
            provider=chosen,
            purpose=Purpose.SIGN_IN,
            redirect_uri=_callback_uri(request, chosen),
            next_url=next_url,
        )
    except PortalError as error:
        return refused(request, chosen, error)


def onward(request, provider: Provider, response):
    """The provider's address as a page that goes on by itself (a refresh), with what the browser keeps for the
    answer: a form's submission may not be redirected to another origin (form-action 'self')."""
    page = render(request, "accounts/digital_id_onward.html", {"provider": provider, "there": response["Location"]})
    page.cookies.update(response.cookies)
    return page


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def link(request, provider: str):
    """From "บัญชีของฉัน": the signed-in person types their password (or a current code) again, then goes to the
    provider to link their own identity."""
    chosen = provider_of(provider)
    form = DigitalIdLinkForm(request.POST or None, auto_id="id_digital_id_%s")
    if request.method == "POST":
        try:
            if form.is_valid():
                response = services.link_begin(
                    request=request, provider=chosen, redirect_uri=_callback_uri(request, chosen), **form.cleaned_data
                )
                return onward(request, chosen, response)
        except PortalError as error:
            if error.status == 502:  # the provider does not answer
                return refused(request, chosen, error)
            # A wrong password on its field, a wrong code on the code's, an account that links no more above both.
            form.add_error({"password": "password", "account": None}.get(error.field or "", "token"), error.message)
    context = {"form": form, "provider": chosen, "providers": [chosen], "enrolled": has_second_factor(request.user)}
    return render(request, "accounts/digital_id_link.html", context, status=400 if request.method == "POST" else 200)


@require_POST
def invitation(request, provider: str, token: str):
    """From the invitation's own page (its form: POST, CSRF, the account's name shown): the invited person goes to
    accept with their identity instead of a password."""
    chosen = provider_of(provider)
    try:
        response = services.invitation_begin(
            request=request, provider=chosen, token=token, redirect_uri=_callback_uri(request, chosen)
        )
    except PortalError as error:
        return refused(request, chosen, error)
    return onward(request, chosen, response)


@never_cache
@require_GET
def callback(request, provider: str):
    """The provider's answer (the redirect URI): checked, then what the person went there for. The browser keeps
    the answer's flow no longer, whatever the outcome."""
    chosen = provider_of(provider)
    left = flows_without(request, request.GET.get("state", ""))
    return hint_cookie(request, flows_keep(_answered(request, chosen), left))


def _answered(request, chosen: Provider):
    try:
        identity, flow, id_token = services.identity_checked(request=request, provider=chosen)
        if flow["purpose"] == Purpose.LINK:
            services.digital_link(request=request, identity=identity, flow=flow)
            messages.success(request, _("%(provider)s is linked: you may sign in with it") % {"provider": chosen.name})
            return redirect(f"{reverse('accounts:account')}#digital-id")
        if flow["purpose"] == Purpose.INVITATION:
            services.digital_invitation_accept(request=request, flow=flow, identity=identity, id_token=id_token)
            messages.success(request, _("%(provider)s is linked: welcome") % {"provider": chosen.name})
            return redirect("submissions:home")
        services.digital_sign_in(request=request, identity=identity, id_token=id_token)
    except PortalError as error:
        return refused(request, chosen, error)
    return redirect(_safe(request, flow.get("next", "")) or reverse("submissions:home"))


@login_required
@require_POST
def unlink(request, provider: str):
    """The person's own identity of this provider unlinked, from their page."""
    chosen = provider_of(provider)
    if services.digital_unlink(request=request, provider_key=chosen.key):
        messages.success(request, _("%(provider)s is unlinked") % {"provider": chosen.name})
    return redirect(f"{reverse('accounts:account')}#digital-id")


class PortalLogoutView(auth_views.LogoutView):
    """Signing out of the portal; for a session signed in with a digital ID whose provider offers it, out of the
    provider too (RP-initiated logout, with the ID token as its hint where the session kept it), which sends the
    browser back to the login page, and the login page says it (`signed_out_at`). The way there is a page that goes
    on by itself (a refresh), not a redirect: the sign-out form may not be redirected off the portal (form-action
    'self'). The page says whether the provider was given the hint: without it, a strict provider may keep its own
    session and say so there."""

    def post(self, request, *args, **kwargs):
        key = services.signed_in_with(request)
        hint = hint_open(request)
        response = hint_forget(super().post(request, *args, **kwargs))
        if key in settings.CDD4_DIGITAL_IDS:
            provider = provider_of(key)
            back = request.build_absolute_uri(reverse("login"))
            out = services.provider_sign_out(provider=provider, post_logout_redirect_uri=back, id_token_hint=hint)
            if out is not None:
                context = {"provider": provider, "there": out.url, "hinted": out.hinted}
                page = render(request, "accounts/digital_id_signed_out.html", context)
                return hint_forget(sign_out_keep(page, provider_key=provider.key, state=out.state))
        return response
