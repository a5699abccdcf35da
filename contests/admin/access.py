"""The role-access mixins every app's admin builds on: who reads a page and who writes through it, asked of the
role predicates (contests.permissions) rather than Django's model permissions. Dates in B.E. (contests.admin.dates)."""

from __future__ import annotations

from django.contrib import admin

from contests.admin.dates import ThaiDates
from contests.admin.openable import openable
from contests.models import Unit
from contests.permissions import is_central, is_department
from core.choices import ThaiNameChoiceField
from core.validators.name import NAME_FIELDS, validate_name


class RoleAccess(ThaiDates):
    """Per-admin access from the role predicates: committee and chair read what `view` allows,
    central staff (or a superuser) also add/change/delete where the admin opts in. Dates in B.E. (ThaiDates)."""

    view = is_department
    can_add = can_change = can_delete = False

    def has_module_permission(self, request):
        return self.view(request.user)

    def has_view_permission(self, request, obj=None):
        return self.view(request.user)

    def has_add_permission(self, request, *args):
        return self.can_add and is_central(request.user)

    def has_change_permission(self, request, obj=None):
        return self.can_change and is_central(request.user)

    def has_delete_permission(self, request, obj=None):
        return self.can_delete and is_central(request.user)

    def render_change_form(self, request, context, *args, **kwargs):
        openable(context, request)
        return super().render_change_form(request, context, *args, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in NAME_FIELDS:  # a name reaches mail headers: no control character
            field.validators.append(validate_name)
        return field

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Unit holds every administrative unit; the national contest's forms offer its 76 offices only.
        if db_field.related_model is Unit:
            kwargs.setdefault("queryset", Unit.objects.provinces())
            kwargs.setdefault("form_class", ThaiNameChoiceField)  # ก–ฮ, not by code or code point
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReadOnlyInline(ThaiDates, admin.TabularInline):
    """Rows shown on a parent page that is already scoped, which nobody adds, changes or deletes here; seen by
    whoever `view` lets see the parent (the parent's rule, not Django's model permissions)."""

    view = is_department
    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return self.view(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
