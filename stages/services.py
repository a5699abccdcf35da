"""A selection in stages (seed 002), the writes: an office picks its entrants for the next stage
(`stage_select`), takes a pick back before the deadline (`stage_withdraw`), sends the files a pick must come
with (`stage_file_submit`, a video's length read from the file). Every refusal is Thai first. The register
of past models and the stages file: stages/data.py."""

from __future__ import annotations

import hashlib
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.actor import Actor
from contests.hooks import results_stale
from contests.media import video_seconds
from contests.models import Contest, Level, Unit
from core.errors import PortalError
from core.i18n import lazy, pick
from core.labels import both
from core.thai import thai_digits
from core.validators.content import inspect_file, sniff_group
from core.validators.refusal import size_refusal
from rubrics.selectors import rubric_calendar
from rulebook.workdays import deadline_text
from scoring.recompute import results_ensure
from stages.hooks import upload_limits
from stages.models import FileKind, Stage, StageEntry, StageFile, StageUpload
from stages.rights import chooser
from stages.rules import barred_reason, stage_of, stage_picks, stage_pool


@dataclass(frozen=True)
class StageWindow:
    """The stage's selection deadline as written, and the day it moves to when offices are closed (decision 9)."""

    stage: Stage
    deadline: date
    closes: date

    def is_open(self, today: date) -> bool:
        return today <= self.closes

    def text(self, lang: str = "th") -> str:
        return deadline_text(self.deadline, self.calendar(), lang)

    @property
    def text_en(self) -> str:
        return self.text("en")

    def calendar(self):
        return rubric_calendar(self.stage.contest.rubrics.latest("ends_on"))


def stage_window(stage: Stage, deadline: date | None = None) -> StageWindow:
    day = deadline or stage.deadline
    rubric = stage.contest.rubrics.latest("ends_on")
    return StageWindow(stage, day, rubric_calendar(rubric).next_working_day(day))


def _stage(contest: Contest) -> Stage:
    stage = stage_of(contest)
    if stage is None:
        raise PortalError(gettext_lazy("this contest's entrants are not picked in stages"), code="no_stage")
    return stage


def _chooser(actor: Actor, contest: Contest) -> Unit:
    unit = chooser(actor, contest)
    if unit is None:
        raise PortalError(
            gettext_lazy("only the organisers of the offices that pick at this stage may pick"),
            code="not_chooser",
            status=403,
        )
    return unit


def _per(stage: Stage) -> tuple[str, str]:
    return both(Level(stage.chooser_level).label)


def stage_select(*, actor: Actor, contest: Contest, units: Sequence[Unit], now: datetime | None = None):
    """Picks `units` for the stage's contest on behalf of the actor's office: each from the office's pool
    (its subdistricts, or the previous stage's picks under it), none barred by the register, at most the
    stage's quota in all, up to and on the deadline (moved on when offices are closed). All or none."""
    stage = _stage(contest)
    office = _chooser(actor, contest)
    at = now or timezone.now()
    window = stage_window(stage)
    if not window.is_open(timezone.localdate(at)):
        raise PortalError(
            f"ปิดการคัดเลือกแล้ว (กำหนด {window.text('th')})",
            f"selection closed (deadline {window.text('en')})",
            code="stage_closed",
        )
    if not units:
        raise PortalError(gettext_lazy("choose at least one subdistrict"), code="nothing_chosen")
    per_th, per_en = _per(stage)
    with transaction.atomic():
        Unit.objects.select_for_update().filter(pk=office.pk).first()  # one office's picks at a time
        taken = set(stage_picks(stage, office).values_list("unit_id", flat=True))
        pool = set(stage_pool(stage, office).values_list("pk", flat=True))
        errors: list[tuple[str, str]] = []
        fresh = []
        for unit in dict.fromkeys(units):
            if unit.pk in taken:
                errors.append((f"{unit.name_th} ({unit.code}) ได้รับเลือกไว้แล้ว", f"{unit.name_en} is already picked"))
            elif unit.pk not in pool:
                errors.append(_not_in_pool(stage, office, unit))
            elif (reason := barred_reason(stage, unit)) is not None:
                errors.append(both(reason))
            else:
                fresh.append(unit)
        if not errors and len(taken) + len(fresh) > stage.quota:
            errors.append(
                (
                    f"เลือกได้ไม่เกิน {thai_digits(stage.quota)} ตำบลต่อ{per_th} (เลือกไว้แล้ว {thai_digits(len(taken))}"
                    f" เพิ่มอีก {thai_digits(len(fresh))})",
                    f"at most {stage.quota} per {per_en} ({len(taken)} picked, {len(fresh)} more asked)",
                )
            )
        if errors:
            raise PortalError(
                errors[0][0],
                errors[0][1],
                code="stage_refused",
                text=_lines(errors),
            )
        entries = [
            StageEntry.objects.create(stage=stage, unit=u, chooser=office, chosen_at=at, chosen_by=actor.user)
            for u in fresh
        ]
        contest.entrants.add(*fresh)
        _standings_follow(contest)
    return entries


def _refusals(errors: list[tuple[str, str]]) -> str:
    return "\n".join(pick(th, en) for th, en in errors)


_lines = lazy(_refusals, str)  # each refusal in the page's language, one a line


def _standings_follow(contest: Contest) -> None:
    """The contest's standings follow its picks: a result row for each entrant of every year of it (none for
    a withdrawn one), ranked once the recompute queued after commit has run."""
    for rubric in contest.rubrics.all():
        results_ensure(rubric)
        results_stale(rubric_id=rubric.pk)


def _not_in_pool(stage: Stage, office: Unit, unit: Unit) -> tuple[str, str]:
    if stage.previous_id is not None:
        return (
            f"{unit.name_th} ({unit.code}) ไม่ได้รับคัดเลือกจากขั้นก่อนหน้าภายใต้{office.name_th}"
            " (เลือกได้เฉพาะตำบลที่อำเภอคัดเลือกมาแล้ว)",
            f"{unit.name_en} ({unit.code}) was not picked at the previous stage under {office.name_en}"
            " (only the districts' picks may be chosen)",
        )
    return (
        f"{unit.name_th} ({unit.code}) ไม่ได้อยู่ใน{office.name_th}",
        f"{unit.name_en} ({unit.code}) is not in {office.name_en}",
    )


def stage_withdraw(*, actor: Actor, contest: Contest, unit: Unit, now: datetime | None = None) -> None:
    """Takes a pick back, up to and on the deadline; a pick that the next stage has already chosen is kept."""
    stage = _stage(contest)
    office = _chooser(actor, contest)
    window = stage_window(stage)
    if not window.is_open(timezone.localdate(now or timezone.now())):
        raise PortalError(
            f"ปิดการคัดเลือกแล้ว (กำหนด {window.text('th')})",
            f"selection closed (deadline {window.text('en')})",
            code="stage_closed",
        )
    if StageEntry.objects.filter(stage__previous=contest, unit=unit).exists():
        raise PortalError(
            f"{unit.name_th} ได้รับคัดเลือกในขั้นถัดไปแล้ว ถอนไม่ได้",
            f"{unit.name_en} has been picked at the next stage and cannot be withdrawn",
            code="picked_above",
        )
    with transaction.atomic():
        deleted, _ = stage_picks(stage, office).filter(unit=unit, uploads__isnull=True).delete()
        if not deleted:
            raise PortalError(
                f"{unit.name_th} ไม่ได้อยู่ในรายชื่อที่เลือกไว้ หรือส่งไฟล์แล้ว",
                f"{unit.name_en} is not among the picks, or its files were sent",
                code="not_picked",
            )
        contest.entrants.remove(unit)
        _standings_follow(contest)


def _minutes(seconds: Decimal | int, lang: str) -> str:
    whole = int(seconds)
    m, s = divmod(whole, 60)
    if lang == "th":
        return f"{thai_digits(m)} นาที {thai_digits(s)} วินาที"
    return f"{m} min {s} s"


def _limits(req: StageFile, lang: str) -> str:
    """The length the document asks for, of a requirement with a bound (a video found outside it)."""
    lo, hi = req.min_seconds or 0, req.max_seconds
    if lang == "th":
        if lo and hi:
            return f"{_minutes(lo, 'th')} ถึง {_minutes(hi, 'th')}"
        return f"อย่างน้อย {_minutes(lo, 'th')}" if lo or hi is None else f"ไม่เกิน {_minutes(hi, 'th')}"
    if lo and hi:
        return f"{_minutes(lo, 'en')} to {_minutes(hi, 'en')}"
    return f"at least {_minutes(lo, 'en')}" if lo or hi is None else f"at most {_minutes(hi, 'en')}"


def _local_path(upload) -> tuple[str, IO[bytes] | None]:
    """A path ffprobe or the MP4 reader can open: the upload's own temporary file, or a copy."""
    if hasattr(upload, "temporary_file_path"):
        return upload.temporary_file_path(), None
    copy = tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix)
    for chunk in upload.chunks():
        copy.write(chunk)
    copy.flush()
    return copy.name, copy


def _unreadable(name: str) -> PortalError:
    return PortalError(
        format_lazy(
            gettext_lazy("the length of the video “{name}” cannot be read from the file (send it as MP4 or MOV)"),
            name=name,
        ),
        code="video_unreadable",
    )


def _size_check(upload, requirement: StageFile) -> None:
    """Its kind's size limit, before anything is read or copied: a resumable upload is refused at the same
    size when it begins, a file sent in one request only here."""
    kind = "video" if requirement.kind == FileKind.VIDEO else "pdf"
    limits: dict[str, int] = {}
    for found in upload_limits():
        limits |= found
    if kind in limits and upload.size > limits[kind]:
        raise size_refusal(kind, limits[kind])


def _checked(path: str, requirement: StageFile, name: str) -> tuple[str, Decimal | None]:
    """The file's extension and a video's length, once its bytes are the kind the requirement asks for and
    pass every check an evidence file passes (core.validators: no script or launch action in a PDF, no
    markup, nothing foreign after a video's boxes). A video's length is read only from a checked file."""
    with open(path, "rb") as stream:
        group = sniff_group(stream.read(4096))
    video = requirement.kind == FileKind.VIDEO
    if video and group != "video":
        raise _unreadable(name)
    if not video and group != "pdf":
        raise PortalError(
            f"“{name}” ไม่ใช่ไฟล์ PDF ({requirement.name_th} ต้องเป็น PDF)",
            f"“{name}” is not a PDF ({requirement.name_en} must be a PDF)",
            code="not_pdf",
        )
    detected = inspect_file(path)
    if not video:
        return detected.ext, None
    seconds = video_seconds(path)
    if seconds is None:
        raise _unreadable(name)
    lo, hi = requirement.min_seconds, requirement.max_seconds
    if (lo is not None and seconds < lo) or (hi is not None and seconds > hi):
        raise PortalError(
            f"วีดิทัศน์ยาว {_minutes(seconds, 'th')} แต่หนังสือกำหนด {_limits(requirement, 'th')}",
            f"the video is {_minutes(seconds, 'en')} long; the document asks for {_limits(requirement, 'en')}",
            code="video_length",
        )
    return detected.ext, seconds


def stage_file_may_submit(*, actor: Actor, contest: Contest, unit: Unit, code: str) -> tuple:
    """What stage_file_submit refuses before a byte is read; asked again when a resumable upload is created.
    Returns the file asked for and the pick it is for."""
    stage = _stage(contest)
    office = _chooser(actor, contest)
    requirement = stage.files.filter(code=code).first()
    if requirement is None:
        raise PortalError(
            format_lazy(gettext_lazy("this stage asks for no file “{code}”"), code=code), code="no_such_file"
        )
    entry = stage_picks(stage, office).filter(unit=unit).first()
    if entry is None:
        raise PortalError(
            f"{unit.name_th} ไม่ได้อยู่ในรายชื่อที่{office.name_th}เลือกไว้",
            f"{unit.name_en} is not among {office.name_en}'s picks",
            code="not_picked",
        )
    return requirement, entry


def stage_file_submit(
    *, actor: Actor, contest: Contest, unit: Unit, code: str, upload, now: datetime | None = None
) -> StageUpload:
    """Sends one of the files a pick must come with. A video's length is read from the file and refused
    outside the document's limits (seed 002: "5 – 7 นาที"); a lessons-learned document must be a PDF; both
    pass evidence's content checks and are stored under a name the server makes.
    A file sent late is kept and shown as late: the deadline is the organiser's to weigh."""
    requirement, entry = stage_file_may_submit(actor=actor, contest=contest, unit=unit, code=code)
    _size_check(upload, requirement)
    path, copy = _local_path(upload)
    try:
        ext, seconds = _checked(path, requirement, upload.name)
        digest = hashlib.sha256()
        with open(path, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        upload.seek(0)
        upload.name = f"{uuid.uuid4().hex}{ext}"  # the sender's name once stored an .html as .html
        return StageUpload.objects.create(
            entry=entry,
            requirement=requirement,
            file=upload,
            sha256=digest.hexdigest(),
            seconds=seconds,
            uploaded_at=now or timezone.now(),
            uploaded_by=actor.user,
        )
    finally:
        if copy is not None:
            copy.close()
