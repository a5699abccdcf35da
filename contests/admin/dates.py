"""Dates in the admin in the Buddhist Era, as everywhere else in the portal: "23 พ.ย. 2569 14:05 น.".

Django's th locale prints Gregorian years ("23 พฤศจิกายน 2026"), and neither its format files nor
admin.utils.display_for_field can add 543. So each date or timestamp field an admin shows by name, in
its list or read-only on a detail page, goes through a column made here; and a date is typed the way
the product reads dates (contests.date_fields: 23/11/2569, 23 พ.ย. 69, 2026-11-23), never through
the browser's or Django's Gregorian date pickers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language

from contests.date_fields import ThaiDateField, ThaiDateInput
from core.thai import local, thai_date, thai_datetime
from rulebook.dates import en_date


def be_text(value: date | datetime) -> str:
    """23 พ.ย. 2569 (14:05 น.); in English 23 Nov 2026 (14:05), the language its months are named in."""
    english = (get_language() or "th").startswith("en")
    if isinstance(value, datetime):
        if english:
            moment = local(value)
            return f"{en_date(moment.date())} {moment:%H:%M}"
        return thai_datetime(value, short=True, digits=False)
    return en_date(value) if english else thai_date(value, short=True, digits=False)


def be_column(field: models.DateField, empty: str):
    @admin.display(description=capfirst(field.verbose_name), ordering=field.name)
    def show(obj):
        value = getattr(obj, field.attname)
        return empty if value is None else be_text(value)

    show.__name__ = field.name  # the column keeps Django's CSS class, field-<name>
    return show


if TYPE_CHECKING:
    MixedInto = admin.ModelAdmin[Any]  # what the mixin is mixed into (an inline too), as the checker reads it
else:
    MixedInto = object


class ThaiDates(MixedInto):
    """For ModelAdmin and inlines (before Django's class in the bases): B.E. columns and B.E. date entry."""

    def _be(self, name):
        if not isinstance(name, str):
            return name
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return name
        if not isinstance(field, models.DateField):  # DateTimeField is one too
            return name
        columns = self.__dict__.setdefault("_be_columns", {})
        if name not in columns:
            columns[name] = be_column(field, self.get_empty_value_display())
        return columns[name]

    def get_list_display(self, request):
        editable = set(getattr(self, "list_editable", ()))  # an editable date stays its form field
        return [name if name in editable else self._be(name) for name in super().get_list_display(request)]

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        return [self._be(name) for name in links] if links else links

    def get_readonly_fields(self, request, obj=None):
        return [self._be(name) for name in super().get_readonly_fields(request, obj)]

    def get_fieldsets(self, request, obj=None):
        # The columns stand where the names are read-only: every name on a page the user may only view
        # (Django then shows all fields read-only); get_form leaves those columns out of the form.
        page = isinstance(self, admin.ModelAdmin) and obj is not None  # an inline's rows follow its parent
        view_only = page and not self.has_change_permission(request, obj)
        readonly = set(self.get_readonly_fields(request, obj))
        return [
            (title, {**options, "fields": [self._line(line, readonly, view_only) for line in options["fields"]]})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def _line(self, line, readonly, view_only):
        if isinstance(line, list | tuple):
            return type(line)(self._line(name, readonly, view_only) for name in line)
        column = self._be(line)
        return column if view_only or column in readonly else line

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields"):
            kwargs["fields"] = [name for name in kwargs["fields"] if isinstance(name, str)]
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
            kwargs = {"form_class": ThaiDateField, "widget": ThaiDateInput, **kwargs}
        return super().formfield_for_dbfield(db_field, request, **kwargs)
