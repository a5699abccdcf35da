"""A letter's PDF as a person attaches it (a deadline moved by the Department's letter, an announcement's letter):
checked by content as evidence is (no script, no markup, a whole PDF), its SHA-256 kept beside it."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import IO

from django import forms
from django.core.files.uploadedfile import UploadedFile

from core.errors import PortalError

from .content import inspect_file


def _path(upload: UploadedFile) -> tuple[str, IO[bytes] | None]:
    """A path the content checks can open: the upload's own temporary file, or a copy (closed by the caller)."""
    if hasattr(upload, "temporary_file_path"):
        return upload.temporary_file_path(), None
    copy = tempfile.NamedTemporaryFile(suffix=".pdf")
    for chunk in upload.chunks():
        copy.write(chunk)
    copy.flush()
    return copy.name, copy


def pdf_check(upload: UploadedFile) -> str:
    """The letter's PDF checked by content, as evidence is (no script, no markup, a whole PDF); its SHA-256."""
    path, copy = _path(upload)
    try:
        if inspect_file(path).subtype != "pdf":
            raise PortalError("หนังสือต้องเป็นไฟล์ PDF", "the letter must be a PDF file", code="letter_not_pdf")
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    finally:
        if copy is not None:
            copy.close()


def letter_clean(upload: UploadedFile | None) -> UploadedFile | None:
    """A form's check of its letter field (`clean_<field>`): the upload as given, or `pdf_check`'s refusal as the
    field's error."""
    if upload:
        try:
            pdf_check(upload)
        except PortalError as exc:
            raise forms.ValidationError(str(exc)) from exc
    return upload
