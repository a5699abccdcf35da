from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from contests.units import office_name
from core.errors import PortalError
from core.validators.name import validate_name
from nominees.models import Employment

from .models import InnovationReport
from .services import INNOVATION_FIELDS


class RoundForm(forms.Form):
    """The round a report answers, as the criterion page's choice sends it (none: the day it came decides);
    whether the criterion asks it is evidence_submit's to refuse."""

    round = forms.IntegerField(label=_("round it answers"), required=False, min_value=1, max_value=1000)


class LinkForm(RoundForm):
    url = forms.CharField(label=_("link"), max_length=500)
    description = forms.CharField(label=_("description"), max_length=300, required=False)


class NomineeForm(forms.Form):
    """The person an office nominates (Contest.nominates); lengths, blanks and who qualifies are nominee_submit's
    to refuse, each beside its field (`refused`)."""

    name_th = forms.CharField(label=_("full name"), required=False, validators=[validate_name])
    position_th = forms.CharField(label=_("position"), required=False)
    name_en = forms.CharField(label=_("name in English (optional)"), required=False, validators=[validate_name])
    employment = forms.ChoiceField(label=_("employment type"), choices=[("", "—"), *Employment.choices], required=False)
    office = forms.ChoiceField(label=_("office the nominee works in"), required=False)

    def __init__(self, *args, offices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [("", "—"), *((u.code, office_name(u)) for u in offices)]

    def refused(self, error: PortalError) -> bool:
        """Puts a refusal beside its field; False for one about no field of this form (shown as a message)."""
        if error.field not in self.fields:
            return False
        self.add_error(error.field, str(error))
        return True


class InnovationReportForm(forms.ModelForm):
    class Meta:
        model = InnovationReport
        fields = INNOVATION_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ("problem_analysis", "solution", "outcomes", "evidence_text")
        }
