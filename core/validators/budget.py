"""A time budget shared by the content checks: no upload holds a worker for long, whatever its bytes."""

from __future__ import annotations

import time

from django.conf import settings

from .refusal import UploadRefused


class Budget:
    def __init__(self, seconds: float | None = None):
        self.seconds = settings.CDD4_UPLOAD_CHECK_SECONDS if seconds is None else seconds
        self.deadline = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise UploadRefused(
                "ไฟล์ซับซ้อนเกินกว่าจะตรวจได้ในเวลาที่กำหนด จึงไม่รับ กรุณาบันทึกใหม่หรือแบ่งเป็นไฟล์เล็กลง",
                "The file is too complex to check in the time allowed and is refused; save it again or split it",
            )
