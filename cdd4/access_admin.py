"""Access records in the admin. API tokens: central staff create one for a user with a role, see it once,
delete to revoke. Failed-login records (axes): central staff read them and delete a row to unlock.

Only the SHA-512 digest is stored (django-rest-knox); the token itself is shown once, in the very response
to the form that made it: never in a message (Django keeps those in a cookie first), a redirect or the
session. It lives 1 to 365 days, so a leaked one does not stay good for ever.
"""

from __future__ import annotations

from datetime import timedelta

from axes.admin import AccessAttemptAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from knox.admin import AuthTokenAdmin, AuthTokenCreateForm
from knox.models import AuthToken
from knox.settings import knox_settings

from contests.admin.access import RoleAccess
from contests.permissions import is_central
from core import acts
from people import directory

MAX_DAYS = 365
DAYS_ERROR = _("a token lives 1 to 365 whole days")


class ApiTokenForm(AuthTokenCreateForm):
    days = forms.IntegerField(
        label=_("lifetime (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=lambda: min(knox_settings.TOKEN_TTL.days, MAX_DAYS),
        error_messages={key: DAYS_ERROR for key in ("required", "invalid", "min_value", "max_value")},
        help_text=_("the token stops working after this many days"),
    )

    class Meta(AuthTokenCreateForm.Meta):
        fields = ["user"]  # the expiry is computed from `days`, never typed in

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True, membership__isnull=False)
        self.fields["user"].queryset = users.select_related("membership__unit").order_by("username")
        self.fields["user"].label = _("user (the token has this user's role)")
        self.fields["user"].label_from_instance = lambda u: f"{u.username} · {directory.role_label(u)}"

    def save(self, commit=True):
        token = super().save(commit=False)
        token.expiry = timezone.now() + timedelta(days=self.cleaned_data["days"])
        if commit:
            token.save()
        return token


admin.site.unregister(AuthToken)  # knox's own admin: model permissions, raw ids, an English message


@admin.register(AuthToken)
class ApiTokenAdmin(RoleAccess, AuthTokenAdmin):
    view = is_central
    can_add = can_delete = True
    add_form = ApiTokenForm
    raw_id_fields = ()
    list_display = ["token_key", "user", "role", "created", "expiry"]
    list_select_related = ["user__membership"]

    @admin.display(description=_("role"), ordering="user__membership__role")
    def role(self, obj):
        return directory.role_label(obj.user)

    def add_view(self, request, form_url="", extra_context=None):
        acts.step_up(request.user, "accounts.api_token")  # a token acts without a second factor: made only with one
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # knox's own save_model puts the token in a message; Django's default storage keeps that in a cookie.
        admin.ModelAdmin.save_model(self, request, obj, form, change)
        if not change:
            obj.shown_once = form.token

    def response_add(self, request, obj, post_url_continue=None):
        context = {
            **self.admin_site.each_context(request),
            "title": _("new API token"),
            "opts": self.opts,
            "row": obj,
            "token": obj.shown_once,
        }
        response = TemplateResponse(request, "admin/knox/authtoken/created.html", context)
        add_never_cache_headers(response)  # no browser or proxy cache keeps a copy of the page
        return response


# Failed-login records (django-axes): central staff read them and unlock a pair by deleting its row;
# no one edits them. axes registers them with Django's model permissions, which this portal does not use.
for model, base in [(AccessAttempt, AccessAttemptAdmin), (AccessLog, AccessLogAdmin), (AccessFailureLog, None)]:
    admin.site.unregister(model)
    if base is not None:
        admin.site.register(
            model,
            type(
                f"Portal{base.__name__}",
                (RoleAccess, base),
                {"__module__": __name__, "view": is_central, "can_delete": True},
            ),
        )
