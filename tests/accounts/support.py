"""What the account tests share: the code an authenticator app would show now, a sheet as a file."""

import csv
import io
import time
from html.parser import HTMLParser

from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_code(user, *, confirmed: bool | None = None) -> str:
    """The 6 digits the person's app shows now, for their newest key (`device_code`)."""
    devices = TOTPDevice.objects.filter(user=user)
    if confirmed is not None:
        devices = devices.filter(confirmed=confirmed)
    return device_code(devices.latest("pk"))


def device_code(device: TOTPDevice) -> str:
    """The 6 digits an app holding this key shows now (RFC 6238 over the device's key, as the app computes it). A
    code is taken once: where the portal has taken this one already, the person waits for the next, and types that.

    The step is counted from what the device recorded, not from "now + n": the portal keeps the drift it last saw
    (django-otp's OTP_TOTP_SYNC), so a code typed across a 30 s boundary moves its window back one step, and a
    code two steps ahead of that is refused."""
    device.refresh_from_db(fields=["last_t"])
    now = int((time.time() - device.t0) // device.step)
    step = max(now, device.last_t + 1)
    return f"{hotp(device.bin_key, step, digits=device.digits):06d}"


def spent_code(user) -> str:
    """The code the portal took last from the person's app: typed again, it is refused."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).latest("pk")
    return f"{hotp(device.bin_key, device.last_t, digits=device.digits):06d}"


def sheet(rows: list[list[str]], header=("ชื่อ-นามสกุล", "อีเมล", "รหัสหน่วยงาน", "บทบาท", "ที่นั่งกรรมการ")) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


class _FormReader(HTMLParser):
    """The fields a browser sends from one form of a page (its hidden boxes), and where."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.action, self.fields, self._name = form_id, False, None, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside, self.action = True, attrs.get("action")
        elif self.inside and tag == "input" and attrs.get("name"):
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif self.inside and tag == "textarea":
            self._name = attrs["name"]
            self.fields.append((self._name, ""))

    def handle_data(self, data):
        if self._name is not None:
            self.fields[-1] = (self._name, self.fields[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._name = None
        elif tag == "form":
            self.inside = False


def form_sent(page: str, form_id: str) -> tuple[str, dict[str, list[str]]]:
    """What the browser sends when `form_id` on `page` is submitted: its address and fields (the HTML parser
    drops a textarea's first newline, as browsers do)."""
    reader = _FormReader(form_id)
    reader.feed(page)
    fields: dict[str, list[str]] = {}
    for name, value in reader.fields:
        fields.setdefault(name, []).append(value.removeprefix("\n"))
    return reader.action or "", fields


def admin_change_post(user, **changes: str) -> dict[str, str]:
    """What the user admin's page posts for `user` as it stands (its role box included), with `changes`."""
    from people.models import Membership

    membership = Membership.objects.get(user=user)
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "membership-TOTAL_FORMS": "1",
        "membership-INITIAL_FORMS": "1",
        "membership-0-id": str(membership.pk),
        "membership-0-user": str(user.pk),
        "membership-0-role": membership.role,
        "membership-0-unit": str(membership.unit_id or ""),
        **changes,
    }
