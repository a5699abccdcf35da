from django.contrib import admin

from contests.admin.access import RoleAccess
from contests.admin.dates import ThaiDates
from contests.admin.scopes import UnitScoped
from contests.permissions import is_central

from .models import Evidence, InnovationReport, Submission, UploadLimit


@admin.register(UploadLimit)
class UploadLimitAdmin(RoleAccess, admin.ModelAdmin):
    # Size limits are central staff's business; the committee has nothing to do here.
    view = is_central
    can_add = can_change = can_delete = True
    list_display = ["file_kind", "max_mb"]


class EvidenceInline(ThaiDates, admin.TabularInline):
    model = Evidence
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "version",
        "kind",
        "original_name",
        "url",
        "file_kind",
        "size",
        "created_at",
        "withdrawn_at",
    )

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(UnitScoped, RoleAccess, admin.ModelAdmin):
    # Read-only: evidence is versioned and never edited; reviews go through services.submission_review.
    list_display = ["unit", "criterion", "status", "last_version"]
    # The contests of the rows the user may see, not every rubric (another office's contest is not theirs).
    list_filter = [("rubric", admin.RelatedOnlyFieldListFilter), "status", "criterion__code"]
    list_select_related = ["unit", "criterion"]
    inlines = [EvidenceInline]


@admin.register(InnovationReport)
class InnovationReportAdmin(UnitScoped, RoleAccess, admin.ModelAdmin):
    list_display = ["unit", "rubric", "version", "title_th", "created_at"]
    list_select_related = ["unit", "rubric"]
