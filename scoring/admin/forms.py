"""Forms, list filters and columns behind scoring's admin pages: the fact import's, the award filter of the standings,
a fact's source (Thai first, English second)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export.forms import ConfirmImportForm, ImportForm

from contests.actor import actor_of
from contests.admin.dates import be_text
from contests.scopes import visible_contests
from core.i18n import Text
from rubrics.models import AwardTier, ContestPeriod


def _latest_rubric():
    return ContestPeriod.objects.national().order_by("-year").first()


class FactImportForm(ImportForm):
    rubric = forms.ModelChoiceField(
        queryset=ContestPeriod.objects.national().order_by("-year"), empty_label=None, label=_("fiscal year")
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
    rubric = forms.ModelChoiceField(queryset=ContestPeriod.objects.all(), widget=forms.HiddenInput)


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
