"""LINE's one form on "บัญชีของฉัน"."""

from django import forms
from django.utils.translation import gettext_lazy as _


class LineConnectForm(forms.Form):
    """Asked before a LINE link code is shown: whoever holds the session says again who they are."""

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
        cleaned = super().clean()
        if not cleaned.get("password") and not cleaned.get("token"):
            raise forms.ValidationError(_("type your current password to get a link code"), code="required")
        return cleaned
