"""A video is what ffprobe can play: a file with an MP4 container around no picture, or a program
behind a video's first bytes, is refused. Where ffprobe is not installed (a bare developer machine) the
container's own checks stand alone (content.py, mp4.py).

A video lasts as long as its pictures: the durations of its video track's samples added up (the `stts` table),
or for a file in fragments, which has no such table, the last picture ffprobe reads. A header (mvhd, tkhd,
mdhd) whose claim disagrees with the samples is refused: a one-second clip once said six minutes there."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .mp4 import Movie, movie
from .refusal import UploadRefused

FFPROBE_SECONDS = 60  # a probe that hangs on a broken file is stopped
# How far a header may be from the samples: an edit list trims up to a group of pictures (a second or two), an
# audio track runs on a little.
TOLERANCE_SECONDS = Decimal(2)
TOLERANCE_SHARE = Decimal("0.01")


@dataclass(frozen=True)
class Probe:
    pictures: bool  # at least one video stream


def ffprobe(path: str) -> Probe | None:
    """What ffprobe reads of the file, or None when ffprobe is not installed."""
    probe = shutil.which("ffprobe")
    if probe is None:
        return None
    command = [probe, "-v", "error", "-show_entries", "stream=codec_type", "-of", "json", path]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=FFPROBE_SECONDS, check=False)
        found = json.loads(done.stdout or "{}") if done.returncode == 0 else {}
    except (OSError, subprocess.TimeoutExpired, ValueError):
        found = {}
    return Probe(pictures=any(stream.get("codec_type") == "video" for stream in found.get("streams", [])))


def check_video(path: str) -> None:
    found = ffprobe(path)
    if found is not None and not found.pictures:
        raise UploadRefused(
            "ไฟล์นี้ไม่ใช่วีดิทัศน์ที่เปิดดูได้ (ไม่พบภาพในไฟล์) กรุณาส่งไฟล์ MP4 ที่เปิดดูได้",
            "This is not a playable video (no picture in the file); send an MP4 that plays",
        )
    _movie_checked(path)  # a header that lies about the length is refused for any video


def _last_picture(path: str) -> Decimal | None:
    """Where the video stream's last picture ends, as ffprobe reads its packets (a file in fragments)."""
    probe = shutil.which("ffprobe")
    if probe is None:
        return None
    entries = "packet=pts_time,duration_time"
    command = [probe, "-v", "error", "-select_streams", "v:0", "-show_entries", entries, "-of", "csv=p=0", path]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=FFPROBE_SECONDS, check=False)
        packets = [line.split(",")[:2] for line in done.stdout.split()] if done.returncode == 0 else []
        starts = [Decimal(pts) for pts, _ in packets]
        ends = [Decimal(pts) + Decimal(length) for pts, length in packets]
    except (OSError, subprocess.TimeoutExpired, ValueError, InvalidOperation):
        return None
    return (max(ends) - min(starts)).quantize(Decimal("0.01")) if packets else None


def _disagreement(found: Movie) -> tuple[Decimal, Decimal] | None:
    """(claimed, counted) for the first header far from its samples: each track's tkhd and mdhd against that
    track's samples, the movie's mvhd against its longest track's."""
    pairs = [(claim, t.samples) for t in found.tracks if t.samples for claim in (t.header, t.media) if claim]
    longest = max((t.samples for t in found.tracks if t.samples), default=None)
    if found.header and longest:
        pairs.append((found.header, longest))
    for claim, counted in pairs:
        if abs(claim - counted) > TOLERANCE_SECONDS + counted * TOLERANCE_SHARE:
            return claim, counted
    return None


def _movie_checked(path: str) -> Movie | None:
    """The file's timings, refused when a header claims another length than its samples."""
    with open(path, "rb") as stream:
        found = movie(stream)
    if found is not None and (lie := _disagreement(found)):
        claim, counted = lie
        raise UploadRefused(
            f"ส่วนหัวของวีดิทัศน์ระบุความยาว {claim} วินาที แต่ภาพในไฟล์ยาว {counted} วินาที จึงไม่รับไฟล์นี้ "
            "กรุณาส่งไฟล์ตามที่โปรแกรมตัดต่อบันทึกออกมา",
            f"the video's header says {claim} s but its pictures last {counted} s, so it is refused; "
            "send the file as your editor saved it",
        )
    return found


def stream_seconds(path: str) -> Decimal | None:
    """How long the video's pictures last, or None when nothing says (refused if a header says otherwise)."""
    found = _movie_checked(path)
    pictures = [t.samples for t in (found.tracks if found else ()) if t.handler == b"vide" and t.samples]
    return max(pictures) if pictures else _last_picture(path)
