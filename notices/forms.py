"""The announcement's form: to whom (central staff: any audience; whoever else runs a contest: its entrants), about
which contest when it is one's, what, and a letter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from core.validators.letter import letter_clean

from .announcements import BODY_MOST, SUBJECT_MOST
from .models import CONTEST_AUDIENCES, Audience


class AnnouncementForm(forms.Form):
    audience = forms.ChoiceField(label=_("To"), choices=Audience.choices, widget=forms.RadioSelect)
    contest: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Contest (for its entrants or its committee)"), queryset=Contest.objects.none(), required=False
    )
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MOST)
    body = forms.CharField(label=_("Message"), max_length=BODY_MOST, widget=forms.Textarea(attrs={"rows": 8}))
    letter = forms.FileField(
        label=_("Letter (PDF, optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )

    def __init__(self, *args, contests, entrants_only: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contest"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = contests
        if entrants_only:  # an organiser writes to its own contests' entrants alone
            audience = self.fields["audience"]
            assert isinstance(audience, forms.ChoiceField)
            audience.choices = [(Audience.ENTRANTS.value, Audience.ENTRANTS.label)]
            audience.initial = Audience.ENTRANTS
            field.required, field.empty_label = True, None

    def clean_letter(self):
        return letter_clean(self.cleaned_data.get("letter"))

    def clean(self):
        cleaned = super().clean()
        audience, contest = cleaned.get("audience"), cleaned.get("contest")
        if audience in CONTEST_AUDIENCES and contest is None:
            self.add_error("contest", _("choose the contest whose entrants or committee it is for"))
        if audience and audience not in CONTEST_AUDIENCES:
            cleaned["contest"] = None  # every office or organiser: a contest chosen by the way does not narrow it
        return cleaned
