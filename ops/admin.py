from django.contrib import admin
from django.db import models

from contests.admin.access import RoleAccess
from contests.permissions import is_central

from .models import SiteContact


@admin.register(SiteContact)
class SiteContactAdmin(RoleAccess, admin.ModelAdmin):
    """Central staff set the help desk's phone, e-mail and LINE Official Account: one row, never deleted."""

    view = is_central
    can_add = can_change = True
    list_display = ["phone", "email", "line_id", "updated_at"]
    fields = ["phone", "email", "line_id", "line_url", "hours"]

    def has_add_permission(self, request):
        # The one row is made by its migration and by bootstrap: central staff change it, never add a second.
        # Asking whether it exists cost a query on every admin page, whose sidebar asks this of each model.
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):  # a LINE link typed without its scheme is https
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)
