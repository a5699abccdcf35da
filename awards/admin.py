from django.contrib import admin

from scoring.admin_forms import RoleAccess, YearFilter

from .models import AwardTier


@admin.register(AwardTier)
class AwardTierAdmin(RoleAccess, admin.ModelAdmin):
    """Read-only: tiers are edited in the rubric JSON (scoring › rubrics) so one save validates all."""

    list_display = ["year", "order", "code", "name_th", "name_en", "count", "prize", "prize_th"]
    list_filter = [YearFilter]
    list_select_related = ["rubric"]
    ordering = ["-rubric__year", "order"]

    @admin.display(description="ปี / year", ordering="rubric__year")
    def year(self, obj):
        return obj.rubric.year
