from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache

from .models import InnovationReport
from .services import INNOVATION_FIELDS


class LinkForm(forms.Form):
    url = forms.CharField(label="ลิงก์ / link", max_length=500)
    description = forms.CharField(label="คำอธิบาย / description", max_length=300, required=False)


class InnovationReportForm(forms.ModelForm):
    class Meta:
        model = InnovationReport
        fields = INNOVATION_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ("problem_analysis", "solution", "outcomes", "evidence_text")
        }


def _client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") if request else ""


class ThrottledAuthenticationForm(AuthenticationForm):
    """Counts failed logins per username and per address in the cache; too many locks the login for a while."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง / Wrong username or password.",
        "throttled": (
            "เข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอ %(minutes)s นาทีแล้วลองใหม่ / "
            "Too many failed logins; please wait %(minutes)s minutes and try again."
        ),
    }

    def _keys(self) -> list[str]:
        username = (self.data.get("username") or "").strip().casefold()
        return [f"login-fail:u:{username}", f"login-fail:ip:{_client_ip(self.request)}"]

    def clean(self):
        limit = settings.CDD4_LOGIN_MAX_FAILURES
        window = settings.CDD4_LOGIN_LOCKOUT_SECONDS
        user_key, ip_key = self._keys()
        if cache.get(user_key, 0) >= limit or cache.get(ip_key, 0) >= limit * 4:
            raise forms.ValidationError(
                self.error_messages["throttled"], code="throttled", params={"minutes": window // 60}
            )
        try:
            return super().clean()
        except forms.ValidationError:
            for key in (user_key, ip_key):
                cache.add(key, 0, window)
                cache.incr(key)
            raise
