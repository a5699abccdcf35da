"""The working-day calendar's holiday overrides in the back office, and their history read-only: central staff;
every write goes through rubrics.timetable, which records it and rescores."""

from __future__ import annotations

from django.contrib import admin

from contests.admin.access import RoleAccess
from contests.permissions import is_central
from rubrics import timetable
from rubrics.models import HolidayOverride, HolidayOverrideChange


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(RoleAccess, admin.ModelAdmin):
    view = is_central
    can_add = can_change = can_delete = True
    list_display = ["date", "is_holiday", "name_th", "name_en"]
    list_filter = ["is_holiday"]
    fields = ["date", "is_holiday", "name_th", "name_en", "note"]

    def get_readonly_fields(self, request, obj=None):
        # The service finds an override by its date: a new date here would add a second one and leave the old.
        # A moved holiday is a removal and an addition, each recorded.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, self._be("date")] if obj is not None else readonly

    # Any holiday can move a timeliness score in any year: the services audit and rescore.
    def save_model(self, request, obj, form, change):
        saved = timetable.holiday_override_save(
            user=request.user,
            day=obj.date,
            is_holiday=obj.is_holiday,
            name_th=obj.name_th,
            name_en=obj.name_en,
            note=obj.note,
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        timetable.holiday_override_remove(user=request.user, override=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            timetable.holiday_override_remove(user=request.user, override=obj)


@admin.register(HolidayOverrideChange)
class HolidayOverrideChangeAdmin(RoleAccess, admin.ModelAdmin):
    view = is_central
    list_display = ["changed_at", "date", "action", "before", "after", "changed_by"]
    list_filter = ["action"]
    list_select_related = ["changed_by"]
    date_hierarchy = "date"
