"""A contest's nominees in the admin, read-only with every version inline. Offices set their nominee on
their own page of the contest (and the API), both through nominees.services.nominee_submit; no one edits
here, but whoever runs the contest may withdraw one ("ถอนรายชื่อ", the action, through nominee_withdraw as
the page and the API do). Central staff see every contest's; an organiser, those of the contests its office runs
(nominations.nominees_for_user, the one scope)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.admin.access import ReadOnlyInline, RoleAccess
from contests.permissions import is_central, is_organiser
from core.errors import PortalError
from nominees.models import Nominee, NomineeVersion
from nominees.selectors import nominees_for_user
from nominees.services import nominee_withdraw

runs_contests = is_central | is_organiser
FIELDS = (
    "version",
    "state",
    "name_th",
    "position_th",
    "name_en",
    "employment",
    "office",
    "submitted_at",
    "submitted_by",
)


class NomineeVersionInline(ReadOnlyInline):
    """Every name the office sent, newest first; the first stays when it is changed."""

    model = NomineeVersion
    view = runs_contests
    fields = readonly_fields = FIELDS
    ordering = ["-version"]
    verbose_name = verbose_name_plural = _("nominee history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("submitted_by", "office")


@admin.register(Nominee)
class NomineeAdmin(RoleAccess, admin.ModelAdmin):
    view = runs_contests  # read-only for everyone: can_add = can_change = can_delete = False
    list_display = [
        "name_th", "position_th", "employment", "unit", "office", "state", "contest", "version", "submitted_at",
        "submitted_by",
    ]  # fmt: skip
    list_select_related = ["unit", "contest", "office", "submitted_by"]
    list_filter = [("contest", admin.RelatedOnlyFieldListFilter), "state"]
    actions = ["withdraw"]
    search_fields = ["name_th", "name_en", "position_th", "unit__code", "unit__name_th"]
    fields = readonly_fields = ("contest", "unit", *FIELDS)
    inlines = [NomineeVersionInline]

    @admin.action(description=_("withdraw the nominee"))
    def withdraw(self, request, queryset):
        for nominee in queryset.select_related("contest", "unit"):
            try:
                nominee_withdraw(user=request.user, contest=nominee.contest, unit=nominee.unit)
            except (PortalError, PermissionDenied, Http404) as exc:
                refusal = str(exc) or _("not allowed")
                self.message_user(request, f"{nominee.name_th} ({nominee.unit.code}): {refusal}", messages.ERROR)
            else:
                self.message_user(request, format_lazy(_("{name_th} withdrawn"), name_th=nominee.name_th))

    def get_queryset(self, request):
        # The changelist, search, filters, detail and history are all built on this: one scope for them all.
        # The scope selects contest and unit already, so the changelist would skip list_select_related.
        rows = nominees_for_user(request.user).select_related(*self.list_select_related)
        ordering = self.get_ordering(request)
        return rows.order_by(*ordering) if ordering else rows
