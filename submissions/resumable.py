"""Files sent in pieces (the tus 1.0 protocol: core, creation, termination, checksum, expiration).

A district office on a mobile link sends a 300 MB video; the link breaks at 90 %; the browser (tus-js-client) or
a script (tuspy) asks how much arrived and sends the rest. Here:
- **creation** decides everything that does not need the bytes, before any is stored: who may send this file
  to this criterion or pick (the same questions evidence_submit and stage_file_submit ask), whether the
  contest still takes it, and the quotas (the kind's size limit by the name's extension, open uploads per
  person, free space for what every open upload still has to send);
- **each piece** arrives in a local temporary file, is kept in the file store (the media folder or the object
  store, core.files: a piece sent to one web machine and the next to another both count), and is recorded at
  the offset the server holds under a short row lock (two pieces for one upload never both count; no lock is
  held while bytes arrive); a piece with Upload-Checksum that does not match is dropped whole; the first
  piece must already look like a file the portal takes;
- **the last piece** joins the pieces into one local file and hands it to evidence_submit or
  stage_file_submit (submissions/resumable_saving.py): the same content checks, versioning, lateness and audit
  as a file sent in one request; nothing is shown to anyone before that;
- an upload nobody finishes expires (`Upload-Expires`): a piece after that is refused (410), and
  `resumable_expire` removes it (beat, hourly; in the embedded default, which runs no beat, whenever an upload
  begins).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import uuid
from base64 import b64decode
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.actor import actor_of
from contests.models import Contest, Unit
from core import files
from core.errors import PortalError
from core.files import upload_tmp_dir
from core.numbers import whole
from core.validators.content import TYPES, UploadRefused, refuse_type, sniff_group
from core.validators.refusal import size_refusal
from rubrics.models import ContestPeriod, Criterion
from stages.rights import chooses
from stages.services import stage_file_may_submit

from . import policy, selectors, services
from .models import ResumableState, ResumableUpload
from .resumable_saving import BLOCK, pieces_delete, resumable_finish
from .uploads import limits_bytes, storage_full

if TYPE_CHECKING:
    from _typeshed import SupportsRead

CHECKSUMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "md5": hashlib.md5}
# A complete upload still unsaved this long after its last byte is no longer being saved by anyone: the request
# that took the last piece saves it, and gunicorn (--timeout 120) kills a web worker busy with one request for 2
# minutes. Beat's minute job (submissions.resumable_recover) then saves it.
SAVING_AT_MOST = timedelta(minutes=3)
KIND_OF_EXT = {ext: kind for kind, _, ext in TYPES.values()} | {".jpeg": "image"}
SNIFF_BYTES = 16


class ChecksumMismatch(PortalError):
    status = 460  # tus' own status for a piece whose checksum does not match
    code = "checksum_mismatch"


@dataclass(frozen=True)
class Piece:
    """One PATCH: where the client says it starts, its body, how long it is, and its checksum if sent."""

    offset: int
    stream: SupportsRead[bytes]  # the request
    length: int
    checksum: str = ""


def _piece_name(upload: ResumableUpload, offset: int) -> str:
    # Unique per request: two requests racing with the same offset never write over each other's piece.
    return f"tus/{upload.pk}/{offset:012d}-{uuid.uuid4().hex[:8]}"


def resumable_create(*, user, length: int, metadata: dict[str, str], now: datetime | None = None) -> ResumableUpload:
    """A new upload of `length` bytes, refused before any byte when this person may not send this file."""
    now = now or timezone.now()
    filename = metadata.get("filename", "").strip()[:255]
    if not filename:
        raise UploadRefused("ไม่ได้ระบุชื่อไฟล์ (filename)", "no file name given (filename)")
    target = _target(user, metadata)
    _quota(user, filename, length, now, target)
    if settings.CELERY_TASK_ALWAYS_EAGER:  # the embedded default runs no beat: its hourly sweep runs here
        transaction.on_commit(resumable_sweep, robust=True)  # a sweep that fails never fails this upload
    upload = ResumableUpload.objects.create(
        user=user,
        length=length,
        filename=filename,
        description=" ".join(metadata.get("description", "").split())[:300],
        expires_at=now + timedelta(hours=settings.CDD4_RESUMABLE_HOURS),
        created_at=now,
        **target,
    )
    return upload


def resumable_of(*, upload_id, user) -> ResumableUpload:
    """One's own upload; another person's is not there for them (404, never 403)."""
    upload = ResumableUpload.objects.filter(pk=upload_id, user=user).first()
    if upload is None:
        raise Http404
    return upload


def resumable_append(*, upload_id, user, piece: Piece, now: datetime | None = None) -> ResumableUpload:
    """Keeps one piece at the offset the server holds; the last piece saves the file as evidence or a
    stage's file (or refuses it, with the reason kept for the client that asks)."""
    upload = resumable_of(upload_id=upload_id, user=user)
    _may_append(upload, piece, now or timezone.now())  # a finished, refused or expired upload opens no bytes
    local, received = _receive(upload, piece)
    name = _piece_name(upload, piece.offset) if received else None
    try:
        if name is not None:
            files.put(name, local)
        with transaction.atomic():
            upload = ResumableUpload.objects.select_for_update().get(pk=upload.pk)
            _may_append(upload, piece, now or timezone.now())  # another piece for this offset counted first
            if name is not None:
                upload.pieces.append(name)
                upload.offset += received
                if upload.offset == upload.length:
                    upload.received_at = now or timezone.now()
                upload.save(update_fields=["pieces", "offset", "received_at"])
    except BaseException:
        if name is not None:
            files.delete(name)
        raise
    finally:
        local.unlink(missing_ok=True)
    if upload.offset == upload.length and received:  # only the piece that completed it saves it
        resumable_finish(upload)
    return upload


def expired(upload: ResumableUpload, now: datetime) -> bool:
    """An unfinished upload past its Upload-Expires: it takes no more pieces and its sweep is due."""
    return upload.state == ResumableState.RECEIVING and upload.expires_at <= now


def resumable_delete(*, upload_id, user) -> None:
    """tus termination: an upload the sender gives up is removed with its bytes; a finished one stays."""
    upload = resumable_of(upload_id=upload_id, user=user)
    if upload.state == ResumableState.RECEIVING:
        pieces_delete(upload)
        upload.delete()


def resumable_recover(*, now: datetime | None = None) -> int:
    """Saves the uploads whose last piece arrived but whose saving broke off (the database gone at that moment,
    the process killed): their pieces are all in the store, and a tus client asking sees them complete, so
    nobody would send them again. Left SAVING_AT_MOST after their last byte, so that one still being saved is not
    taken twice."""
    cutoff = (now or timezone.now()) - SAVING_AT_MOST
    stuck = ResumableUpload.objects.filter(
        state=ResumableState.RECEIVING, offset=F("length"), received_at__lt=cutoff
    ).select_related("user", "rubric", "contest", "unit")
    saved = 0
    for upload in stuck:
        try:
            saved += resumable_finish(upload)
        except PortalError:
            continue  # refused: the reason is kept on the row for its sender, as at the time
    return saved


def resumable_expire(*, now: datetime | None = None) -> int:
    """Removes uploads past their expiry, finished or not (a finished one's answer is kept that long)."""
    gone = list(ResumableUpload.objects.filter(expires_at__lt=now or timezone.now()))
    for upload in gone:
        pieces_delete(upload)
    ResumableUpload.objects.filter(pk__in=[u.pk for u in gone]).delete()
    return len(gone)


def resumable_sweep() -> int:
    """Beat's hourly job (submissions.resumable_expire): saves the uploads whose saving broke off (as the minute
    job does), then removes those nobody finished. Returns how many were removed."""
    resumable_recover()
    return resumable_expire()


def parse_metadata(header: str) -> dict[str, str]:
    """Upload-Metadata: "key base64value,key base64value" (tus creation); Thai names arrive as UTF-8."""
    pairs = {}
    for item in filter(None, (part.strip() for part in header.split(","))):
        key, _, value = item.partition(" ")
        try:
            pairs[key] = b64decode(value, validate=True).decode("utf-8") if value else ""
        except (ValueError, UnicodeDecodeError):
            raise UploadRefused(f"ข้อมูลประกอบ “{key}” อ่านไม่ได้", f"metadata “{key}” is not base64 UTF-8") from None
    return pairs


def _target(user, metadata: dict[str, str]) -> dict:
    """Where the file goes, asked of the same services that save it (the lock decides, nobody else)."""
    unit = Unit.objects.filter(code=metadata.get("unit", "")).first()
    if unit is None:
        raise UploadRefused("ไม่พบหน่วยงาน (unit)", "no such unit (unit)")
    if metadata.get("kind", "evidence") == "stage_file":
        code = metadata.get("code", "")
        contest = Contest.objects.filter(slug=metadata.get("contest", "")).first()
        if contest is None or not chooses(actor_of(user), contest):
            raise Http404  # as the stage's page: nobody learns of a contest that is not theirs
        stage_file_may_submit(actor=actor_of(user), contest=contest, unit=unit, code=code)
        return {"contest": contest, "unit": unit, "code": code}
    try:  # as the API's evidence, but a contest the office does not send to is not found, whoever asks
        rubric, _entry = selectors.own_entry(user, metadata.get("rubric", ""))
    except PermissionDenied:
        raise Http404 from None
    code = metadata.get("criterion", "")
    named = _round(metadata.get("round", ""))
    try:
        services.evidence_may_submit(user=user, rubric=rubric, unit=unit, criterion_code=code, answers_round=named)
    except Criterion.DoesNotExist:
        raise Http404 from None
    return {"rubric": rubric, "unit": unit, "code": code, "answers_round": named}


def _round(raw: str) -> int | None:
    """The round a report says it answers ("round" in its metadata, as the criterion page's choice sends it);
    none given: its day decides."""
    if not raw.strip():
        return None
    number = whole(raw.strip())
    if number is None:
        raise UploadRefused(f"รอบ “{raw}” ต้องเป็นตัวเลข (round)", f"round “{raw}” must be a number")
    return number


def _kind_refused(rubric: ContestPeriod | None, code: str) -> UploadRefused:
    """A kind the portal takes nowhere: said as the criterion's page says it (what it takes, and the link), or for a
    stage's file (no rubric) the portal's general refusal."""
    return policy.type_refusal(rubric, code) if rubric is not None else refuse_type()


def _quota(user, filename: str, length: int, now: datetime, target: dict) -> None:
    kind = KIND_OF_EXT.get(Path(filename).suffix.lower())
    if kind is None:
        raise _kind_refused(target.get("rubric"), target["code"])
    limit = limits_bytes()[kind]
    if length <= 0 or length > limit:
        raise size_refusal(kind, limit) if length > 0 else UploadRefused("ไฟล์ว่าง", "the file is empty")
    open_uploads = ResumableUpload.objects.filter(state=ResumableState.RECEIVING, expires_at__gt=now)
    most = settings.CDD4_RESUMABLE_OPEN
    if open_uploads.filter(user=user).count() >= most:
        raise UploadRefused(
            f"ส่งไฟล์ค้างไว้ได้ไม่เกิน {most} ไฟล์พร้อมกัน ส่งไฟล์ที่ค้างให้ครบหรือยกเลิกก่อน",
            f"at most {most} uploads may be open at once: finish or cancel one first",
            status=429,
        )
    # Every open upload may still send the rest of its bytes, and each is joined there before the checks: the
    # space is promised to all of them, not only to the one beginning.
    promised = open_uploads.aggregate(rest=Sum(F("length") - F("offset")))["rest"] or 0
    free = shutil.disk_usage(upload_tmp_dir()).free
    if free - promised - length < settings.CDD4_MIN_FREE_MB * 1024 * 1024:
        raise storage_full()


def _may_append(upload: ResumableUpload, piece: Piece, now: datetime) -> None:
    if upload.state == ResumableState.REFUSED:  # the reason it was refused, again: start a new upload
        raise PortalError(upload.refusal or gettext_lazy("this upload was refused"), status=410, code="refused")
    if upload.state != ResumableState.RECEIVING:
        raise PortalError(gettext_lazy("this upload is already complete"), status=409, code="complete")
    if expired(upload, now):  # tus expiration: gone, as its pieces soon are; the client starts again
        raise PortalError(
            gettext_lazy("this upload has expired: start a new one"),
            status=410,
            code="expired",
        )
    if piece.offset != upload.offset:
        raise PortalError(
            format_lazy(gettext_lazy("offset mismatch: the server holds {offset} bytes"), offset=upload.offset),
            status=409,
            code="offset_mismatch",
        )
    if piece.offset + piece.length > upload.length:
        raise UploadRefused("ส่งเกินขนาดที่แจ้งไว้", "more bytes than the upload's length", status=413)
    if piece.checksum:
        algorithm = piece.checksum.split(" ", 1)[0]
        if algorithm not in CHECKSUMS:
            raise PortalError(
                format_lazy(gettext_lazy("unsupported checksum {algorithm}"), algorithm=algorithm),
                status=400,
                code="checksum",
            )


def _receive(upload: ResumableUpload, piece: Piece) -> tuple[Path, int]:
    """Writes the piece's body to a local temporary file; returns it and how many bytes arrived. Without a
    checksum, the bytes that arrived before a broken link are kept (the client resumes after them); with
    one, all or nothing."""
    digest = CHECKSUMS[piece.checksum.split(" ", 1)[0]]() if piece.checksum else None
    left, written = piece.length, 0
    with tempfile.NamedTemporaryFile(dir=upload_tmp_dir(), suffix=".piece", delete=False) as part:
        local = Path(part.name)
        try:
            while left:
                block = piece.stream.read(min(BLOCK, left))
                if not block:
                    break
                if upload.offset + written == 0:
                    _first_bytes_look_right(upload, block)
                part.write(block)
                written += len(block)
                left -= len(block)
                if digest is not None:
                    digest.update(block)
        except OSError:
            if digest is not None:
                local.unlink()
                raise
        except BaseException:
            local.unlink()
            raise
    if digest is not None and (left or digest.digest() != _b64(piece.checksum)):
        local.unlink()
        raise ChecksumMismatch(gettext_lazy("this piece's checksum does not match: send it again"))
    return local, written


def _b64(checksum: str) -> bytes:
    try:
        return b64decode(checksum.split(" ", 1)[1], validate=True)
    except (IndexError, ValueError):
        return b""


def _first_bytes_look_right(upload: ResumableUpload, head: bytes) -> None:
    """The first piece already says whether this is a kind the portal takes: a 300 MB .exe named .mp4 is
    refused after its first bytes, not after all of them."""
    kind = sniff_group(head[:SNIFF_BYTES])
    if kind is None:
        _refuse(upload, _kind_refused(upload.rubric, upload.code))  # no rubric for a stage's file
    limit = limits_bytes()[kind]
    if upload.length > limit:
        _refuse(upload, size_refusal(kind, limit))


def _refuse(upload: ResumableUpload, error: PortalError) -> NoReturn:
    """Refused whole: the bytes go, the reason stays for the client that asks (GET on the upload)."""
    pieces_delete(upload)
    ResumableUpload.objects.filter(pk=upload.pk).update(state=ResumableState.REFUSED, refusal=str(error)[:500])
    raise error
