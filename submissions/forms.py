from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from redis import RedisError

from .models import InnovationReport
from .services import INNOVATION_FIELDS

logger = logging.getLogger(__name__)


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


def _failures(keys: list[str]) -> list[int]:
    """Failed-login counts; while the cache (Redis) restarts the counts are unknown and the login stays open.

    Failing open for the seconds of a restart keeps staff working at a deadline; the restart is logged.
    """
    try:
        found = cache.get_many(keys)
    except RedisError:
        logger.warning("login throttle skipped: cache unavailable")
        return [0 for _ in keys]
    return [found.get(key, 0) for key in keys]


def _count_failure(keys: list[str], window: int) -> None:
    try:
        for key in keys:
            cache.add(key, 0, window)
            cache.incr(key)
    except RedisError:
        logger.warning("login failure not counted: cache unavailable")


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
        keys = self._keys()
        by_user, by_ip = _failures(keys)
        if by_user >= limit or by_ip >= limit * 4:
            raise forms.ValidationError(
                self.error_messages["throttled"], code="throttled", params={"minutes": window // 60}
            )
        try:
            return super().clean()
        except forms.ValidationError:
            _count_failure(keys, window)
            raise
