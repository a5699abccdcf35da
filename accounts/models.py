"""What happened to an account: each sign-in, failure, reset, invitation, second-factor change, change of
address, username or role, closing and reopening (issue #41); the person's LINE, linked for notices (docs/line.md)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.labels import bi


class Event(models.TextChoices):
    SIGN_IN = "sign_in", bi("เข้าสู่ระบบ", "signed in")
    FAILURE = "failure", bi("เข้าสู่ระบบไม่สำเร็จ", "sign-in failed")
    SIGN_OUT = "sign_out", bi("ออกจากระบบ", "signed out")
    INVITED = "invited", bi("ส่งคำเชิญ", "invited")
    ACCEPTED = "accepted", bi("ตั้งรหัสผ่านจากคำเชิญ", "invitation accepted")
    RESET_ASKED = "reset_asked", bi("ขอตั้งรหัสผ่านใหม่", "reset asked")
    RESET_DONE = "reset_done", bi("ตั้งรหัสผ่านใหม่แล้ว", "password reset")
    PASSWORD_CHANGED = "password", bi("เปลี่ยนรหัสผ่าน", "password changed")
    EMAIL_ASKED = "email_asked", bi("ขอเปลี่ยนอีเมล", "e-mail change asked")
    EMAIL_CHANGED = "email", bi("เปลี่ยนอีเมลแล้ว", "e-mail changed")
    USERNAME_CHANGED = "username", bi("เปลี่ยนชื่อผู้ใช้", "username changed")
    ROLE_CHANGED = "role", bi("เปลี่ยนบทบาทหรือสังกัด", "role or office changed")
    FACTOR_ADDED = "factor_added", bi("ตั้งค่ายืนยันตัวตนขั้นที่สอง", "second factor set up")
    FACTOR_REMOVED = "factor_removed", bi("ยกเลิกยืนยันตัวตนขั้นที่สอง", "second factor removed")
    FACTOR_OK = "factor_ok", bi("ยืนยันตัวตนขั้นที่สองสำเร็จ", "second factor confirmed")
    FACTOR_FAILED = "factor_failed", bi("รหัสยืนยันขั้นที่สองไม่ถูกต้อง", "wrong second-factor code")
    KEY_SHOWN = "key_shown", bi("แสดงรหัสลับสำหรับตั้งค่าแอป", "set-up key shown")
    SETUP_FAILED = "setup_failed", bi("รหัสตั้งค่าแอปไม่ถูกต้อง", "wrong code while setting up the app")
    RECOVERY_USED = "recovery", bi("ใช้รหัสสำรอง", "recovery code used")
    CODES_MADE = "codes", bi("สร้างรหัสสำรองชุดใหม่", "new recovery codes")
    PROVISIONED = "provisioned", bi("สร้างหรือแก้บัญชีจากแฟ้ม", "made or changed from a sheet")
    DEACTIVATED = "deactivated", bi("ปิดบัญชี", "deactivated")
    REACTIVATED = "reactivated", bi("เปิดบัญชีอีกครั้ง", "reactivated")
    LINE_LINKED = "line_linked", bi("เชื่อมต่อ LINE", "LINE linked")
    LINE_UNLINKED = "line_unlinked", bi("ยกเลิกการเชื่อมต่อ LINE", "LINE unlinked")


class AccountEvent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # accounts are closed, never deleted: their history stays
        related_name="account_events",
        verbose_name=bi("บัญชี", "account"),
    )
    username = models.CharField(bi("ชื่อผู้ใช้ที่พิมพ์", "username typed"), max_length=150, blank=True)
    kind = models.CharField(bi("เหตุการณ์", "event"), max_length=16, choices=Event.choices)
    at = models.DateTimeField(bi("เมื่อ", "when"), auto_now_add=True, db_index=True)
    address = models.GenericIPAddressField(bi("จากที่อยู่", "from address"), null=True, blank=True)
    agent = models.CharField(bi("โปรแกรมค้นดู", "browser"), max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=bi("ทำโดย", "by"),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = bi("บันทึกการเข้าใช้", "sign-in record")
        verbose_name_plural = bi("บันทึกการเข้าใช้", "sign-in audit")
        indexes = [models.Index(fields=["user", "-at"], name="account_event_user_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.user or self.username}"


class LineLink(models.Model):
    """A portal account's LINE user, as LINE's webhook named it when the person sent their link code: the one
    address pushes go to. Nothing else of the LINE profile is kept."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_link", verbose_name=_("account")
    )
    line_user_id = models.CharField(_("LINE user ID"), max_length=64, unique=True)
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("linked LINE")
        verbose_name_plural = _("linked LINE accounts")

    def __str__(self) -> str:
        return f"{self.user} LINE"


class LineLinkCode(models.Model):
    """The one live code a person sends the Official Account to link their LINE: kept as a keyed hash only
    (accounts.line_links), replaced by a new one, deleted once used."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user_id} until {self.expires_at:%Y-%m-%d %H:%M}"


class LinePushMonth(models.Model):
    """Pushes LINE accepted in one month (its first day, Bangkok time): what the Official Account's monthly
    message quota is counted against (accounts.line.line_quota_left)."""

    month = models.DateField(_("month"), unique=True)
    pushes = models.PositiveIntegerField(_("pushes"), default=0)

    class Meta:
        verbose_name = _("LINE pushes in a month")
        verbose_name_plural = _("LINE pushes per month")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.pushes}"
