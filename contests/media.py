"""A video's length read from the file itself: ffprobe where it is installed (core/validators/video.py), else the
MP4/MOV container's own movie header (`mvhd`), which every phone and editor writes. Nothing trusts a length a
person types."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import BinaryIO

from core.validators.video import ffprobe


def video_seconds(path: str) -> Decimal | None:
    """The video's duration in seconds (2 decimals), or None when the file says nothing readable. Where ffprobe
    is installed it decides (a container that plays nothing has no length); else the movie header."""
    found = ffprobe(path)
    if found is not None:
        return found.seconds if found.pictures else None
    with open(path, "rb") as stream:
        return mp4_seconds(stream)


def _boxes(stream: BinaryIO, start: int, end: int):
    """(type, payload start, payload end) of each ISO-BMFF box between two offsets."""
    pos = start
    while pos + 8 <= end:
        stream.seek(pos)
        head = stream.read(8)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head)
        header = 8
        if size == 1:  # a 64-bit size follows
            wide = stream.read(8)
            if len(wide) < 8:
                return
            size = struct.unpack(">Q", wide)[0]
            header = 16
        elif size == 0:  # to the end of the file
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def mp4_seconds(stream: BinaryIO) -> Decimal | None:
    """The duration an MP4/MOV file's movie header gives (timescale units ÷ timescale), or None."""
    stream.seek(0, 2)
    end = stream.tell()
    for kind, start, stop in _boxes(stream, 0, end):
        if kind != b"moov":
            continue
        for inner, body, body_end in _boxes(stream, start, stop):
            if inner != b"mvhd" or body_end - body < 20:
                continue
            stream.seek(body)
            version = stream.read(1)[0]
            stream.seek(body + 4)
            if version == 1:
                _, _, scale, duration = struct.unpack(">QQIQ", stream.read(28))
            else:
                _, _, scale, duration = struct.unpack(">IIII", stream.read(16))
            if scale == 0:
                return None
            return (Decimal(duration) / Decimal(scale)).quantize(Decimal("0.01"))
    return None


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
