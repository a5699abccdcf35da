"""Passkeys as a second factor where the browser has them, by django-otp-webauthn.

A passkey is added beside the authenticator app, never instead of it: the app and its recovery codes stay the
way back for a lost key, and turning the second factor off removes both. Adding one needs a session already
confirmed with the app (the library checks that for whoever has a factor; the app-first rule is ours) and a current
code typed for it within ADD_LEAVE (accounts.second_factor.passkey_add_allow): a confirmed session alone, perhaps
left open or taken, adds no passkey. Each passkey added, used or refused is in the sign-in audit like a code; one
used gives the session a new key (accounts.sessions.session_confirmed).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions, views
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

from .audit import event_record, has_second_factor
from .models import Event
from .sessions import session_confirmed

ADD_ALLOWED = "accounts.passkey_add_until"  # session: until when a current code typed lets it add one passkey
ADD_LEAVE = timedelta(minutes=5)


def relying_party(request) -> str:
    """OTP_WEBAUTHN_RP_ID_CALLABLE: the host Django has checked against ALLOWED_HOSTS, without its port."""
    return urlsplit(f"//{request.get_host()}").hostname or ""  # a checked host always has a name


class PortalHelper(WebAuthnHelper):
    """The origin as the browser sees it, from the same checked host and its scheme (SECURE_PROXY_SSL_HEADER
    behind nginx): every address in ALLOWED_HOSTS works without a second list to keep in step."""

    def get_allowed_origins(self) -> list[str]:
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class AppFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "app_first"
    default_detail = _("set up the authenticator app first, then add a passkey")


class CodeFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "code_first"
    default_detail = _("type a current code from the app first, then add a passkey")


def add_allowed(session) -> bool:
    until = session.get(ADD_ALLOWED)
    return until is not None and timezone.now() < datetime.fromisoformat(until)


class _AppAndCodeFirst:
    def check_can_register(self):
        if not has_second_factor(self.request.user):
            raise AppFirst()
        if not add_allowed(self.request.session):
            raise CodeFirst()


class PasskeyAddBegin(_AppAndCodeFirst, views.BeginCredentialRegistrationView):
    pass


class PasskeyAdd(_AppAndCodeFirst, views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        self.request.session.pop(ADD_ALLOWED, None)  # one passkey for one code
        event_record(kind=Event.FACTOR_ADDED, user=self.request.user, request=self.request)
        return response


class PasskeyUse(views.CompleteCredentialAuthenticationView):
    def complete_auth(self, device) -> None:
        # The library signs in only where passwordless sign-in is on (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is
        # off): here the person is signed in, and the passkey confirms their session, under a new key.
        session_confirmed(self.request, device)
        event_record(kind=Event.FACTOR_OK, user=device.user, request=self.request)

    def handle_exception(self, exc):
        if self.request.user.is_authenticated:
            event_record(kind=Event.FACTOR_FAILED, user=self.request.user, request=self.request)
        return super().handle_exception(exc)


def passkeys_of(user) -> int:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).count()


def passkeys_remove(user) -> None:
    WebAuthnCredential.objects.filter(user=user).delete()


# The library's template tags reverse these names in its "otp_webauthn" namespace (cdd4/urls.py).
urlpatterns = [
    path("registration/begin/", PasskeyAddBegin.as_view(), name="credential-registration-begin"),
    path("registration/complete/", PasskeyAdd.as_view(), name="credential-registration-complete"),
    path(
        "authentication/begin/",
        views.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path("authentication/complete/", PasskeyUse.as_view(), name="credential-authentication-complete"),
    # The library's messages in Thai come from the project's djangojs catalogue (locale_packages/th).
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
