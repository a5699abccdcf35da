"""Units in the admin: every user reads the units they may see; nobody adds, changes or deletes one here (the
register is contests' data)."""

from __future__ import annotations

from django.contrib import admin

from contests.admin.access import RoleAccess
from contests.admin.scopes import UnitScoped
from contests.models import Unit


@admin.register(Unit)
class UnitAdmin(UnitScoped, RoleAccess, admin.ModelAdmin):
    unit_path, contest_path = "pk", None  # autocomplete and search too: a conflicted province is not offered
    list_display = ["code", "dopa_code", "thai_name", "name_en", "level", "size_group", "region"]
    list_filter = ["level", "size_group", "region"]
    search_fields = ["code", "name_th", "name_en"]
    ordering = ["name_order"]  # ก–ฮ

    @admin.display(description=Unit._meta.get_field("name_th").verbose_name, ordering="name_order")
    def thai_name(self, unit):
        return unit.name_th
