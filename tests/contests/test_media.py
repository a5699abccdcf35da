"""A video's length is how long its pictures last, counted from its samples; a header that claims otherwise is
refused (ffprobe first decides, where installed, whether the file plays at all)."""

import io
import shutil
import struct
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contests.actor import actor_of
from contests.media import sample_video, video_seconds
from core.errors import PortalError
from core.validators.mp4 import movie
from stages.models import StageUpload
from stages.services import stage_file_submit
from tests.stages.stage_support import box, container_mp4, load_chain, mp4, needs_ffprobe, organiser, track_mp4
from tests.stages.test_stages import pick

LIE_TH = "ส่วนหัวของวีดิทัศน์ระบุความยาว 360.00 วินาที แต่ภาพในไฟล์ยาว 1.00 วินาที"


def clip_claiming(claimed: int) -> bytes:
    """A one-second clip whose movie header (mvhd) says `claimed` seconds: made by ffmpeg and its header
    rewritten where ffmpeg is installed, else a one-track container."""
    real = sample_video(1)
    if real is None:
        return track_mp4(1, claimed=claimed)
    data = bytearray(real)
    at = data.index(b"mvhd") + 4
    assert data[at] == 0  # version 0: 32-bit times
    scale = struct.unpack(">I", data[at + 12 : at + 16])[0]
    data[at + 16 : at + 20] = struct.pack(">I", claimed * scale)
    return bytes(data)


def test_the_samples_give_the_length(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # the container path, whatever is installed
    path = tmp_path / "clip.mp4"
    path.write_bytes(track_mp4(419.99, scale=90000))
    assert video_seconds(str(path)) == Decimal("419.99")


def test_a_version_1_movie_header_with_64_bit_times():
    body = struct.pack(">B3xQQIQ", 1, 0, 0, 1000, 421_500) + bytes(80)
    assert movie(io.BytesIO(box(b"moov", box(b"mvhd", body)))).header == Decimal("421.50")


@pytest.mark.parametrize("data", [b"", b"RIFF\x00\x00\x00\x00AVI ", b"\x00\x00\x00\x01moov"])
def test_nothing_readable_has_no_movie(data):
    assert movie(io.BytesIO(data)) is None


@pytest.mark.parametrize("data", [container_mp4(360), box(b"moov", box(b"trak", b""))])
def test_a_header_without_samples_has_no_length(tmp_path, monkeypatch, data):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    assert video_seconds(str(path)) is None  # its movie header says six minutes; nothing is counted


def test_a_header_claiming_six_minutes_for_one_second_is_refused(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(clip_claiming(360))
    with pytest.raises(PortalError) as caught:
        video_seconds(str(path))
    assert caught.value.th.startswith(LIE_TH)


def written(tmp_path, data: bytes) -> str:
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("claimed", [361.5, 358.5])
def test_a_header_within_two_seconds_and_a_percent_of_the_samples_passes(tmp_path, monkeypatch, claimed):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert video_seconds(written(tmp_path, track_mp4(360, claimed=claimed))) == Decimal("360.00")


@pytest.mark.parametrize("claimed", [366, 300])
def test_a_header_further_off_is_refused(tmp_path, monkeypatch, claimed):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # 2 s + 3.6 s is all a six-minute video may be off
    with pytest.raises(PortalError, match=rf"^ส่วนหัวของวีดิทัศน์ระบุความยาว {claimed}\.00 วินาที"):
        video_seconds(written(tmp_path, track_mp4(360, claimed=claimed)))


@needs_ffprobe
def test_ffprobe_and_the_samples_read_a_real_videos_length(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(mp4(360.5))
    assert video_seconds(str(path)) == Decimal("360.50")


@needs_ffprobe
def test_a_container_around_no_picture_has_no_length_where_ffprobe_decides(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(container_mp4(360))
    assert video_seconds(str(path)) is None


@pytest.mark.django_db
def test_a_one_second_clip_whose_header_says_six_minutes_is_refused_for_a_five_to_seven_minute_stage(
    settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    chain = load_chain()
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)

    with pytest.raises(PortalError) as caught:
        stage_file_submit(
            actor=actor_of(chiang_mai),
            contest=chain.region_stage,
            unit=chain.rim_nua,
            code="video",
            upload=SimpleUploadedFile("clip.mp4", clip_claiming(360)),
        )

    assert caught.value.th.startswith(LIE_TH)
    assert StageUpload.objects.count() == 0
