"""The files seed 002's regional stage asks of each pick, in the demo (`bootstrap --demo`): sent by
the picking province through the service, as its staff would, for a stage whose files were due before today.
Most arrive in the week before the deadline; Ubon Ratchathani's district-level file comes two working days late,
so the stage pages show both readings. A pick that has a file keeps it: a rerun adds nothing."""

from __future__ import annotations

import random
import struct
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from contests.actor import actor_of
from contests.media import sample_video
from stages.demo import PROVINCE_PICKERS
from stages.models import FileKind, Stage, StageUpload
from stages.services import stage_file_submit

from .demo import report_pdf

BANGKOK = ZoneInfo("Asia/Bangkok")
LATE = ("TH-34", "lessons-district")  # the one office whose file comes after the deadline, and which file


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def demo_video(seconds: int) -> bytes:
    """A playable MP4 `seconds` long where ffmpeg is installed (ffprobe then checks it); else a tiny MP4 whose movie
    header says so, which is all the stage reads of a video without ffprobe."""
    made = sample_video(seconds)
    if made is not None:
        return made
    scale = 600
    mvhd = struct.pack(">B3xIIII", 0, 0, 0, scale, seconds * scale) + bytes(80)
    return _box(b"ftyp", b"isom\x00\x00\x02\x00isommp41") + _box(b"moov", _box(b"mvhd", mvhd))


def demo_stage_files(*, now: datetime) -> int:
    """Sends each pick's missing files of every stage whose files were due before `now`; returns how many."""
    today = timezone.localdate(now)
    users = get_user_model().objects.select_related("membership__unit")
    pdfs: dict[str, bytes] = {}
    sent = 0
    for stage in Stage.objects.select_related("contest").prefetch_related("files"):
        due = [r for r in stage.files.all() if r.deadline < today]
        have = set(StageUpload.objects.filter(entry__stage=stage).values_list("entry_id", "requirement_id"))
        for entry in stage.entries.select_related("unit", "chooser").order_by("unit__code"):
            username = PROVINCE_PICKERS.get(entry.chooser.code)
            if username is None:
                continue
            actor = actor_of(users.get(username=username))
            for r in (r for r in due if (entry.pk, r.pk) not in have):
                rng = random.Random(f"{stage.contest.slug}-{entry.unit.code}-{r.code}")
                late = (entry.chooser.code, r.code) == LATE
                day = r.deadline + timedelta(days=2) if late else r.deadline - timedelta(days=rng.randint(1, 6))
                if r.kind == FileKind.VIDEO:
                    data, name = demo_video(rng.randint(300, 420)), "video.mp4"
                else:
                    data = pdfs.get(r.code) or pdfs.setdefault(r.code, report_pdf(r.name_th, entry.chooser.name_th))
                    name = f"{r.code}.pdf"
                stage_file_submit(
                    actor=actor,
                    contest=stage.contest,
                    unit=entry.unit,
                    code=r.code,
                    upload=SimpleUploadedFile(name, data),
                    now=datetime.combine(day, time(10, 0), tzinfo=BANGKOK),
                )
                sent += 1
    return sent
