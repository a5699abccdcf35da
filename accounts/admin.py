"""The portal's users in the admin (central staff): roles beside each account, closed rather than deleted.

Closing and reopening go through accounts.services, from the list's actions or the account's "is_active" box
alike, so each is asked of the lock and recorded. Nobody types or sees another person's password (README): a
new account is invited to set its own, and the per-account password page serves its owner only."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from contests.admin.access import RoleAccess
from contests.permissions import is_central
from core import acts
from people import directory
from people.models import Membership

from . import second_factor
from .audit import event_record
from .forms import MembershipForm, PortalUserChangeForm, PortalUserCreationForm
from .invitations import pending
from .models import AccountEvent, Event
from .services import account_deactivate, account_reactivate, closing_allowed
from .tasks import invitations_queue

# django-otp's own admins show device keys under Django's model permissions: nobody reads another's key. Central
# staff turn off a lost phone's second factor from the user list (an action, recorded) instead.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)

admin.site.unregister(Group)  # roles come from Membership, not groups or model permissions


@admin.register(AccountEvent)
class AccountEventAdmin(RoleAccess, admin.ModelAdmin):
    """The sign-in audit: central staff read every row; nobody changes one."""

    view = is_central
    list_display = ["at", "kind", "user", "username", "address", "by"]
    list_filter = ["kind"]
    search_fields = ["username", "user__username", "user__email", "address"]
    list_select_related = ["user", "by"]
    date_hierarchy = "at"

    def has_change_permission(self, request, obj=None):
        return False


class MembershipInline(admin.StackedInline):
    model = Membership
    form = MembershipForm
    can_delete = False
    max_num = 1
    verbose_name = verbose_name_plural = _("role")

    def get_min_num(self, request, obj=None, **kwargs):
        return 0 if obj is not None and obj.is_superuser else 1

    # Inline permissions follow the user admin's, not Django's model permissions.
    def has_view_permission(self, request, obj=None):
        return is_central(request.user)

    def has_add_permission(self, request, obj=None):
        return is_central(request.user)

    def has_change_permission(self, request, obj=None):
        return is_central(request.user)


User = get_user_model()
admin.site.unregister(User)

# What an account's page changes that the sign-in audit records, with who changed it (the role: save_related).
CHANGES_RECORDED = (("email", Event.EMAIL_CHANGED), ("username", Event.USERNAME_CHANGED))


@admin.register(User)
class PortalUserAdmin(RoleAccess, UserAdmin):
    form = PortalUserChangeForm
    add_form = PortalUserCreationForm
    view = is_central
    can_add = can_change = True  # never delete: an account is closed and keeps its history
    actions = ["deactivate", "reactivate", "invite_again", "second_factor_reset"]
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "role", "unit", "is_active"]
    list_filter = ["membership__role", "is_active"]
    list_select_related = ["membership__unit"]
    fieldsets = [
        (None, {"fields": ["username", "password_state"]}),
        (_("personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("status"), {"fields": ["is_active", "is_staff", "is_superuser", "last_login", "date_joined"]}),
    ]

    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["username", "email", "first_name", "last_name"]})]

    readonly_fields = ["password_state", "is_staff", "last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        # is_staff follows the role (see save_related); only a superuser makes superusers; the box that closes
        # and reopens is fixed where the lock refuses both (one's own account, a superuser's to anyone else).
        fixed = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fixed.append("is_superuser")
        if obj is not None and not closing_allowed(by=request.user, user=obj):
            fixed.append("is_active")
        return fixed

    @admin.display(description=_("password"))
    def password_state(self, obj):
        if obj.has_usable_password():
            return _("set; only its owner changes it")
        return _("not set yet: its owner sets it from the invitation")

    def user_change_password(self, request, id, form_url=""):
        """Django's page that types a new password for an account: nobody types another person's (README); each
        sets their own from an invitation or "forgot password". Its owner goes to the portal's own page, which
        checks the old password through authenticate() so that axes counts guesses (SECURITY.md)."""
        if unquote(id) == str(request.user.pk):
            return redirect("password_change")
        raise PermissionDenied

    @admin.display(description=_("role"), ordering="membership__role")
    def role(self, obj):
        return directory.role_label(obj)

    @admin.display(description=_("unit"))
    def unit(self, obj):
        return directory.office_label(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj and obj.is_superuser and not request.user.is_superuser
        )

    def has_delete_permission(self, request, obj=None):
        return False

    # Every write here (the add and change forms, the list's actions) is the act accounts.user_admin: a
    # second factor confirmed in the session first. Pages that only show ask nothing of it.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            acts.step_up(request.user, "accounts.user_admin")
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_action(self, request, queryset):
        acts.step_up(request.user, "accounts.user_admin")
        return super().response_action(request, queryset)

    @admin.action(description=_("close the chosen accounts (nothing is deleted)"))
    def deactivate(self, request, queryset):
        users = queryset.exclude(pk=request.user.pk).filter(is_active=True)
        _each_allowed(
            request,
            users,
            account_deactivate,
            pgettext_lazy("accounts.admin", "close"),
            pgettext_lazy("accounts.admin", "closed"),
        )

    @admin.action(description=_("reopen the chosen accounts"))
    def reactivate(self, request, queryset):
        users = queryset.filter(is_active=False)
        _each_allowed(
            request,
            users,
            account_reactivate,
            pgettext_lazy("accounts.admin", "reopen"),
            pgettext_lazy("accounts.admin", "reopened"),
        )

    @admin.action(description=_("turn off the second factor (phone and codes lost)"))
    def second_factor_reset(self, request, queryset):
        users = queryset.exclude(pk=request.user.pk).filter(totpdevice__confirmed=True).distinct()
        verb, done = (
            pgettext_lazy("accounts.admin", "turn off the second factor of"),
            pgettext_lazy("accounts.admin", "turned off"),
        )
        _each_allowed(request, users, second_factor.second_factor_reset, verb, done)

    @admin.action(description=_("invite again (no password set yet)"))
    def invite_again(self, request, queryset):
        ids = [u.pk for u in queryset if pending(u) and u.email]
        invitations_queue(user_ids=ids, by_id=request.user.pk)
        messages.success(request, format_lazy(_("{count} invitations sent"), count=len(ids)))

    def save_model(self, request, obj, form, change):
        # The box is saved as it was; the service then closes or reopens the account, asking the lock and
        # recording it as the list's actions do. A refusal raises PermissionDenied and the page saves nothing.
        turned = change and "is_active" in form.changed_data
        if turned:
            obj.is_active = not obj.is_active
        super().save_model(request, obj, form, change)
        if turned:
            service = account_deactivate if obj.is_active else account_reactivate
            service(by=request.user, user=obj, request=request)
        for name, kind in CHANGES_RECORDED:
            if change and name in form.changed_data:
                event_record(kind=kind, user=obj, by=request.user, request=request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        if change and any(f.has_changed() for formset in formsets if formset.model is Membership for f in formset):
            event_record(kind=Event.ROLE_CHANGED, user=user, by=request.user, request=request)
        user.is_staff = directory.works_in_admin(user)
        user.save(update_fields=["is_staff"])
        if not change:  # a new account from the add page: its owner sets the password, as from the sheet
            self._invite_new(request, user)

    def _invite_new(self, request, user):
        if user.email:
            invitations_queue(user_ids=[user.pk], by_id=request.user.pk)
            messages.info(request, format_lazy(_("invitation sent to {email}"), email=user.email))
        else:
            messages.warning(
                request,
                _("no invitation sent without an e-mail: add one, then invite again"),
            )


def _each_allowed(request, users, service, verb, done) -> None:
    """Closes, reopens or turns off the factor of (`service`) each account the lock lets this person change
    (closing_allowed, as each service asks again), asked of all first: a
    refusal halfway would leave the ones before it changed. Says how many were done, then how many left out."""
    users = list(users)
    allowed = [user for user in users if closing_allowed(by=request.user, user=user)]
    for user in allowed:
        service(by=request.user, user=user, request=request)
    messages.success(request, format_lazy(_("{count} accounts {done}"), count=len(allowed), done=done))
    if left := len(users) - len(allowed):
        messages.warning(
            request, format_lazy(_("{left} accounts you may not {verb} were left out"), left=left, verb=verb)
        )
