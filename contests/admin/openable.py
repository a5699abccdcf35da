"""A read-only field on an admin page links to the related row's page only when the viewer may open it.

Django links every read-only foreign key to the related row's change page without asking that page's admin,
so an organiser reading a judgment met a 403 behind its contest, criterion and member. `Openable` wraps the
page's forms as they are iterated and asks the related admin (which asks the lock) before linking."""

from __future__ import annotations

from functools import partial

from django.contrib.admin import helpers
from django.contrib.admin.exceptions import NotRegistered


class Openable:
    """Iterates like the admin form, inline formset, fieldset or line it wraps; attributes pass through."""

    def __init__(self, inner, request) -> None:
        self._inner = inner
        self._request = request

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __iter__(self):
        for item in self._inner:
            if isinstance(item, helpers.AdminReadonlyField):
                item.get_admin_url = partial(_link, item, self._request)  # type: ignore[attr-defined]  # not in the stubs
                yield item
            elif isinstance(item, helpers.AdminField):
                yield item
            else:
                yield Openable(item, self._request)


def _link(field: helpers.AdminReadonlyField, request, remote_field, remote_obj) -> str:
    if field.model_admin is None:  # not on an admin page: no admin to ask, so no link
        return str(remote_obj)
    try:
        related = field.model_admin.admin_site.get_model_admin(remote_field.model)
    except NotRegistered:
        return str(remote_obj)
    if not related.has_view_permission(request, remote_obj):
        return str(remote_obj)
    # django-stubs lacks AdminReadonlyField.get_admin_url (Django's own link, once the related admin allows it)
    return helpers.AdminReadonlyField.get_admin_url(field, remote_field, remote_obj)  # type: ignore[attr-defined]


def openable(context: dict, request) -> None:
    """Wraps a change page's form and inline formsets in place (ModelAdmin.render_change_form's context)."""
    context["adminform"] = Openable(context["adminform"], request)
    context["inline_admin_formsets"] = [Openable(f, request) for f in context.get("inline_admin_formsets", [])]
