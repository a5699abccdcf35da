"""The selection in stages (seed 002) in the admin, read-only: the stages and the files each pick must come
with (set by contests/data/stages.json, which `bootstrap` and `manage.py stages_load` load again, so an edit
here would not last), the picks with every file sent, and the register of past models with its sources.

A pick is made or withdrawn only on the stage's page (`stages.services.stage_select`, `stage_withdraw`), where
the quota, the deadline and the register are checked: nothing here adds, changes or deletes one. Central
staff see everything; an organiser its own stage and the stages below it, their picks under its office only
(stages.selectors, the pages' own rule), and the register's rows of its units."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from contests.admin.access import ReadOnlyInline, RoleAccess
from contests.permissions import is_central, is_organiser
from contests.regions import region_of
from stages.models import PastModel, RegisterSource, Stage, StageEntry, StageFile, StageUpload
from stages.selectors import past_models_for_user, picks_for_user, province_of, stages_for_user

picks_or_runs = is_central | is_organiser
FROM_FILE = _("set by contests/data/stages.json (bootstrap, manage.py stages_load): change it there")


class StageFileInline(ReadOnlyInline):
    model = StageFile
    view = picks_or_runs
    fields = readonly_fields = ("code", "name_th", "name_en", "kind", "deadline", "min_seconds", "max_seconds")
    verbose_name_plural = _("files each pick must come with")


@admin.register(Stage)
class StageAdmin(RoleAccess, admin.ModelAdmin):
    view = picks_or_runs
    list_display = ["slug", "previous_slug", "chooser_level", "quota", "deadline", "rank_within", "picks", "page"]
    list_display_links = ["slug"]
    list_select_related = ["contest", "previous"]
    LINES = (
        "contest", "previous", "chooser_level", "quota", "deadline", "rank_within", "register",
        ("barred_from", "barred_to"), "barred", "quote_th",
    )  # fmt: skip
    fieldsets = [(None, {"description": FROM_FILE, "fields": LINES})]
    readonly_fields = [
        "contest", "previous", "chooser_level", "quota", "deadline", "rank_within", "register", "barred_from",
        "barred_to", "barred", "quote_th",
    ]  # fmt: skip
    inlines = [StageFileInline]

    def get_queryset(self, request):
        # The changelist, detail and history are all built on this: one scope for them all.
        return (
            super()
            .get_queryset(request)
            .filter(pk__in=stages_for_user(request.user))
            .annotate(picks_count=Count("entries"))
        )

    @admin.display(description=_("contest"), ordering="contest__slug")
    def slug(self, obj):
        return format_html('{}<br><span class="help">{}</span>', obj.contest.slug, obj.contest.name_th)

    @admin.display(description=_("previous stage"), ordering="previous__slug")
    def previous_slug(self, obj):
        return obj.previous.slug if obj.previous else "-"

    @admin.display(description=_("picks"), ordering="picks_count")
    def picks(self, obj):
        return obj.picks_count

    @admin.display(description=_("picking page"))
    def page(self, obj):
        url = reverse("stages:stage", kwargs={"slug": obj.contest.slug})
        return format_html('<a href="{}">{}</a>', url, _("pick or withdraw there"))


class StageUploadInline(ReadOnlyInline):
    model = StageUpload
    view = picks_or_runs
    fields = readonly_fields = ("requirement", "file", "seconds", "sha256", "uploaded_at", "uploaded_by")
    ordering = ["requirement", "-uploaded_at"]
    verbose_name_plural = _("files sent (every one; the latest counts)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requirement", "uploaded_by")


@admin.register(StageEntry)
class StageEntryAdmin(RoleAccess, admin.ModelAdmin):
    view = picks_or_runs  # read-only for everyone: picks are made on the stage's page, through the service
    list_display = ["unit_name", "province", "region", "chooser", "stage_slug", "chosen_at", "chosen_by"]
    list_select_related = ["unit__parent__parent", "chooser", "stage__contest", "chosen_by"]
    list_filter = [("stage", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["unit__code", "unit__name_th", "unit__name_en", "chooser__name_th"]
    fields = readonly_fields = ("stage", "unit", "chooser", "chosen_at", "chosen_by")
    inlines = [StageUploadInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=picks_for_user(request.user).values("pk"))

    @admin.display(description=_("subdistrict"), ordering="unit__name_order")
    def unit_name(self, obj):
        return f"{obj.unit.name_th} ({obj.unit.code})"

    @admin.display(description=_("stage"), ordering="stage__contest__slug")
    def stage_slug(self, obj):
        return obj.stage.contest.slug

    @admin.display(description=_("province"))
    def province(self, obj):
        province = province_of(obj.unit)
        return province.name_th if province else "-"

    @admin.display(description=_("inspection region"))
    def region(self, obj):
        province = province_of(obj.unit)
        found = region_of(province.code) if province else None
        return found.name_th if found else "-"


@admin.register(PastModel)
class PastModelAdmin(RoleAccess, admin.ModelAdmin):
    view = picks_or_runs
    list_display = ["unit", "program", "year", "level", "source"]
    list_select_related = ["unit", "source"]
    list_filter = ["program", "year", "level"]
    search_fields = ["unit__code", "unit__name_th", "unit__name_en"]
    fields = readonly_fields = ("program", "unit", "year", "level", "source")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=past_models_for_user(request.user).values("pk"))


@admin.register(RegisterSource)
class RegisterSourceAdmin(RoleAccess, admin.ModelAdmin):
    """Where each import of the register came from; the import itself is on /standings/stages/."""

    view = is_central
    list_display = ["program", "name_th", "file_name", "rows", "imported_at", "imported_by"]
    list_select_related = ["imported_by"]
    fields = readonly_fields = ("program", "name_th", "file_name", "sha256", "rows", "imported_at", "imported_by")
