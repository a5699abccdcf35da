"""The standings in the back office, read-only: the rows of units the user may see, with their award and whether
a recompute is awaited."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from contests.admin.access import RoleAccess
from contests.admin.scopes import UnitScoped
from rubrics.admin.filters import YearFilter
from rubrics.models import AwardTier
from scoring.admin.forms import AwardFilter, column
from scoring.models import Standing


@admin.register(Standing)
class StandingAdmin(UnitScoped, RoleAccess, admin.ModelAdmin):
    list_display = ["rank_", "province_", "year", "total_", "award_name", "tied_", "award_tie_", "stale", "computed"]
    list_display_links = ["province_"]
    rank_ = column("rank", _("rank"))
    province_ = column("unit", _("unit"), "unit__code")
    total_ = column("total", _("total"))
    tied_ = column("tied", _("tied"), boolean=True)
    award_tie_ = column("award_tie", _("tie at an award cut"), boolean=True)
    computed = column("computed_at", _("computed at"))
    list_filter = [YearFilter, AwardFilter]
    list_select_related = ["unit", "rubric"]
    ordering = ["-rubric__year", "rank", "unit__code"]

    def get_queryset(self, request):
        tier = AwardTier.objects.filter(rubric=OuterRef("rubric"), code=OuterRef("award"))
        return super().get_queryset(request).annotate(award_th=Subquery(tier.values("name_th")[:1]))

    @admin.display(description=_("year"), ordering="rubric__year")
    def year(self, obj):
        return obj.rubric.year

    @admin.display(description=_("award"), ordering="award")
    def award_name(self, obj):
        return obj.award_th or "-"

    @admin.display(description=_("awaiting recompute"), boolean=True)
    def stale(self, obj):
        return obj.change_seq > obj.computed_seq
