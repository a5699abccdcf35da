"""Verification codes printed on issued documents, and the QR codes that lead to their public page.

A code is 12 characters of Crockford's base32 (digits and capitals without I, L, O, U: nothing to
misread on paper or mistype on a phone), drawn at random: 60 bits, so a code cannot be guessed or
counted up to, and the public page names nothing to someone who does not hold the document.
Pure: minting and drawing only; the rows are written by `services.document_render`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

import segno
from django.conf import settings
from django.urls import reverse

if TYPE_CHECKING:
    from contests.models import Unit

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
# What a person may type for a code: Crockford's reading of look-alikes, any case, any separators.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")
_CODE = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")
SHA256 = re.compile(r"[0-9a-f]{64}")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code a person meant ("abcd-efgh-jk1o" → "ABCDEFGHJK10"), or None if it cannot be one."""
    code = _SEPARATORS.sub("", typed or "").upper().translate(_LOOKALIKES)
    return code if _CODE.fullmatch(code) else None


def normalise_sha256(typed: str) -> str | None:
    """A pasted SHA-256 in lower case, without spaces; None if it is not 64 hex digits."""
    digest = _SEPARATORS.sub("", typed or "").lower()
    return digest if SHA256.fullmatch(digest) else None


def grouped(code: str) -> str:
    """ "ABCD-EFGH-JK10": as printed and shown, easier to read aloud and compare."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def url(code: str) -> str:
    """The public page's full address (CDD4_PUBLIC_URL: the portal's address as the public reaches it)."""
    return settings.CDD4_PUBLIC_URL.rstrip("/") + reverse("verify:page", args=[code])


def qr_svg(target: str) -> str:
    """The QR code of `target` as inline SVG, sized by its container (medium error correction: a
    creased or stamped print still reads)."""
    return segno.make(target, error="m", micro=False).svg_inline(
        omitsize=True, title="คิวอาร์โค้ดสำหรับตรวจสอบเอกสาร", dark="#000", light="#fff"
    )


class Kept(Protocol):
    """A code as stored (awards.models.VerificationCode): what a carried part prints again."""

    code: str
    entrant_th: str
    award_th: str
    dated: date | None


@dataclass
class Mark:
    """One code as printed: on a whole document (no entrant), or on one entrant's part of it."""

    code: str
    entrant: Unit | None = None  # the unit the part is about
    entrant_th: str = ""  # as printed: "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", or the nominee and office
    award_th: str = ""  # as printed on a certificate: "รางวัลชนะเลิศ"
    dated: date | None = None  # the date printed on it ("ให้ไว้ ณ วันที่ …"), where one is

    @property
    def grouped(self) -> str:
        return grouped(self.code)

    @property
    def url(self) -> str:
        return url(self.code)

    @property
    def short_url(self) -> str:
        """The page to type the code into, as printed beside it: "cdd4.example.go.th/verify/"."""
        return re.sub(r"^https?://", "", settings.CDD4_PUBLIC_URL.rstrip("/")) + reverse("verify:index")

    @property
    def svg(self) -> str:
        return qr_svg(self.url)


@dataclass
class CodeBook:
    """The marks one rendering prints, in order; stored only once the document is written. `kept`: codes already
    issued to entrants (by unit id) whose part is printed again as it was issued (an awardee's certificate a
    corrected set carries): such an entrant printed with the same words gets that code and date again, listed in
    `carried`, never stored twice."""

    marks: list[Mark] = field(default_factory=list)
    kept: Mapping[int, Kept] = field(default_factory=dict)
    carried: list[Mark] = field(default_factory=list)

    def mark(
        self, entrant: Unit | None = None, *, entrant_th: str = "", award_th: str = "", dated: date | None = None
    ) -> Mark:
        old = self.kept.get(entrant.pk) if entrant is not None else None
        if old is not None and (old.entrant_th, old.award_th) == (entrant_th, award_th):
            carried = Mark(code=old.code, entrant=entrant, entrant_th=entrant_th, award_th=award_th, dated=old.dated)
            self.carried.append(carried)
            return carried
        taken = {m.code for m in self.marks}
        code = new_code()
        while code in taken:  # 2^-60 a draw; the database's unique constraint guards across documents
            code = new_code()
        mark = Mark(code=code, entrant=entrant, entrant_th=entrant_th, award_th=award_th, dated=dated)
        self.marks.append(mark)
        return mark
