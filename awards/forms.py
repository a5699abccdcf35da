from django import forms
from django.utils.translation import gettext_lazy as _

from contests.date_fields import ThaiDateField, ThaiDateInput
from contests.models import Unit
from core.choices import ThaiNameChoiceField
from scoring.selectors import contest_entrants

from .models import AwardSignature, DocumentKind
from .signing import MAX_UPLOAD


class SignatureForm(forms.ModelForm):
    class Meta:
        model = AwardSignature
        fields = ["signer_name", "signer_position", "announced_on"]
        widgets = {
            "signer_position": forms.Textarea(attrs={"rows": 3}),
            # Not the browser's date picker, which shows the browser's calendar (11/23/2026 in en-US).
            "announced_on": ThaiDateInput,
        }
        field_classes = {"announced_on": ThaiDateField}


class SigningCertificateForm(forms.Form):
    """The Department's certificate for digital signatures; the passphrase only opens it once, here."""

    file = forms.FileField(label=_("certificate file (.p12 / .pfx)"))
    passphrase = forms.CharField(
        label=_("the file's passphrase (not stored)"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("over 64 KB: not a certificate file"))
        return upload


class DocumentRequestForm(forms.Form):
    kind = forms.ChoiceField(choices=DocumentKind.choices, label=_("document"))
    province = ThaiNameChoiceField(
        queryset=Unit.objects.provinces(),
        required=False,
        to_field_name="code",
        label=_("province (a breakdown, or one awardee's certificate; empty = all)"),
    )

    def __init__(self, *args, rubric=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rubric is not None and not rubric.contest.is_national:  # the contest's own districts or subdistricts
            self.fields["province"].queryset = contest_entrants(rubric.contest)
            self.fields["province"].label = _("entrant (a breakdown, or one awardee's certificate; empty = all)")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("province") and cleaned.get("kind") not in (DocumentKind.BREAKDOWN, DocumentKind.CERTIFICATES):
            self.add_error("province", _("a province only for a breakdown or a certificate"))
        return cleaned
