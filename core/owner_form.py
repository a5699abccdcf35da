"""The form that asks whoever holds a session to say again that they are the account's owner, before an act a
session left open or taken must not do alone (a LINE link code, a calendar address): their password, or a current
code from the app where they have one. The check itself is the accounts app's (`second_factor.identity_confirm`,
each wrong answer counted and recorded as at sign-in)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n import Text


class OwnerConfirmForm(forms.Form):
    refusal: Text = _("type your current password first")  # what an empty form is told: each act says its own

    password = forms.CharField(
        label=_("current password"),
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    token = forms.CharField(
        label=_("or the 6-digit code from the app"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("password") and not cleaned.get("token"):
            raise forms.ValidationError(self.refusal, code="required")
        return cleaned
