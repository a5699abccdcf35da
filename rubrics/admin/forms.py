"""The rubric's and the criterion's admin forms: the whole rubric as one JSON document, and a criterion's deadline
with the boxes of its move (Thai first, English second)."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.date_fields import ThaiDateField
from core.i18n import Text
from rubrics import revisions, services
from rubrics.models import ContestPeriod, Criterion
from rubrics.move_form import MoveFields, reason_field
from rubrics.selectors import contest_file, rubric_data
from rulebook.dates import fiscal_year
from rulebook.rubric_json import rubric_json
from rulebook.spec import RubricError, parse_rubric


class RubricForm(forms.ModelForm):
    """The whole rubric as one JSON document (docs/rubric-format.md), saved by `services.rubric_edit`."""

    # A field named like BaseForm.data: Django's form metaclass takes it off the class (the posted data stays
    # `self.data`), which django-stubs cannot see.
    data = forms.CharField(  # type: ignore[assignment]
        label=_("the whole rubric (JSON)"),
        widget=forms.Textarea(attrs={"rows": 40, "spellcheck": "false", "class": "rubric-json"}),
        help_text=_('format of docs/rubric-format.md; numbers are strings, e.g. "5"'),
    )

    reason = reason_field()
    user = None  # set by RubricAdmin.get_form: the change is recorded as this person's

    class Meta:
        model = ContestPeriod
        fields = ["show_provisional"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # With its contest block: without one a save would go to the Department's contest of the year.
            data = contest_file(self.instance)
            self.fields["data"].initial = json.dumps(data, ensure_ascii=False, indent=2)

    def clean(self):
        cleaned = super().clean()
        raw = cleaned.get("data")
        if raw is None:
            return cleaned
        try:
            data = rubric_json(raw)
        except RubricError as exc:
            self.add_error("data", exc.messages)
            return cleaned
        year = data.get("year")
        if self.instance.pk and year != self.instance.year:
            self.add_error(
                "data",
                format_lazy(
                    _("the data's year ({year}) is not this rubric's ({year2}); copy it or add a new rubric"),
                    year=year,
                    year2=self.instance.year,
                ),
            )
            return cleaned
        problem = self._contest_problem(data) if self.instance.pk else _taken(data)
        if problem:
            self.add_error("data", problem)
            return cleaned
        # rubric_load is both the validator of record and the writer: some refusals (criteria that
        # already have facts) are only known while writing. It is atomic, so a refusal writes nothing,
        # and calling it here is what puts its messages on this form instead of a 500 page.
        try:
            rubric = services.rubric_edit(user=self.user, data=data, reason=cleaned.get("reason", ""))
        except RubricError as exc:
            # A missing reason is said beside its box; anything else about the file beside the file.
            self.add_error("reason" if getattr(exc, "field", "") == "reason" else "data", exc.messages)
            return cleaned
        # _post_clean then sets show_provisional on the instance: a period's page keeps its own period, not the
        # contest's first one that rubric_edit returns.
        if self.instance.pk:
            self.instance.refresh_from_db()
        else:
            self.instance = rubric
        return cleaned

    def _contest_problem(self, data) -> Text:
        """The data names the contest it is written into (services.contest_slug): it must be this rubric's."""
        slug, own = services.contest_slug(data), self.instance.contest.slug
        if slug == own:
            return ""
        return format_lazy(_("the data is contest {slug}'s, not this rubric's ({own})"), slug=slug, own=own)


def _taken(data) -> Text:
    """A new rubric's contest must not have one yet; only its own contest counts (an office's contest of a
    year is not the Department's of that year)."""
    year, slug = data.get("year"), services.contest_slug(data)
    taken = ContestPeriod.objects.filter(contest__slug=slug).select_related("contest").first()
    if taken is None:
        return ""
    if taken.contest.is_national:
        return format_lazy(_("a rubric for {year} exists; edit it instead"), year=year)
    return format_lazy(_("contest {slug} has a rubric; edit it instead"), slug=slug)


class CriterionDeadlineForm(MoveFields, forms.ModelForm):
    """The criterion's editable deadline, on its page and in the changelist; checked against the whole rubric and
    for a reason (rubrics.revisions) before the service saves it. The page has its own reason box, the letter's
    boxes and what moves with the deadline (rubrics.move_form); the changelist's rows share one reason box
    (`shared_reason`, set by CriterionAdmin.get_changelist_form) and move what moves with each."""

    deadline = ThaiDateField(label=_("deadline"), required=False)
    reason = reason_field()
    shared_reason: str | None = None

    class Meta:
        model = Criterion
        fields = ["deadline"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # decision 11: a year far from the contest is a misread year
            rubric = self.instance.rubric
            self.fields["deadline"].window = fiscal_year(rubric.year)
            if self.shared_reason is None:  # the page: a changelist row has none of the move's boxes
                self.offer(rubric, self.instance.code)

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if "deadline" not in self.changed_data:
            return deadline
        data = rubric_data(self.instance.rubric)
        for dimension in data["dimensions"]:
            for criterion in dimension["criteria"]:
                if criterion["code"] == self.instance.code:
                    criterion["deadline"] = deadline.isoformat() if deadline else None
        try:
            parse_rubric(data)  # e.g. a timeliness rule cannot lose its deadline
        except RubricError as exc:
            raise ValidationError(exc.messages) from exc
        return deadline

    def clean(self):
        cleaned = super().clean()
        if "deadline" not in self.changed_data:
            return cleaned
        contest = self.instance.rubric.contest
        try:
            revisions.frozen_check(contest)  # the service's own refusal, else a 500 on save
        except RubricError as exc:
            self.add_error("deadline", exc.messages)
            return cleaned
        try:
            revisions.reason_check(contest=contest, reason=self.why())
        except RubricError as exc:
            self.add_error("reason" if self.shared_reason is None else "deadline", exc.messages)
        return cleaned

    def why(self) -> str:
        return self.shared_reason if self.shared_reason is not None else self.cleaned_data.get("reason", "")

    def also_kept(self) -> list[str] | None:
        # A changelist row has no boxes for them: everything that moves with the deadline moves.
        return super().also_kept() if self.shared_reason is None else None
