"""Access records in the admin. API tokens: central staff create one for a user with a role, see it once,
delete to revoke. Failed-login records (axes): central staff read them and delete a row to unlock.

Only the SHA-512 digest is stored (django-rest-knox); the token itself is shown once, right after it is made.
"""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils import timezone
from knox.admin import AuthTokenAdmin, AuthTokenCreateForm
from knox.models import AuthToken
from knox.settings import knox_settings

from .admin_forms import RoleAccess
from .permissions import is_central


class ApiTokenForm(AuthTokenCreateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True, membership__isnull=False)
        self.fields["user"].queryset = users.select_related("membership__province").order_by("username")
        self.fields["user"].label = "ผู้ใช้ (โทเค็นมีสิทธิ์ตามบทบาทของผู้ใช้นี้) / user (the token has this user's role)"
        self.fields["user"].label_from_instance = lambda u: f"{u.username} · {u.membership.get_role_display()}"
        self.fields["expiry"] = forms.DateTimeField(
            label="หมดอายุ / expires",
            initial=lambda: timezone.now() + knox_settings.TOKEN_TTL,
            help_text="โทเค็นใช้ไม่ได้หลังเวลานี้ / the token stops working after this time",
        )


admin.site.unregister(AuthToken)  # knox's own admin: model permissions, raw ids, an English message


@admin.register(AuthToken)
class ApiTokenAdmin(RoleAccess, AuthTokenAdmin):
    view = is_central
    can_add = can_delete = True
    add_form = ApiTokenForm
    raw_id_fields = ()
    list_display = ["token_key", "user", "role", "created", "expiry"]
    list_select_related = ["user__membership"]

    @admin.display(description="บทบาท / role", ordering="user__membership__role")
    def role(self, obj):
        membership = getattr(obj.user, "membership", None)
        return membership.get_role_display() if membership else "-"

    def save_model(self, request, obj, form, change):
        admin.ModelAdmin.save_model(self, request, obj, form, change)
        if not change:
            self.message_user(
                request,
                f"โทเค็นใหม่ (แสดงครั้งเดียว คัดลอกเก็บไว้ตอนนี้ ระบบเก็บเฉพาะค่าแฮช) / new token (shown once; "
                f"copy it now, only its hash is kept): {form.token}",
                messages.WARNING,
            )


# Failed-login records (django-axes): central staff read them and unlock a pair by deleting its row;
# no one edits them. axes registers them with Django's model permissions, which this portal does not use.
for model, base in [(AccessAttempt, AccessAttemptAdmin), (AccessLog, AccessLogAdmin), (AccessFailureLog, None)]:
    admin.site.unregister(model)
    if base is not None:
        admin.site.register(
            model, type(f"Portal{base.__name__}", (RoleAccess, base), {"view": is_central, "can_delete": True})
        )
