"""What happened to an account: each sign-in, failure, reset, invitation, second-factor change, change of
address, username or role, closing and reopening, LINE linked or unlinked, a digital ID linked, used or unlinked;
their private calendar address (docs/calendar.md) and their digital IDs (docs/accounts.md). The LINE link itself is
the LINE channel's (notices/channels/line/models.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_otp.models import Device

from .session_store import PersonSession  # noqa: F401  (the session engine's model, with its store)


class Event(models.TextChoices):
    SIGN_IN = "sign_in", _("signed in")
    FAILURE = "failure", _("sign-in failed")
    SIGN_OUT = "sign_out", _("signed out")
    INVITED = "invited", _("invited")
    ACCEPTED = "accepted", _("invitation accepted")
    RESET_ASKED = "reset_asked", _("reset asked")
    RESET_DONE = "reset_done", _("password reset")
    PASSWORD_CHANGED = "password", _("password changed")
    EMAIL_ASKED = "email_asked", _("e-mail change asked")
    EMAIL_CHANGED = "email", _("e-mail changed")
    USERNAME_CHANGED = "username", _("username changed")
    ROLE_CHANGED = "role", _("role or office changed")
    FACTOR_ADDED = "factor_added", _("second factor set up")
    FACTOR_REMOVED = "factor_removed", _("second factor removed")
    FACTOR_OK = "factor_ok", _("second factor confirmed")
    FACTOR_FAILED = "factor_failed", _("wrong second-factor code")
    KEY_SHOWN = "key_shown", _("set-up key shown")
    RECOVERY_USED = "recovery", _("recovery code used")
    CODES_MADE = "codes", _("new recovery codes")
    PROVISIONED = "provisioned", _("made or changed from a sheet")
    DEACTIVATED = "deactivated", _("deactivated")
    REACTIVATED = "reactivated", _("reactivated")
    LINE_LINKED = "line_linked", _("LINE linked")
    LINE_UNLINKED = "line_unlinked", _("LINE unlinked")
    CALENDAR_MADE = "calendar_made", _("calendar address made")
    CALENDAR_REVOKED = "calendar_revoked", _("calendar address revoked")
    DIGITAL_ID_LINKED = "id_linked", _("digital ID linked")
    DIGITAL_ID_UNLINKED = "id_unlinked", _("digital ID unlinked")
    DIGITAL_ID_SIGN_IN = "id_sign_in", _("signed in with a digital ID")
    DIGITAL_ID_VOUCHED = "id_vouched", _("second factor vouched by the digital ID")


class AccountEvent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # accounts are closed, never deleted: their history stays
        related_name="account_events",
        verbose_name=_("account"),
    )
    username = models.CharField(_("username typed"), max_length=150, blank=True)
    kind = models.CharField(_("event"), max_length=16, choices=Event.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    agent = models.CharField(_("browser"), max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("accounts.models", "by"),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("sign-in record")
        verbose_name_plural = _("sign-in audit")
        indexes = [models.Index(fields=["user", "-at"], name="account_event_user_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.user or self.username}"


class CalendarAddress(models.Model):
    """A person's private calendar address (accounts.calendar, docs/calendar.md): its secret kept as a keyed hash
    only, so a copy of the database alone cannot read anyone's calendar; one per person, replaced when made
    again, deleted when revoked."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_address", verbose_name=_("account")
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    made_at = models.DateTimeField(_("made at"), default=timezone.now)
    read_at = models.DateTimeField(_("last read by a calendar"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self) -> str:
        return f"{self.user} calendar"


class DigitalIdentity(Device):
    """A person's government digital ID (ThaID, DGA Digital ID) linked to their account by themselves
    (accounts.digital_id.services): the provider's key and a keyed hash of the citizen ID, never the ID itself.
    It is a django-otp device so that a sign-in the provider vouched for at the set assurance level confirms the
    session as a code does (`otp_login`); deleting it (unlinking) ends that confirmation in every session."""

    # Annotated: django-otp ships no stubs, so mypy cannot infer the fields of a Device's subclass.
    provider: models.CharField[str, str] = models.CharField(_("provider"), max_length=16)
    citizen_hash: models.CharField[str, str] = models.CharField(max_length=64)
    linked_at: models.DateTimeField = models.DateTimeField(_("linked at"), default=timezone.now)
    used_at: models.DateTimeField = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("digital ID")
        verbose_name_plural = _("digital IDs")
        constraints = [
            models.UniqueConstraint(fields=["provider", "citizen_hash"], name="digital_identity_once"),
            models.UniqueConstraint(fields=["provider", "user"], name="digital_identity_one_per_account"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.provider}"
