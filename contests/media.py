"""A video's length read from the file itself: how long its pictures last, counted from its samples
(core/validators/video.py), never a length a person types or a header claims. Where ffprobe is installed it
first decides whether the file plays at all."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path

from core.validators.video import ffprobe, stream_seconds


def video_seconds(path: str) -> Decimal | None:
    """The video's duration in seconds (2 decimals), or None when the file says nothing readable (or, where
    ffprobe is installed, plays no picture). A header claiming another length is refused (UploadRefused)."""
    found = ffprobe(path)
    if found is not None and not found.pictures:
        return None
    return stream_seconds(path)


@cache
def sample_video(seconds: float) -> bytes | None:
    """A playable MP4 `seconds` long (16×16 black pictures, two a second, MPEG-4 Part 2) made by ffmpeg: the demo's
    and the tests' videos, since ffprobe refuses a container around no picture. None without ffmpeg."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sample.mp4"
        source = f"color=c=black:s=16x16:r=2:d={seconds}"
        command = [
            ffmpeg,
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            source,
            "-c:v",
            "mpeg4",
            "-movflags",
            "+faststart",
            str(out),
        ]
        subprocess.run(command, check=True, timeout=60, capture_output=True)
        return out.read_bytes()
