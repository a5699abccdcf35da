"""What the account tests share: the code an authenticator app would show now, a sheet as a file."""

import csv
import io

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_code(user, *, confirmed: bool | None = None, later: int = 0) -> str:
    """The 6 digits the person's app shows now, or `later` steps of 30 s on (RFC 6238 over the device's key,
    as the app computes it). A code is taken once: a second sign-in within the same 30 s uses the next one."""
    devices = TOTPDevice.objects.filter(user=user)
    if confirmed is not None:
        devices = devices.filter(confirmed=confirmed)
    device = devices.latest("pk")
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=later):06d}"


def sheet(rows: list[list[str]], header=("ชื่อ-นามสกุล", "อีเมล", "รหัสหน่วยงาน", "บทบาท", "ที่นั่งกรรมการ")) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()
