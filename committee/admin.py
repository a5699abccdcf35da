"""Committee scoring in the admin (Thai first). Lists are read-only views scoped by `for_contests`;
scores are entered on the scoring screen (admin_views.score), which calls the services. The lists of
judgments and of their history are a provincial contest's panel's and organisers' too, with
its rows only; every other list stays the Department's."""

from __future__ import annotations

import rules
from django.contrib import admin
from django.http import Http404
from django.urls import path
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import core.converters  # noqa: F401  (registers <contest:…>)
from contests.admin.access import RoleAccess
from contests.admin.dates import ThaiDates
from contests.models import Unit
from contests.permissions import is_central, is_department
from core import acts, gate
from core.sheets import exporter
from core.thai import thai_sorted
from people import directory
from people.models import Conflict
from rubrics.admin.filters import CriterionCodeFilter, YearFilter, code_key
from scoring.admin.forms import column

from . import admin_import, admin_views, selectors, services
from .models import ChairFinal, Clarification, ClarificationMessage, Judgment, Override, ScoreChange
from .querysets import seat

judges_contests = rules.predicate(selectors.judges_contests)


class DimensionFilter(admin.SimpleListFilter):
    title = _("dimension")
    parameter_name = "dimension"

    def lookups(self, request, model_admin):
        rows = model_admin.model.objects if seat(request.user, None) else model_admin.get_queryset(request)
        codes = sorted({c for c in rows.values_list("criterion__dimension__code", flat=True)})
        return [(c, c) for c in codes]

    def queryset(self, request, queryset):
        return queryset.filter(criterion__dimension__code=self.value()) if self.value() else queryset


class UnitFilter(admin.SimpleListFilter):
    """The units the user's rows are about, and no other: a conflicted unit's rows are not the user's, so it is
    not even offered. Not every unit the user may see: central staff may see all 8,455, and a list of them
    made the page as heavy as its rows a hundredfold. A panel's member or an organiser: "entrant"."""

    title = _("unit")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        pairs = model_admin.get_queryset(request).order_by().values_list("unit__code", "unit__name_th").distinct()
        if seat(request.user, None) is None:
            self.title = _("entrant")
            return sorted(pairs)
        return thai_sorted(pairs, key=lambda p: p[1])

    def queryset(self, request, queryset):
        return queryset.filter(unit__code=self.value()) if self.value() else queryset


class ContestFilter(admin.SimpleListFilter):
    """A panel's member or an organiser: the contests (and periods) they judge or run, for the years."""

    title = _("contest")
    parameter_name = "contest"

    def lookups(self, request, model_admin):
        return [(str(r.pk), admin_views.rubric_name(r)) for r in selectors.judged_rubrics(request.user)]

    def queryset(self, request, queryset):
        return queryset.filter(rubric_id=self.value()) if self.value() else queryset


class ContestCriterionFilter(CriterionCodeFilter):
    """A panel's member or an organiser: the criteria their rows are about, not every contest's."""

    def lookups(self, request, model_admin):
        codes = set(model_admin.get_queryset(request).values_list("criterion__code", flat=True))
        return [(c, c) for c in sorted(codes, key=code_key)]


FILTERS: tuple[type[admin.SimpleListFilter] | str, ...] = (YearFilter, DimensionFilter, CriterionCodeFilter, UnitFilter)
PANEL_FILTERS = {YearFilter: ContestFilter, CriterionCodeFilter: ContestCriterionFilter}


class ScopedAdmin(RoleAccess, admin.ModelAdmin):
    view = is_department
    list_select_related = ["rubric__contest", "unit", "criterion"]
    list_filter = FILTERS

    def get_queryset(self, request):
        return super().get_queryset(request).for_contests(request.user)

    def get_list_filter(self, request):
        if seat(request.user, None) is None:  # a panel's: its contests, not the national years
            return [PANEL_FILTERS.get(f, f) for f in self.list_filter]
        return self.list_filter

    def get_list_display(self, request):
        shown = super().get_list_display(request)  # ThaiDates: timestamps in B.E., "24 พ.ย. 2569 11:46 น."
        if seat(request.user, None) is None:  # a panel's entrants are district or subdistrict offices
            return ["entrant" if f == "unit" else f for f in shown]
        return shown

    @admin.display(description=_("entrant"), ordering="unit__code")
    def entrant(self, obj):
        return obj.unit

    @admin.display(description=_("criterion"), ordering="criterion__order")
    def criterion_code(self, obj):
        return obj.criterion.code

    @admin.display(description=_("scoring screen"))
    def open_screen(self, obj):
        url = admin_views.score_url(obj.rubric.key, obj.unit.code, obj.criterion.code)
        return format_html('<a href="{}">{}</a>', url, _("open"))


@admin.register(Judgment)
class JudgmentAdmin(ScopedAdmin):
    view = is_department | judges_contests
    list_display = ["unit", "criterion_code", "member_", "points_", "version", "updated_at_", "open_screen"]
    list_select_related = ["rubric__contest", "unit", "criterion", "member"]
    member_ = column("member", _("member"), "member__username")
    points_ = column("points", _("points"))
    updated_at_ = column("updated_at", _("updated at"))
    change_list_template = "admin/committee/judgment/change_list.html"

    def changelist_view(self, request, extra_context=None):
        # rules' own check: a False from user.has_perm would fall through to ModelBackend (+2 queries).
        user = request.user
        can = rules.has_perm("committee.import_judgments", user) if seat(user, None) else selectors.import_rubrics(user)
        extra = {"can_import": bool(can), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def get_urls(self):
        site = self.admin_site

        def wrap(view):
            return site.admin_view(lambda request, *a, **kw: view(request, site, *a, **kw))

        return [
            path("matrix/", wrap(admin_views.matrix), name="committee_matrix"),
            path("next/", wrap(admin_views.next_unscored), name="committee_next"),
            path("score/<contest:key>/<str:unit>/<str:criterion>/", wrap(admin_views.score), name="committee_score"),
            path("evidence/<int:pk>/", wrap(admin_views.evidence_inline), name="committee_evidence"),
            path("evidence/<int:pk>/file/", wrap(admin_views.evidence_file), name="committee_evidence_file"),
            path("import/", wrap(admin_import.judgment_import), name="committee_judgment_import"),
            path("import/template/", wrap(admin_import.judgment_import_template), name="committee_judgment_template"),
            *super().get_urls(),
        ]


@admin.register(ChairFinal)
class ChairFinalAdmin(ScopedAdmin):
    list_display = ["unit", "criterion_code", "points_", "reason", "by", "version", "open_screen"]
    list_select_related = ["rubric__contest", "unit", "criterion", "by"]
    points_ = column("points", _("points"))


@admin.register(Override)
class OverrideAdmin(ChairFinalAdmin):
    pass


@admin.register(ScoreChange)
class ScoreChangeAdmin(ScopedAdmin):
    view = is_department | judges_contests
    list_display = [
        "changed_at_",
        "unit",
        "criterion_code",
        "kind_",
        "member",
        "old_",
        "new_",
        "reason",
        "source_",
        "changed_by",
    ]
    list_select_related = ["rubric__contest", "unit", "criterion", "member", "changed_by"]
    list_filter = (*FILTERS, "kind", "source")
    changed_at_ = column("changed_at", _("when"))
    kind_ = column("get_kind_display", _("kind"))
    old_ = column("old_points", _("old"))
    new_ = column("new_points", _("new"))
    source_ = column("get_source_display", pgettext_lazy("committee.admin", "source"))
    change_list_template = "admin/committee/scorechange/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.export_view)
        return [path("export/", view, name="committee_scorechange_export"), *super().get_urls()]

    def export_view(self, request):
        history = exporter.get("score-history")
        gate.require(request, history.permission)
        request.GET = request.GET.copy()
        fmt = request.GET.pop("format", ["csv"])[-1]
        if fmt not in history.formats:
            raise Http404(format_lazy(_("no format {fmt}"), fmt=fmt))
        # The changelist's own filters and scope: the file holds exactly what the page lists.
        queryset = self.get_changelist_instance(request).get_queryset(request)
        return exporter.response(queryset, history.identifier, fmt)

    def changelist_view(self, request, extra_context=None):
        history = exporter.get("score-history")
        can_export = acts.allowed(request.user, history.permission)
        extra = {"can_export": can_export, "export_formats": history.formats, **(extra_context or {})}
        return super().changelist_view(request, extra)


@admin.register(Conflict)
class ConflictAdmin(RoleAccess, admin.ModelAdmin):
    """Central staff record conflicts of interest; saved and removed through `services.conflict_set`."""

    view = is_central
    can_add = can_delete = True
    list_display = ["member", "unit", "reason", "created_at"]
    list_select_related = ["member", "unit"]
    fields = ["member", "unit", "reason"]
    # Any unit, at the level a contest is entered (a province, a district, a subdistrict): searched, since
    # 8,455 units are too many for a list; the conflict covers every unit under it.
    autocomplete_fields = ["unit"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "member":
            kwargs["queryset"] = directory.committee()
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        saved = services.conflict_set(
            by=request.user, member=obj.member, unit=obj.unit, conflicted=True, reason=obj.reason
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.conflict_set(by=request.user, member=obj.member, unit=obj.unit, conflicted=False)

    def delete_queryset(self, request, queryset):
        for obj in queryset.select_related("member", "unit"):
            self.delete_model(request, obj)


class MessageInline(ThaiDates, admin.TabularInline):
    model = ClarificationMessage
    fields = readonly_fields = ("created_at", "kind", "author", "body")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return is_department(request.user)


@admin.register(Clarification)
class ClarificationAdmin(ScopedAdmin):
    list_display = ["unit", "criterion_code", "status", "opened_by", "opened_at", "open_screen"]
    list_select_related = ["rubric__contest", "unit", "criterion", "opened_by"]
    list_filter = (*FILTERS, "status")
    inlines = [MessageInline]
    fields = readonly_fields = (
        "rubric",
        "unit",
        "criterion",
        "status",
        "opened_by",
        "opened_at",
        "closed_by",
        "closed_at",
    )
