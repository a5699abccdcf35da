"""The Department's letter a deadline moves by ("ตามหนังสือ ที่ มท 0410.4/ว 6001 ลงวันที่ …"): its number and
date (checked before anything is written, rubrics.revisions.letter_check), and its PDF, checked by content as
evidence is (core.validators.letter) and kept under a name the server makes (each move's letter its own stored
file, never overwritten)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import UploadedFile

from core.validators.letter import pdf_check
from scoring.models import RubricChange

NUMBER_MOST = 80  # RubricChange.letter_number


@dataclass(frozen=True)
class Letter:
    """A letter as the person gives it: its number, its date and, optionally, its PDF (an uploaded file)."""

    number: str = ""
    day: date | None = None
    pdf: UploadedFile | None = None

    @property
    def given(self) -> bool:
        return bool(self.number.strip() or self.day or self.pdf)


NONE = Letter()


def letter_keep(record: RubricChange, letter: Letter) -> None:
    """Writes the letter onto the change's record, its PDF (checked again) stored under a new name."""
    record.letter_number, record.letter_date = letter.number.strip(), letter.day
    fields = ["letter_number", "letter_date"]
    upload = letter.pdf
    if upload is not None:
        record.letter_sha256 = pdf_check(upload)
        upload.seek(0)
        record.letter_file.save(f"{uuid.uuid4().hex}.pdf", upload, save=False)
        fields += ["letter_file", "letter_sha256"]
    record.save(update_fields=fields)
