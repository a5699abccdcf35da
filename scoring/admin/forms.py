"""Forms, list filters and the role-access mixin behind the admin pages (Thai first, English second)."""

from __future__ import annotations

import json
from datetime import date

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export.forms import ConfirmImportForm, ImportForm

from contests.actor import Need, actor_of
from contests.admin.dates import be_text
from contests.date_fields import ThaiDateField
from contests.scopes import in_scope, visible_contests, visible_units
from core.i18n import Text
from core.numbers import whole
from rubrics import revisions, services
from rubrics.access import rubrics
from rubrics.models import AwardTier, Criterion, Dimension, Rubric
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
        model = Rubric
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
    taken = Rubric.objects.filter(contest__slug=slug).select_related("contest").first()
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


def _latest_rubric():
    return Rubric.objects.national().order_by("-year").first()


class FactImportForm(ImportForm):
    rubric = forms.ModelChoiceField(
        queryset=Rubric.objects.national().order_by("-year"), empty_label=None, label=_("fiscal year")
    )
    field_order = ["rubric", "resource", "import_file", "format"]

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["rubric"].initial = _latest_rubric()
        self.fields["rubric"].label_from_instance = lambda r: f"{r.year} {r.name_th}"
        self.fields["import_file"].label = "ไฟล์ .csv หรือ .xlsx / .csv or .xlsx file"
        self.fields["import_file"].help_text = _("header: province,criterion,fact,value (CSV: UTF-8)")
        self.fields["format"].label = _("file format")


class FactConfirmImportForm(ConfirmImportForm):
    rubric = forms.ModelChoiceField(queryset=Rubric.objects.all(), widget=forms.HiddenInput)


class ContestScoped:
    """Only rows of contests the user may see (contests.actor): the Department's committee never lists, opens
    or reads the history of an office's contest, its criteria or its award tiers."""

    rubric_path = "rubric"

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if not self.has_view_permission(request):  # refused outright (403) before any row is looked up
            return rows
        return rows.filter(**{f"{self.rubric_path}__in": rubrics(actor_of(request.user), Need.SEE).values("pk")})


class UnitScoped:
    """Only rows of units the user may see in the row's contest, by the actor's one scope (contests.scopes.in_scope;
    rows of no contest: visible_units): a committee member conflicted with a unit never gets its rows. The
    admin builds its changelist, search, filters, detail, history, delete, export (import-export) and
    autocomplete on get_queryset, so this one filter covers them all."""

    unit_path = "unit"
    contest_path: str | None = "rubric__contest"  # None: the rows are units, of no one contest

    def get_queryset(self, request):
        actor = actor_of(request.user)
        rows = super().get_queryset(request)
        if self.contest_path is None:
            return rows.filter(**{f"{self.unit_path}__in": visible_units(actor).values("pk")})
        return rows.filter(in_scope(actor, self.contest_path, self.unit_path))


class YearFilter(admin.SimpleListFilter):
    title = _("fiscal year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(str(y), str(y)) for y in Rubric.objects.national().values_list("year", flat=True)]

    def queryset(self, request, queryset):
        return queryset.filter(rubric__year=self.value()) if self.value() else queryset


def code_key(code: str) -> tuple:
    return tuple(whole(p) or 0 for p in code.split("."))


class ContestFilter(admin.SimpleListFilter):
    """One contest's rows: a year holds the national contest and every office's, each with its own 1.1."""

    title = _("contest")
    parameter_name = "contest"

    def lookups(self, request, model_admin):
        seen = visible_contests(actor_of(request.user)).order_by("-year", "slug")
        return [(str(c.pk), f"{c.year} · {c.name_th} ({c.slug})") for c in seen]

    def queryset(self, request, queryset):
        return queryset.filter(rubric__contest=self.value()) if self.value() else queryset


class CriterionCodeFilter(admin.SimpleListFilter):
    title = _("criterion")
    parameter_name = "criterion"

    def lookups(self, request, model_admin):
        codes = set(Criterion.objects.values_list("code", flat=True))
        return [(c, c) for c in sorted(codes, key=code_key)]

    def queryset(self, request, queryset):
        return queryset.filter(criterion__code=self.value()) if self.value() else queryset


class DimensionCodeFilter(admin.SimpleListFilter):
    title = _("dimension")
    parameter_name = "dimension"

    def lookups(self, request, model_admin):
        codes = set(Dimension.objects.values_list("code", flat=True))
        return [(c, c) for c in sorted(codes, key=code_key)]

    def queryset(self, request, queryset):
        return queryset.filter(dimension__code=self.value()) if self.value() else queryset


class AwardFilter(admin.SimpleListFilter):
    title = _("award")
    parameter_name = "award"

    def lookups(self, request, model_admin):
        # The awards of the contests the user may see: a draft's award names are its runners' alone.
        tiers = AwardTier.objects.filter(rubric__contest__in=visible_contests(actor_of(request.user)))
        names = dict(tiers.order_by("-rubric__year", "order").values_list("code", "name_th"))
        return [*names.items(), ("-", pgettext_lazy("scoring.admin.forms", "none"))]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(award="" if self.value() == "-" else self.value())


class SourceFilter(admin.ChoicesFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("source")  # the model field has no Thai verbose_name


def column(attr: str, label: Text, ordering: str | None = None, boolean: bool = False):
    """A Thai-first changelist column for a model field that has no Thai verbose_name."""

    def show(self, obj):
        value = getattr(obj, attr)
        value = value() if callable(value) else value
        return be_text(value) if isinstance(value, date) else value

    field = attr.removeprefix("get_").removesuffix("_display")  # get_source_display sorts by source
    return admin.display(description=label, ordering=ordering or field, boolean=boolean)(show)
