"""The portal's users in the admin (central staff): roles beside each account, closed rather than deleted."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from contests.actor import actor_of, second_factor_check
from contests.permissions import is_central
from core.labels import bi
from people import directory
from people.models import Membership
from scoring.admin.forms import RoleAccess

from .audit import event_record
from .forms import MembershipForm, PortalUserChangeForm
from .invitations import pending
from .models import AccountEvent, Event
from .second_factor import factors_remove
from .services import account_deactivate
from .tasks import invitations_queue

# django-otp's own admins show device keys under Django's model permissions: nobody reads another's key. Central
# staff turn off a lost phone's second factor from the user list (an action, recorded) instead.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


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
    verbose_name = verbose_name_plural = bi("บทบาท", "role")

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


@admin.register(User)
class PortalUserAdmin(RoleAccess, UserAdmin):
    form = PortalUserChangeForm
    view = is_central
    can_add = can_change = True  # never delete: an account is closed and keeps its history (issue #41)
    actions = ["deactivate", "invite_again", "second_factor_reset"]
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "role", "province", "is_active"]
    list_filter = ["membership__role", "is_active"]
    list_select_related = ["membership__province"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (bi("ข้อมูลส่วนตัว", "personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (bi("สถานะ", "status"), {"fields": ["is_active", "is_staff", "is_superuser", "last_login", "date_joined"]}),
    ]

    readonly_fields = ["is_staff", "last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        # is_staff follows the role (see save_related); only a superuser makes superusers.
        fixed = super().get_readonly_fields(request, obj)
        return fixed if request.user.is_superuser else [*fixed, "is_superuser"]

    @admin.display(description=bi("บทบาท", "role"), ordering="membership__role")
    def role(self, obj):
        return directory.role_label(obj)

    @admin.display(description=bi("จังหวัด", "province"))
    def province(self, obj):
        return directory.office_label(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj and obj.is_superuser and not request.user.is_superuser
        )

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=bi("ปิดบัญชีที่เลือก (ไม่ลบ)", "close the chosen accounts (nothing is deleted)"))
    def deactivate(self, request, queryset):
        # Asked of the lock before closing any: a refusal halfway would leave the ones before it closed.
        actor = actor_of(request.user)
        users = list(queryset.exclude(pk=request.user.pk).filter(is_active=True))
        allowed = [user for user in users if actor.manages_account(user)]
        for user in allowed:
            account_deactivate(by=request.user, user=user, request=request)
        messages.success(request, f"ปิดบัญชีแล้ว {len(allowed)} บัญชี / {len(allowed)} accounts closed")
        left = len(users) - len(allowed)
        if left:
            messages.warning(
                request,
                f"ไม่ได้ปิด {left} บัญชีที่คุณไม่มีสิทธิ์ปิด / {left} accounts you may not close were left out",
            )

    @admin.action(
        description=bi(
            "ยกเลิกยืนยันตัวตนขั้นที่สอง (โทรศัพท์และรหัสสำรองหาย)", "turn off the second factor (phone and codes lost)"
        )
    )
    def second_factor_reset(self, request, queryset):
        second_factor_check(request.user)  # one who turns off another's factor has confirmed their own
        users = list(queryset.filter(totpdevice__confirmed=True).distinct())
        for user in users:
            factors_remove(user)
            event_record(kind=Event.FACTOR_REMOVED, user=user, by=request.user, request=request)
        messages.success(request, f"ยกเลิกแล้ว {len(users)} บัญชี (ตั้งค่าใหม่ได้จากหน้าบัญชีของตน) / {len(users)} turned off")

    @admin.action(description=bi("ส่งคำเชิญอีกครั้ง (บัญชีที่ยังไม่ตั้งรหัสผ่าน)", "invite again (no password set yet)"))
    def invite_again(self, request, queryset):
        ids = [u.pk for u in queryset if pending(u) and u.email]
        invitations_queue(user_ids=ids, by_id=request.user.pk)
        messages.success(request, f"ส่งคำเชิญ {len(ids)} บัญชี / {len(ids)} invitations sent")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        user.is_staff = directory.works_in_admin(user)
        user.save(update_fields=["is_staff"])
