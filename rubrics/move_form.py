"""The boxes of moving a deadline, one set for the criterion's page and the admin's: why, the letter (the
Department's, or the organising office's when it moves its own contest's date: its number, date, its PDF if one
has it) and what moves with the deadline (its rounds due that day, the
criteria timing the same files), each ticked until unticked.
Both hand them to the one service, rubrics.timetable.criterion_deadline_set."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.date_fields import ThaiDateField
from contests.models import Unit
from core.i18n import pick
from core.thai import thai_date
from core.validators.letter import letter_clean
from rubrics.letters import NUMBER_MOST, Letter, letter_help
from rubrics.models import ContestPeriod
from rubrics.revisions import ChangeRefused, letter_check
from rubrics.timetable import Companion, companions, rounds_kept, rounds_kept_check
from rulebook.dates import fiscal_year


def reason_field() -> forms.CharField:
    """The box for why a change is made (rubrics.revisions asks for it once the contest is open)."""
    return forms.CharField(
        label=_("why it changes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("needed once the contest is open; kept in its history"),
    )


def _named(companion: Companion):
    return format_lazy(
        _("{what} (due {day})"), what=pick(companion.label_th, companion.label_en), day=thai_date(companion.old)
    )


class MoveFields(forms.Form):
    """The letter and the companions of a move; `offer` fills the companions of one criterion."""

    companions: list[Companion] = []

    letter_number = forms.CharField(
        label=_("letter number"),
        max_length=NUMBER_MOST,
        required=False,
        help_text=letter_help(None),
    )
    letter_date = ThaiDateField(label=_("letter date"), required=False)
    letter_pdf = forms.FileField(
        label=_("the letter (PDF), if you have it"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    also = forms.MultipleChoiceField(
        label=_("moves with it (untick what stays)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("an unticked round keeps its date, but never after the new deadline"),
    )

    def offer(self, rubric: ContestPeriod, code: str, office: Unit | None = None) -> None:
        """What moves with `code`'s deadline, each a box ticked until unticked (none: no such box): its rounds due
        on that day (unticked, a round keeps its date), the criteria timing the same files. `office`: the office
        whose letter the move cites (rubrics.letters.letter_office), None for the Department's."""
        self.fields["letter_number"].help_text = letter_help(office)
        cast(ThaiDateField, self.fields["letter_date"]).window = fiscal_year(rubric.year)
        boxes = self.companions = companions(rubric, code)
        if not boxes:
            del self.fields["also"]
            return
        cast(forms.MultipleChoiceField, self.fields["also"]).choices = [(c.key, _named(c)) for c in boxes]
        self.fields["also"].initial = [c.key for c in boxes]

    def clean_letter_pdf(self):
        return letter_clean(self.cleaned_data.get("letter_pdf"))

    def clean(self):
        cleaned = super().clean()
        try:
            letter_check(self.letter())
        except ChangeRefused as exc:
            self.add_error("letter_number", exc.messages)
        if "also" in self.fields and "also" in cleaned and "deadline" in cleaned:
            deadline = cleaned["deadline"]
            try:  # the service's own refusal, shown beside the boxes
                rounds_kept_check(rounds_kept(self.companions, set(cleaned["also"]), deadline), deadline)
            except ChangeRefused as exc:
                self.add_error("also", exc.messages)
        return cleaned

    def letter(self) -> Letter:
        data = self.cleaned_data
        return Letter(data.get("letter_number") or "", data.get("letter_date"), data.get("letter_pdf") or None)

    def also_kept(self) -> list[str] | None:
        """The companions left ticked (None: the criterion has none)."""
        return list(self.cleaned_data.get("also") or []) if "also" in self.fields else None


class DeadlineMoveForm(MoveFields):
    """The criterion's page: the new date (empty: no deadline) and why."""

    deadline = ThaiDateField(label=_("new deadline"), required=False)
    reason = reason_field()
    field_order = ["deadline", "reason", "letter_number", "letter_date", "letter_pdf", "also"]

    def __init__(self, *args, rubric: ContestPeriod, code: str, office: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(ThaiDateField, self.fields["deadline"]).window = fiscal_year(rubric.year)
        self.offer(rubric, code, office)
