"""The refusal every upload check raises: a reason the user can read (Thai first) and its HTTP status."""

from __future__ import annotations

from core.errors import PortalError
from core.i18n import override
from core.thai import size_text


class UploadRefused(PortalError):
    """A refusal the user can read (Thai first) and the HTTP status it is answered with."""

    code = "upload_refused"

    def __init__(
        self,
        message,
        en: str | None = None,
        *,
        too_big: bool = False,
        status: int | None = None,
        wrong_type: bool = False,
    ):
        self.too_big = too_big
        # a kind of file not taken: where the criterion is known, its page says what it takes instead
        self.wrong_type = wrong_type
        super().__init__(message, en, status=status or (413 if too_big else 400))


def size_refusal(kind: str, limit: int) -> UploadRefused:
    """A file over its kind's limit (`limit` bytes), said alike by every way a file arrives."""
    with override("th"):
        th = size_text(limit)
    with override("en"):
        en = size_text(limit)
    return UploadRefused(
        f"ไฟล์ใหญ่เกินกำหนด (ไฟล์ประเภทนี้ไม่เกิน {th})", f"File too large (this kind: at most {en})", too_big=True
    )
