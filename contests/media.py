"""A video's length read from the file itself: ffprobe where it is installed, else the MP4/MOV container's
own movie header (`mvhd`), which every phone and editor writes. Nothing trusts a length a person types."""

from __future__ import annotations

import shutil
import struct
import subprocess
from decimal import Decimal
from typing import BinaryIO

FFPROBE_SECONDS = 60  # a probe that hangs on a broken file is stopped


def video_seconds(path: str) -> Decimal | None:
    """The video's duration in seconds (2 decimals), or None when the file says nothing readable."""
    probe = shutil.which("ffprobe")
    if probe is not None:
        seconds = _ffprobe_seconds(probe, path)
        if seconds is not None:
            return seconds
    with open(path, "rb") as stream:
        return mp4_seconds(stream)


def _ffprobe_seconds(probe: str, path: str) -> Decimal | None:
    try:
        done = subprocess.run(
            [probe, "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path],
            capture_output=True, text=True, timeout=FFPROBE_SECONDS, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = done.stdout.strip()
    try:
        return Decimal(text).quantize(Decimal("0.01")) if done.returncode == 0 and text else None
    except ArithmeticError:
        return None


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
