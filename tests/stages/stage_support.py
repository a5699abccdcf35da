"""Seed 002's two stages over a few made-up units of Chiang Mai and Phuket, and their organisers."""

import json
import shutil
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from contests.media import sample_video
from contests.models import Contest, Unit
from people.models import Role
from rubrics import services
from stages.data import stages_load
from tests.built_once import built_once
from tests.factories import DistrictFactory, SubdistrictFactory, UserFactory

BANGKOK = ZoneInfo("Asia/Bangkok")
OPEN = datetime(2021, 12, 1, 10, 0, tzinfo=BANGKOK)  # before "ภายใน วันที่ 15 ธันวาคม" (read as 2564: docs)


@dataclass
class Chain:
    district_stage: Contest  # model-subdistrict-2565: each district office picks 1
    region_stage: Contest  # model-subdistrict-region-2565: each province picks 2 of those
    mae_rim: Unit
    hang_dong: Unit
    kathu: Unit  # Phuket
    rim_nua: Unit
    rim_tai: Unit
    rim_klang: Unit
    nong_kwai: Unit  # under Hang Dong
    patong: Unit  # under Kathu


def load_chain() -> Chain:
    data = json.loads(open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8").read())
    services.rubric_load(data=data)
    stages_load()
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    mae_rim = DistrictFactory(parent=chiang_mai, name_th="แม่ริมทดสอบ", name_en="Mae Rim T")
    hang_dong = DistrictFactory(parent=chiang_mai, name_th="หางดงทดสอบ", name_en="Hang Dong T")
    kathu = DistrictFactory(parent=phuket, name_th="กะทู้ทดสอบ", name_en="Kathu T")
    sub = SubdistrictFactory
    return Chain(
        Contest.objects.get(slug="model-subdistrict-2565"),
        Contest.objects.get(slug="model-subdistrict-region-2565"),
        mae_rim,
        hang_dong,
        kathu,
        sub(parent=mae_rim, name_th="ริมเหนือ", name_en="Rim Nuea"),
        sub(parent=mae_rim, name_th="ริมใต้", name_en="Rim Tai"),
        sub(parent=mae_rim, name_th="ริมกลาง", name_en="Rim Klang"),
        sub(parent=hang_dong, name_th="หนองควาย", name_en="Nong Khwai"),
        sub(parent=kathu, name_th="ป่าตอง", name_en="Patong"),
    )


def chain_fixtures(build: Callable[[], Chain] = load_chain, *, clocked: bool = True):
    """A module's `built` (what `build` makes, once for the module: `built_once`) and `chain` (it, for a test)
    fixtures: `built, chain = chain_fixtures(...)`. `clocked`: made, and each test run, on 1 December 2564,
    10:00 (the chain's pick deadline still ahead); a test may move the clock on with `clock`."""

    @pytest.fixture(scope="module")
    def built(django_db_setup, django_db_blocker):
        yield from built_once(django_db_blocker, build, at=OPEN if clocked else None)

    @pytest.fixture
    def chain(built, db, request):
        if clocked:
            request.getfixturevalue("clock")(2021, 12, 1, 10, 0)
        return built

    return built, chain


def organiser(office: Unit):
    return UserFactory(role=Role.ORGANISER, role__unit=office)


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def container_mp4(seconds: float, scale: int = 600) -> bytes:
    """A tiny MP4 whose movie header (mvhd, version 0) says `seconds`, around no picture: what the portal reads
    of a video where ffprobe is not installed."""
    mvhd = struct.pack(">B3xIIII", 0, 0, 0, scale, round(seconds * scale)) + bytes(80)
    return box(b"ftyp", b"isom\x00\x00\x02\x00isommp41") + box(b"moov", box(b"mvhd", mvhd))


def track_mp4(seconds: float, scale: int = 600, claimed: float | None = None) -> bytes:
    """A tiny MP4 with one video track whose samples last `seconds` (one sample, no picture data) and whose
    movie header says `claimed` (the same unless given): what the portal counts where ffprobe is not installed."""
    units = round(seconds * scale)
    mvhd = struct.pack(">B3xIIII", 0, 0, 0, scale, round((seconds if claimed is None else claimed) * scale))
    tkhd = struct.pack(">B3xIIIII", 0, 0, 0, 1, 0, units) + bytes(60)
    mdhd = struct.pack(">B3xIIII", 0, 0, 0, scale, units) + bytes(4)
    hdlr = struct.pack(">B3xI4s", 0, 0, b"vide") + bytes(12)
    stbl = box(b"stbl", box(b"stts", struct.pack(">B3xIII", 0, 1, 1, units)))
    media = box(b"mdhd", mdhd) + box(b"hdlr", hdlr) + box(b"minf", stbl)
    trak = box(b"trak", box(b"tkhd", tkhd) + box(b"mdia", media))
    return box(b"ftyp", b"isom\x00\x00\x02\x00isommp41") + box(b"moov", box(b"mvhd", mvhd + bytes(80)) + trak)


def mp4(seconds: float) -> bytes:
    """A video `seconds` long as the portal reads one here: playable where ffmpeg is installed (ffprobe checks
    it), else a container with one track."""
    return sample_video(seconds) or track_mp4(seconds)


needs_ffprobe = pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffmpeg is not installed (.ci/run does)")
