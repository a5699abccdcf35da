"""A contest's rules in the back office: the rubric as one JSON document, a criterion's deadline, its award tiers
read-only, the revision history. Who may do what comes from the `rules` predicates (contests.permissions), never
from Django's model permissions; every write goes through rubrics.services and rubrics.timetable."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.admin.access import RoleAccess
from contests.permissions import is_central
from core import acts
from core.http import show
from rubrics import services, timetable
from rubrics.admin.filters import ContestFilter, ContestScoped, DimensionCodeFilter, YearFilter
from rubrics.admin.forms import CriterionDeadlineForm, RubricForm
from rubrics.models import AwardTier, ContestPeriod, Criterion, RubricChange
from rubrics.selectors import contest_file, rubric_data_next_year
from rulebook.diff import diff_lines, kept_lines
from rulebook.spec import RubricError


@admin.register(ContestPeriod)
class RubricAdmin(ContestScoped, RoleAccess, admin.ModelAdmin):
    rubric_path = "pk"
    can_add = can_change = can_delete = True
    form = RubricForm
    list_display = ["year", "name_th", "standings_computed_at"]
    actions = ["copy_to_next_year"]

    def get_fields(self, request, obj=None):
        return (
            ["data", "reason", "show_provisional"]
            if self.has_change_permission(request, obj)
            else ["as_json", "show_provisional"]
        )

    def get_readonly_fields(self, request, obj=None):
        return [] if self.has_change_permission(request, obj) else ["as_json", "show_provisional"]

    def get_form(self, request, obj=None, **kwargs):
        if not self.has_change_permission(request, obj):
            kwargs["form"] = forms.ModelForm  # readers get the JSON as text, not an editor
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user  # a class made for this request: the change is recorded as theirs
        return form

    @admin.display(description=_("the whole rubric (JSON)"))
    def as_json(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(contest_file(obj), ensure_ascii=False, indent=2))

    def has_delete_permission(self, request, obj=None):
        # Nothing is ever lost: a year that holds facts stays.
        return super().has_delete_permission(request, obj) and (obj is None or not obj.facts.exists())

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # bulk delete would bypass the per-rubric check above
        return actions

    def save_model(self, request, obj, form, change):
        # RubricForm.clean has already saved the rubric through services.rubric_edit.
        obj.save(update_fields=["show_provisional"])

    @admin.action(description=_("copy to next year"), permissions=["add"])
    def copy_to_next_year(self, request, queryset):
        acts.step_up(request.user, "ops.open_next_year")  # the admin's door to opening next year
        for rubric in queryset:
            if not rubric.contest.is_national:  # the copy has no contest block: it would be the national one
                self.message_user(
                    request,
                    format_lazy(_("{key}: only the national rubric is copied"), key=rubric.key),
                    messages.ERROR,
                )
                continue
            if ContestPeriod.objects.national().filter(year=rubric.year + 1).exists():
                self.message_user(request, format_lazy(_("{value} exists"), value=rubric.year + 1), messages.ERROR)
                continue
            try:
                services.rubric_edit(user=request.user, data=rubric_data_next_year(rubric))
            except RubricError as exc:
                show(request, exc)
                continue
            self.message_user(request, format_lazy(_("created {value}"), value=rubric.year + 1))


MOVE_BOXES = ("letter_number", "letter_date", "letter_pdf", "also")


@admin.register(Criterion)
class CriterionAdmin(ContestScoped, RoleAccess, admin.ModelAdmin):
    can_change = True  # the deadline only; the rest is edited through the rubric JSON
    form = CriterionDeadlineForm
    list_display = ["contest", "code", "number", "name_th", "year", "max_points", "deadline", "kind"]
    list_display_links = ["code"]
    list_editable = ["deadline"]
    list_filter = [YearFilter, ContestFilter, DimensionCodeFilter]
    list_select_related = ["rubric__contest"]
    # A year holds the national contest and every office's, each with its own 1.1: grouped by contest and
    # period, then the contest's own order of criteria.
    ordering = ["-rubric__year", "rubric__contest__slug", "rubric__period_order", "order"]
    search_fields = ["code", "name_th", "name_en"]
    fields = [
        *("rubric", "dimension", "code", "number", "name_th", "name_en", "max_points", "deadline", "reason"),
        *MOVE_BOXES,
        *("extra", "rule"),
    ]
    readonly_fields = ["rubric", "dimension", "code", "number", "name_th", "name_en", "max_points", "extra", "rule"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)  # a reader's page shows the criterion, no boxes of a move
        if not self.has_change_permission(request, obj):
            return [f for f in fields if f != "reason" and f not in MOVE_BOXES]
        # A criterion with nothing moving with its deadline has no such box (MoveFields.offer).
        boxes = obj is not None and bool(timetable.companions(obj.rubric, obj.code))
        return [f for f in fields if f != "also" or boxes]

    @admin.display(description=_("year"), ordering="rubric__year")
    def year(self, obj):
        return obj.rubric.year

    @admin.display(description=_("contest"), ordering="rubric__contest__slug")
    def contest(self, obj):
        # The code keeps the rows short (the name is the filter's and the tooltip's); a period is named.
        rubric = obj.rubric
        period = f" · {rubric.period_name_th or rubric.period}" if rubric.period else ""
        return format_html('<span title="{}">{}{}</span>', rubric.contest.name_th, rubric.contest.slug, period)

    @admin.display(description=_("rule"))
    def kind(self, obj):
        return obj.rule.get("kind")

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {**(extra_context or {}), "deadline_reason": request.POST.get("reason", "")}
        )

    def get_changelist_form(self, request, **kwargs):
        # The rows share the list's one reason box (templates/admin/rubrics/criterion/change_list.html).
        return type("ListDeadlineForm", (CriterionDeadlineForm,), {"shared_reason": request.POST.get("reason", "")})

    def save_model(self, request, obj, form, change):
        if change and "deadline" in form.changed_data:
            timetable.criterion_deadline_set(
                user=request.user,
                rubric=obj.rubric,
                code=obj.code,
                deadline=form.cleaned_data["deadline"],
                reason=form.why(),
                letter=form.letter(),
                also=form.also_kept(),
            )


@admin.register(AwardTier)
class AwardTierAdmin(ContestScoped, RoleAccess, admin.ModelAdmin):
    """Read-only: tiers are edited in the rubric JSON (the rubric's admin page) so one save validates all."""

    list_display = ["year", "order", "code", "name_th", "name_en", "count", "prize", "prize_th"]
    list_filter = [YearFilter]
    list_select_related = ["rubric"]
    ordering = ["-rubric__year", "order"]

    @admin.display(description=_("year"), ordering="rubric__year")
    def year(self, obj):
        return obj.rubric.year


@admin.register(RubricChange)
class RubricChangeAdmin(ContestScoped, RoleAccess, admin.ModelAdmin):
    """The revision history read-only (rubrics.revisions writes it): central staff, rows of contests they see."""

    view = is_central
    list_display = ["at", "contest", "user", "state", "reason"]
    list_filter = [YearFilter, "state"]
    list_select_related = ["contest", "user", "rubric"]
    search_fields = ["contest__slug", "reason"]
    fields = readonly_fields = (
        "contest", "rubric", "user", "at", "state", "reason", "letter_number", "letter_date", "letter_file",
        "what_changed", "archived",
    )  # fmt: skip

    @admin.display(description=_("what changed"))
    def what_changed(self, obj):
        lines = diff_lines(obj.changes) + kept_lines(obj.rounds_kept)
        return format_html_join("", "<div>{}</div>", ((line,) for line in lines))
