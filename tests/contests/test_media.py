"""A video's length read from the file: the MP4/MOV movie header (ffprobe is used first where installed)."""

import io
import shutil
import struct
from decimal import Decimal

import pytest

from contests.media import mp4_seconds, video_seconds
from tests.scoring.stages.stage_support import box, container_mp4, mp4


def test_the_movie_header_gives_the_length():
    assert mp4_seconds(io.BytesIO(container_mp4(300))) == Decimal("300.00")
    assert mp4_seconds(io.BytesIO(container_mp4(419.99, scale=90000))) == Decimal("419.99")


def test_a_version_1_header_with_64_bit_times():
    body = struct.pack(">B3xQQIQ", 1, 0, 0, 1000, 421_500) + bytes(80)
    assert mp4_seconds(io.BytesIO(box(b"moov", box(b"mvhd", body)))) == Decimal("421.50")


@pytest.mark.parametrize(
    "data", [b"", b"RIFF\x00\x00\x00\x00AVI ", box(b"moov", box(b"trak", b"")), b"\x00\x00\x00\x01moov"]
)
def test_nothing_readable_is_none(data):
    assert mp4_seconds(io.BytesIO(data)) is None


def test_video_seconds_reads_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # the container path, whatever is installed
    path = tmp_path / "clip.mp4"
    path.write_bytes(container_mp4(360))
    assert video_seconds(str(path)) == Decimal("360.00")


needs_ffprobe = pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffmpeg is not installed (.ci/run does)")


@needs_ffprobe
def test_ffprobe_reads_a_real_videos_length(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(mp4(360.5))
    assert video_seconds(str(path)) == Decimal("360.50")


@needs_ffprobe
def test_a_container_around_no_picture_has_no_length_where_ffprobe_decides(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(container_mp4(360))  # its movie header says six minutes; there is nothing to play
    assert video_seconds(str(path)) is None
