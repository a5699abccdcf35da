"""Streaming upload handling: files go straight to a temporary file on disk (core.files.upload_tmp_dir) and
are capped per kind as they arrive."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import tempfile

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http.multipartparser import MultiPartParserError

from core.files import upload_tmp_dir
from core.validators.content import UploadRefused, refuse_type, sniff_group
from core.validators.refusal import size_refusal

from .models import UploadLimit

logger = logging.getLogger(__name__)
# Errors that mean "the disk is full", not "this file is bad": the upload may be sent again later.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}

# The first chunk must show the file's kind; nothing we accept needs more than this to be recognised.
SNIFF_BYTES = 16


def limits_bytes() -> dict[str, int]:
    """Size limit per kind: central staff's UploadLimit rows over the settings defaults (one query)."""
    limits = {k: int(v) * 1024 * 1024 for k, v in settings.CDD4_UPLOAD_LIMITS_MB.items()}
    for kind, max_mb in UploadLimit.objects.values_list("file_kind", "max_mb"):
        limits[kind] = max_mb * 1024 * 1024
    return limits


def storage_full() -> UploadRefused:
    return UploadRefused(
        "พื้นที่จัดเก็บไฟล์ของระบบเต็ม ไฟล์นี้ยังไม่ได้บันทึก กรุณาส่งใหม่ภายหลังหรือแจ้งผู้ดูแลระบบ",
        "The portal's file storage is full; this file was not saved. Send it again later or tell the administrators",
        status=507,
    )


# Django refuses a multipart part whose headers pass 1,024 bytes (multipartparser.MAX_TOTAL_HEADER_SIZE):
# in practice a long file name, since a Thai character is 3 bytes in UTF-8 (about 330 of them).
PART_HEADER_TOO_BIG = "header size exceeded"


def name_too_long() -> UploadRefused:
    return UploadRefused(
        "ชื่อไฟล์ยาวเกินไป (ชื่อไฟล์หรือชื่อช่องข้อมูลรวมกันเกิน 1,024 ไบต์ ประมาณ 300 ตัวอักษรภาษาไทย) "
        "กรุณาเปลี่ยนชื่อไฟล์ให้สั้นลงแล้วส่งใหม่ ไม่ได้บันทึกไฟล์ใด",
        "File name too long (a file or field name may not pass 1,024 bytes, about 300 Thai characters); "
        "rename the file shorter and send it again; nothing was saved",
    )


def bad_body() -> UploadRefused:
    return UploadRefused(
        "คำขอไม่ถูกต้อง (จำนวนไฟล์หรือช่องข้อมูลมากเกินไป หรือรูปแบบเสียหาย) ไม่ได้บันทึกไฟล์ใด",
        "Malformed request (too many files or fields, or a broken body); nothing was saved",
    )


class _TempFile(TemporaryUploadedFile):
    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        # Not super().__init__: that would put the temp file in FILE_UPLOAD_TEMP_DIR.
        file = tempfile.NamedTemporaryFile(suffix=".upload", dir=upload_tmp_dir())
        super(TemporaryUploadedFile, self).__init__(file, name, content_type, size, charset, content_type_extra)


class CappedUploadHandler(FileUploadHandler):
    """Writes each file to a temp file, refusing it (SkipFile) once it passes its kind's limit.

    Refusals are collected in request.upload_refusals so the view can say why in Thai. The SHA-256 is
    computed from the same chunks as they are written (`file.sha256`), so the stored file is not read
    back just to hash it; the limits read for this request travel with the file (`file.limits`).
    """

    # Fewer, larger chunks through the multipart parser: still bounded (one chunk in memory at a time).
    chunk_size = 256 * 2**10

    def __init__(self, request=None, limits: dict[str, int] | None = None):
        super().__init__(request)
        self.limits = limits if limits is not None else limits_bytes()
        self.temp_files: list[_TempFile] = []
        self.refusals: list[tuple[str | None, UploadRefused]] = []  # the request's own list, when there is one
        if request is not None:
            if not hasattr(request, "upload_refusals"):
                request.upload_refusals = []
            self.refusals = request.upload_refusals

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = _TempFile(self.file_name, self.content_type, 0, self.charset, self.content_type_extra)
        self.temp_files.append(self.file)
        self.head = b""
        self.limit = None
        self.size = 0
        self.digest = hashlib.sha256()

    def _refuse(self, refusal: UploadRefused):
        self.file.close()
        self.refusals.append((self.file_name, refusal))
        raise SkipFile()

    def receive_data_chunk(self, raw_data, start):
        if self.limit is None:
            self.head += raw_data[:SNIFF_BYTES]
            if len(self.head) >= SNIFF_BYTES:
                kind = sniff_group(self.head)
                if kind is None:
                    self._refuse(refuse_type())
                self.limit, self.kind = self.limits.get(kind, 0), kind
        self.size += len(raw_data)
        if self.limit is not None and self.size > self.limit:
            self._refuse(size_refusal(self.kind, self.limit))
        self.file.write(raw_data)
        self.digest.update(raw_data)
        return None

    def file_complete(self, file_size):
        # A file shorter than SNIFF_BYTES is sniffed by the full check later (and refused there).
        self.file.seek(0)
        self.file.size = file_size
        self.file.sha256 = self.digest.hexdigest()
        self.file.limits = self.limits
        return self.file

    def upload_interrupted(self):
        if hasattr(self, "file"):
            self.file.close()

    def discard(self) -> None:
        """Deletes every temp file of this request (closing a NamedTemporaryFile deletes it)."""
        for f in self.temp_files:
            f.close()


def hard_cap(limits: dict[str, int] | None = None) -> int:
    """No single request may be larger than the biggest per-kind limit plus form overhead."""
    return max((limits if limits is not None else limits_bytes()).values()) + 1024 * 1024


def received(request) -> UploadRefused | None:
    """An evidence body, once its sender is authorised: refused whole over the largest cap from its
    Content-Length, else streamed to disk, each file capped by its kind (the limits read once for the request:
    the cap, the streaming handler and the final check); a body we cannot keep refused with its Thai reason."""
    limits = limits_bytes()
    if content_length(request) > hard_cap(limits):
        return size_refusal("any", hard_cap(limits) - 1024 * 1024)
    install(request, limits)
    return read_body(request)


def install(request, limits: dict[str, int] | None = None) -> None:
    """Must run before anything reads request.POST/FILES (hence after the sender is authorised and before the
    CSRF check: core.http.takes_files).

    `limits`: the ones the caller already read for this request (saves a query).
    """
    request.upload_refusals = []  # first: the handler keeps this list and adds its refusals to it
    request.upload_handlers = [CappedUploadHandler(request, limits)]


def read_body(request) -> UploadRefused | None:
    """Parses the body now, so a body we cannot keep gets a Thai reason instead of a bare 400 or a 500.

    On a refusal nothing of the request stays on disk and request.POST/FILES are empty.
    """
    try:
        request.POST, request.FILES  # noqa: B018 (the parse is the point)
        return None
    except MultiPartParserError as exc:
        refusal = name_too_long() if PART_HEADER_TOO_BIG in str(exc) else bad_body()
    except (TooManyFieldsSent, TooManyFilesSent, RequestDataTooBig):
        refusal = bad_body()
    except OSError as exc:
        if exc.errno not in NO_SPACE:
            raise
        logger.error("upload refused: no space left for uploads under %s", settings.MEDIA_ROOT)
        refusal = storage_full()
    for handler in request.upload_handlers:
        if isinstance(handler, CappedUploadHandler):
            handler.discard()
    request._mark_post_parse_error()  # Django's own way to say "the body is gone": empty POST and FILES
    return refusal


def content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def cleanup(files) -> None:
    for f in files:
        path = f.temporary_file_path() if hasattr(f, "temporary_file_path") else None
        f.close()
        if path and os.path.exists(path):
            os.unlink(path)
