"""A video is what ffprobe can play (issue #42): a file with an MP4 container around no picture, or a program
behind a video's first bytes, is refused. Where ffprobe is not installed (a bare developer machine) the
container's own checks stand alone (content.py, contests/media.py's movie header)."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .refusal import UploadRefused

FFPROBE_SECONDS = 60  # a probe that hangs on a broken file is stopped


@dataclass(frozen=True)
class Probe:
    seconds: Decimal | None  # the container's duration, 2 decimals
    pictures: bool  # at least one video stream


def ffprobe(path: str) -> Probe | None:
    """What ffprobe reads of the file, or None when ffprobe is not installed."""
    probe = shutil.which("ffprobe")
    if probe is None:
        return None
    command = [probe, "-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", path]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=FFPROBE_SECONDS, check=False)
        found = json.loads(done.stdout or "{}") if done.returncode == 0 else {}
    except (OSError, subprocess.TimeoutExpired, ValueError):
        found = {}
    pictures = any(stream.get("codec_type") == "video" for stream in found.get("streams", []))
    try:
        seconds = Decimal(found.get("format", {}).get("duration", "")).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError):
        seconds = None
    return Probe(seconds=seconds, pictures=pictures)


def check_video(path: str) -> None:
    found = ffprobe(path)
    if found is not None and not found.pictures:
        raise UploadRefused(
            "ไฟล์นี้ไม่ใช่วีดิทัศน์ที่เปิดดูได้ (ไม่พบภาพในไฟล์) กรุณาส่งไฟล์ MP4 ที่เปิดดูได้",
            "This is not a playable video (no picture in the file); send an MP4 that plays",
        )
