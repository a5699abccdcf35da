"""A time budget shared by the content checks: no upload holds a worker for long, whatever its bytes.

Counted in the checking thread's CPU time (time.thread_time: Python's own work and the PDF library's, which runs
in the same thread), not by the wall clock: on a busy machine a check waits for a core as long as it must, and a
well-formed file is not refused for the time it spent waiting. A hostile file still runs out, after the same work
as on an idle machine. Waiting for the disk is not counted; the checks read a local temporary file.
"""

from __future__ import annotations

import time

from django.conf import settings

from .refusal import UploadRefused


class Budget:
    def __init__(self, seconds: float | None = None):
        self.seconds = settings.CDD4_UPLOAD_CHECK_SECONDS if seconds is None else seconds
        self.deadline = time.thread_time() + self.seconds

    def check(self) -> None:
        if time.thread_time() > self.deadline:
            raise UploadRefused(
                "ไฟล์ซับซ้อนเกินกว่าจะตรวจได้ในเวลาที่กำหนด จึงไม่รับ กรุณาบันทึกใหม่หรือแบ่งเป็นไฟล์เล็กลง",
                "The file is too complex to check in the time allowed and is refused; save it again or split it",
            )
