"""The letter a deadline moves by ("ตามหนังสือ ที่ มท 0410.4/ว 6001 ลงวันที่ …"): the Department's, or, when an
organiser moves its own contest's date, its office's ("ชม 0019/ว 1234", `letter_office`); its number and date
(checked before anything is written, rubrics.revisions.letter_check), and its PDF, checked by content as
evidence is (core.validators.letter) and kept under a name the server makes (each move's letter its own stored
file, never overwritten)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from contests.letter_numbers import letter_example
from contests.models import Contest, Unit
from contests.units import office_name
from core.i18n import Text, either
from core.validators.letter import pdf_check
from rubrics.models import RubricChange

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


def letter_office(user, contest: Contest) -> Unit | None:
    """Whose letter a move by `user` cites: the office that runs the contest when `user` works in it (an
    organiser moves its own contest's dates by its own letter); None, the Department's, for anyone else (central
    staff, the national contest)."""
    office = actor_of(user).own_office
    return office if office is not None and office.pk == contest.organiser_id else None


def letter_help(office: Unit | None) -> Text:
    """What the letter's number box asks for: the Department's letter with its number as the example, or the
    office's (`letter_office`) with one numbered as that office numbers its letters."""
    if office is None:
        return _("as the Department's letter writes it, e.g. มท 0410.4/ว 6001")
    name = either(office_name(office), f"the {office.name_en or office.code} provincial community development office")
    number = letter_example(office)
    if not number:
        return format_lazy(_("as the letter of {office} writes it"), office=name)
    return format_lazy(_("as the letter of {office} writes it, e.g. {number}"), office=name, number=number)


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
