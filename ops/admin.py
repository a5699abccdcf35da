from django.contrib import admin

from contests.permissions import is_central
from scoring.admin.forms import RoleAccess

from .models import SiteContact


@admin.register(SiteContact)
class SiteContactAdmin(RoleAccess, admin.ModelAdmin):
    """Central staff set the help desk's phone, e-mail and LINE Official Account: one row, never deleted."""

    view = is_central
    can_add = can_change = True
    list_display = ["phone", "email", "line_id", "updated_at"]
    fields = ["phone", "email", "line_id", "line_url", "hours"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteContact.objects.exists()
