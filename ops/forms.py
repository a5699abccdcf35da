"""The contacts form: central staff's help desk, or an office contest's own (ops.services.contacts_set)."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import SiteContact
from .services import CONTACT_FIELDS


def _https(field, **kwargs):
    """A LINE link typed without its scheme is https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ContactForm(forms.Form):
    """The fields every desk has (ops.models.Contacts), labelled as the model labels them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        self.fields.update(
            forms.fields_for_model(SiteContact, fields=CONTACT_FIELDS, widgets=widgets, formfield_callback=_https)
        )

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("phone", "email", "line_id", "line_url")):
            raise forms.ValidationError(_("give at least one way to reach you: a phone, an e-mail or LINE"))
        return data
