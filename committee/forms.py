"""The committee's small forms (the scoring screens post their own fields)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class JudgingDeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=_("Judging ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason (the panel reads it)"), required=False, max_length=300)
