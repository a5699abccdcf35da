"""Facts and their changes in the admin, read-only, and the django-import-export glue for facts: the admin's
import runs `facts_import`, nothing else.

import-export's own row-by-row import would save facts one by one and skip our all-or-none checks,
the audit trail and the recompute; so `FactResource.import_data` hands the whole sheet to the service
and only translates its report (or its row errors) into import-export's Result for the preview.
"""

from __future__ import annotations

import tablib
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.results import Result, RowResult

from contests.admin.access import RoleAccess
from contests.admin.scopes import UnitScoped
from contests.permissions import is_central, is_department
from core import acts, gate
from core.errors import RowsError
from core.numbers import is_whole
from core.sheets import exporter
from core.sheets.tabular import SheetError, read_rows
from rubrics.admin.filters import CriterionCodeFilter, YearFilter
from rubrics.models import ContestPeriod
from scoring.admin.forms import FactConfirmImportForm, FactImportForm, SourceFilter, column
from scoring.facts.imports import HEADER, facts_import
from scoring.models import Fact, FactChange, FactSource


def _dataset(rows: list[dict[str, str]]) -> tablib.Dataset:
    if not rows:
        raise SheetError(_("the file has no data rows (header only)"))
    headers = list(rows[0])
    return tablib.Dataset(*[[row.get(h, "") for h in headers] for row in rows], headers=headers)


class SheetCSV(base_formats.CSV):
    """Read exactly as `manage.py import_facts` reads (BOM or not, UTF-8 check, blank rows skipped)."""

    def is_binary(self):
        return True  # hand core.sheets.tabular the raw bytes: it decodes and explains a wrong encoding

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        return _dataset(read_rows(in_stream, "upload.csv", required=HEADER))

    def export_data(self, dataset, **kwargs):
        # The registry's writer, not tablib's: formula-safe cells and the BOM, as every file the product writes.
        return exporter.to_csv(exporter.Table("facts", list(dataset.headers), list(dataset)))


class SheetXLSX(base_formats.XLSX):
    def create_dataset(self, in_stream, **kwargs):
        return _dataset(read_rows(in_stream, "upload.xlsx", required=HEADER))

    def export_data(self, dataset, **kwargs):
        return exporter.to_xlsx(exporter.Table("facts", list(dataset.headers), list(dataset)))


class FactResource(resources.ModelResource):
    province = fields.Field(attribute="unit__code", column_name="province")
    criterion = fields.Field(attribute="criterion__code", column_name="criterion")
    fact = fields.Field(attribute="name", column_name="fact")
    value = fields.Field(attribute="value", column_name="value")
    year = fields.Field(attribute="rubric__year", column_name="year")
    source = fields.Field(attribute="source", column_name="source")
    updated_at = fields.Field(attribute="updated_at", column_name="updated_at")

    class Meta:
        model = Fact
        fields = ("province", "criterion", "fact", "value", "year", "source", "updated_at")
        export_order = fields

    def __init__(self, rubric=None, **kwargs):
        super().__init__(**kwargs)
        self.rubric = rubric

    @classmethod
    def get_display_name(cls):
        return _("facts")

    def get_user_visible_fields(self):
        # The import reads only these four columns; the others are export-only.
        return [f for f in self.get_import_fields() if f.column_name in HEADER]

    def get_diff_headers(self):
        return ["แถว / row", *HEADER, "ค่าเดิม / old value"]

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        rubric = kwargs.get("rubric") or self.rubric
        user = kwargs.get("user")
        result = Result()
        result.diff_headers = self.get_diff_headers()
        result.total_rows = len(dataset)
        rows = [dict(zip(dataset.headers, values, strict=False)) for values in dataset]
        try:
            report = facts_import(rubric=rubric, rows=rows, user=user, source=FactSource.IMPORT, dry_run=dry_run)
        except RowsError as exc:
            if raise_errors:
                raise
            for error in exc.errors:
                row = rows[error.row - 2] if 0 <= error.row - 2 < len(rows) else {}
                shown = {"แถว / row": error.row, **row, "ค่าเดิม / old value": ""}
                result.append_invalid_row(error.row, shown, ValidationError(str(error)))
            return result
        changed = {c[0]: c for c in report.changes}
        for n, row in enumerate(rows, start=2):
            row_result = RowResult()
            change = changed.get(n)
            if change is None:
                row_result.import_type = RowResult.IMPORT_TYPE_SKIP
                old = row.get("value", "")
            else:
                old = change[4]
                row_result.import_type = RowResult.IMPORT_TYPE_NEW if old is None else RowResult.IMPORT_TYPE_UPDATE
            row_result.diff = [n, *(row.get(h, "") for h in HEADER), "" if old is None else old]
            result.increment_row_result_total(row_result)
            result.append_row_result(row_result)
        return result


class FactImportExportAdmin(ImportExportModelAdmin):
    """The fact import page: a year choice, a dry-run preview and a confirm step, all through the service."""

    resource_classes = [FactResource]
    import_formats = [SheetCSV, SheetXLSX]
    export_formats = [SheetCSV, SheetXLSX]  # written by core.sheets.exporter
    import_form_class = FactImportForm
    confirm_form_class = FactConfirmImportForm
    import_template_name = "admin/scoring/fact/import.html"
    import_export_change_list_template = "admin/scoring/fact/change_list.html"
    skip_admin_log = True  # FactChange is the audit trail

    def has_import_permission(self, request):
        return is_central(request.user)

    def has_export_permission(self, request):
        return is_department(request.user)

    def get_urls(self):
        view = self.admin_site.admin_view(self.template_view)
        return [path("template/", view, name="scoring_fact_template"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), **self._templates()}
        return super().changelist_view(request, extra_context)

    def get_import_context_data(self, **kwargs):
        return self._templates()

    def _templates(self):
        years = list(ContestPeriod.objects.national().values_list("year", flat=True))
        return {"template_years": years, "template_formats": exporter.get("fact-template").formats}

    def template_view(self, request):
        """The sheet to fill in: every province × every fact of the year, prefilled with stored values."""
        template = exporter.get("fact-template")
        gate.require(request, template.permission)
        year = request.GET.get("year", "")
        rubric = (
            ContestPeriod.objects.national().filter(year=int(year)).first()
            if is_whole(year)
            else ContestPeriod.objects.first()
        )
        if rubric is None:
            raise Http404(_("no rubric for this year"))
        fmt = request.GET.get("format", "xlsx")
        return exporter.response(rubric, template.identifier, fmt if fmt in template.formats else "xlsx")

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["rubric"] = import_form.cleaned_data["rubric"].pk
        return initial

    def get_import_data_kwargs(self, **kwargs):
        return {"rubric": kwargs["form"].cleaned_data["rubric"]}

    def import_action(self, request, **kwargs):
        if request.method == "POST":  # the preview and the confirmation both ask the act (SECURITY.md)
            acts.step_up(request.user, "scoring.import_facts")
        return super().import_action(request, **kwargs)

    def process_import(self, request, **kwargs):
        acts.step_up(request.user, "scoring.import_facts")
        return super().process_import(request, **kwargs)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SheetError):
            form.add_error("import_file", str(e))
        else:
            name = type(e).__name__
            form.add_error("import_file", format_lazy(_("cannot read the file ({name})"), name=name))

    def process_result(self, result, request):
        # The confirm step re-checks everything: facts may have changed since the preview.
        if result.has_validation_errors():
            for row in result.invalid_rows:
                messages.error(request, " ".join(row.non_field_specific_errors))
            messages.error(request, _("nothing was imported"))
            return HttpResponseRedirect(reverse("admin:scoring_fact_import"))
        t = result.totals
        messages.success(
            request,
            format_lazy(_("imported: {t} new, {t2} updated, {t3} unchanged"), t=t["new"], t2=t["update"], t3=t["skip"]),
        )
        return HttpResponseRedirect(reverse("admin:scoring_fact_changelist"))


@admin.register(Fact)
class FactAdmin(UnitScoped, RoleAccess, FactImportExportAdmin):
    """Read-only rows; changes arrive through the import (resources.FactImportExportAdmin)."""

    list_display = ["province_", "criterion_code", "name", "value", "source_", "updated_at_", "updated_by_"]
    list_filter = [YearFilter, CriterionCodeFilter, ("source", SourceFilter)]
    province_ = column("unit", _("unit"), "unit__code")
    source_ = column("get_source_display", _("source"))
    updated_at_ = column("updated_at", _("updated at"))
    updated_by_ = column("updated_by", _("updated by"))
    list_select_related = ["unit", "criterion", "updated_by"]
    search_fields = ["unit__code", "unit__name_th", "unit__name_en"]

    @admin.display(description=_("criterion"), ordering="criterion__code")
    def criterion_code(self, obj):
        return obj.criterion.code


@admin.register(FactChange)
class FactChangeAdmin(UnitScoped, RoleAccess, admin.ModelAdmin):
    view = is_central
    unit_path, contest_path = "fact__unit", "fact__rubric__contest"
    list_display = ["fact_", "old_value_", "new_value_", "source_", "changed_by_", "changed_at_"]
    list_filter = [("source", SourceFilter)]
    fact_ = column("fact", _("fact"), "fact__unit__code")
    old_value_ = column("old_value", _("old value"))
    new_value_ = column("new_value", _("new value"))
    source_ = column("get_source_display", _("source"))
    changed_by_ = column("changed_by", _("changed by"))
    changed_at_ = column("changed_at", _("changed at"))
    list_select_related = ["fact__unit", "fact__criterion", "changed_by"]
    search_fields = ["fact__unit__code", "fact__unit__name_th", "fact__criterion__code", "fact__name"]
