"""The admin site the portal runs (`cdd4.apps.PortalAdminConfig`): who may enter it. Its own module, imported
when the site is first used: the apps' admin modules register on the site as they are imported."""

from __future__ import annotations

from django.contrib import admin

from contests.permissions import is_department
from scoring.hooks import admin_entry


class PortalAdminSite(admin.AdminSite):
    def has_permission(self, request) -> bool:
        # Office staff work in the portal, never here, even if someone ticked is_staff for them; the one
        # exception is a provincial contest's panel, on its own scoring screens (hooks.admin_entry).
        user = request.user
        return user.is_active and ((user.is_staff and is_department(user)) or any(admin_entry(user)))
