from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from contests.admin.access import RoleAccess
from contests.permissions import is_central
from core import acts
from core.errors import PortalError
from core.sheets import exporter
from core.thai import digits
from rubrics.admin.filters import YearFilter
from rubrics.models import ContestPeriod

from . import services
from .models import AwardSignature, DocumentStatus, GeneratedDocument, SigningCertificate


@admin.register(AwardSignature)
class AwardSignatureAdmin(RoleAccess, admin.ModelAdmin):
    """Central staff set who signs; saving goes through the service so documents get a new version."""

    view = is_central
    can_add = can_change = True
    list_display = ["rubric", "signer_name", "announced_on", "updated_at"]
    fields = ["rubric", "signer_name", "signer_position", "announced_on"]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":  # the act's factor before the form is read (services.signature_set asks too)
            acts.step_up(request.user, "awards.change_signature")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        saved = services.signature_set(
            rubric=obj.rubric,
            signer_name=obj.signer_name,
            signer_position=obj.signer_position,
            announced_on=obj.announced_on,
            user=request.user,
        )
        obj.pk = saved.pk


@admin.register(SigningCertificate)
class SigningCertificateAdmin(RoleAccess, admin.ModelAdmin):
    """Read-only record of every uploaded certificate; uploading and withdrawing are on the results page,
    beside the signatory, where the key is checked and sealed (never through a plain admin form)."""

    view = is_central
    list_display = ["subject", "issuer", "not_after", "active", "uploaded_at", "uploaded_by", "fingerprint"]
    fields = readonly_fields = (
        "subject",
        "issuer",
        "serial",
        "fingerprint",
        "not_before",
        "not_after",
        "active",
        "uploaded_at",
    )


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(RoleAccess, admin.ModelAdmin):
    """Documents made so far; the page at /awards/years/<year>/ makes new ones. Also the spreadsheets."""

    view = is_central
    list_display = ["year", "kind", "scope", "version_shown", "status", "progress", "pages", "requested_at", "download"]
    list_filter = [YearFilter, "kind", "status"]
    list_select_related = ["rubric"]
    change_list_template = "awards/admin/document_change_list.html"
    actions = ["regenerate"]

    @admin.display(description=_("year"), ordering="rubric__year")
    def year(self, obj):
        return obj.rubric.year

    @admin.display(description=_("version"), ordering="version")
    def version_shown(self, obj):
        return digits(obj.version)  # as every page shows a document's version: ฉบับที่ ๓

    @admin.display(description=_("file"))
    def download(self, obj):
        if obj.status != DocumentStatus.DONE:
            return "–"
        return format_html('<a href="{}">PDF</a>', reverse("awards:download", args=[obj.pk]))

    @admin.action(description=_("regenerate for the current standings"))
    def regenerate(self, request, queryset):
        acts.step_up(request.user, "awards.generate_documents")  # services.document_request asks it too
        for doc in queryset.select_related("rubric", "unit"):
            try:  # an awardee's certificate, once the awardee has no award in the current standings: said why
                new = services.document_request(rubric=doc.rubric, kind=doc.kind, unit=doc.unit, user=request.user)
            except PortalError as exc:
                self.message_user(request, str(exc), level=messages.ERROR)
            else:
                self.message_user(request, new.summary)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        years = list(ContestPeriod.objects.national().values_list("year", flat=True))
        sheets = [(e.identifier, fmt) for e in exporter.year_sheets(request.user) for fmt in e.formats]
        extra = {"export_years": years, "export_sheets": sheets, **(extra_context or {})}
        return super().changelist_view(request, extra)
