from django import forms

from scoring.models import Province

from .models import AwardSignature, DocumentKind


class SignatureForm(forms.ModelForm):
    class Meta:
        model = AwardSignature
        fields = ["signer_name", "signer_position", "announced_on"]
        widgets = {
            "signer_position": forms.Textarea(attrs={"rows": 3}),
            "announced_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class DocumentRequestForm(forms.Form):
    kind = forms.ChoiceField(choices=DocumentKind.choices, label="เอกสาร / document")
    province = forms.ModelChoiceField(
        queryset=Province.objects.order_by("name_th"),
        required=False,
        to_field_name="code",
        label="จังหวัด (เฉพาะรายละเอียดคะแนน ว่าง = ทุกจังหวัด) / province (breakdown only; empty = all)",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("province") and cleaned.get("kind") != DocumentKind.BREAKDOWN:
            self.add_error("province", "ระบุจังหวัดได้เฉพาะรายละเอียดคะแนน / a province only for a breakdown")
        return cleaned
