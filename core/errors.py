"""The one refusal every layer raises (HackSoft styleguide, errors approach 2): Thai first, then English.

`str(error)` is "ไทย / English", the text the portal has always printed. Views do not format refusals
themselves: `show` puts one on a page as a message and core.api answers it in the API (one error per row
of a RowsError, each with its `row`).
It is a ValueError because callers (and Django's form machinery) have always caught ValueError.
"""

from __future__ import annotations

from dataclasses import dataclass


class PortalError(ValueError):
    status = 400  # what the API answers; subclasses that mean 404/409/413 say so
    code = "refused"

    def __init__(
        self,
        th: str,
        en: str | None = None,
        *,
        field: str | None = None,
        code: str | None = None,
        status: int | None = None,
        text: str | None = None,
    ) -> None:
        if en is None:
            # Older raise sites pass one "ไทย / English" string; it still reads the same.
            th, _, en = th.partition(" / ")
        self.th, self.en, self.field = th, en, field
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        # `text` is for refusals that list several problems (one per line) under one error.
        super().__init__(text if text is not None else (f"{th} / {en}" if en else th))

    @property
    def message(self) -> str:
        return str(self)


# A refusal lists this many problems and counts the rest: 128,010 of them made a 22 MB page (issue #24).
MAX_SHOWN = 50


def first_few(lines: list[str]) -> list[str]:
    """The first MAX_SHOWN lines, then one saying how many more there are."""
    if len(lines) <= MAX_SHOWN:
        return lines
    return [*lines[:MAX_SHOWN], " / ".join(more_than_shown(len(lines) - MAX_SHOWN))]


def more_than_shown(more: int) -> tuple[str, str]:
    """The line after the first MAX_SHOWN problems, Thai and English."""
    return (
        f"… และอีก {more:,} ข้อ (แก้ข้อข้างบนแล้วส่งใหม่เพื่อดูข้อที่เหลือ)",
        f"… and {more:,} more (fix those above and send it again to see the rest)",
    )


@dataclass(frozen=True)
class RowError:
    """One bad row of an import; row 0 is about the whole file."""

    row: int
    th: str
    en: str

    def __str__(self) -> str:
        if self.row == 0:
            return f"{self.th} / {self.en}"
        return f"แถวที่ {self.row}: {self.th} / row {self.row}: {self.en}"


class RowsError(PortalError):
    """Every bad row of an import, one per line, with its spreadsheet row number."""

    code = "import"

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        first = errors[0] if errors else RowError(0, "", "")
        super().__init__(first.th, first.en, text="\n".join(first_few([str(e) for e in errors])))


class YearFrozen(RowsError):
    """Facts, scores, deadlines and the rubric of a frozen year refuse changes until it is unfrozen.

    A RowsError about the whole file (row 0), so every import that lists bad rows lists this one too.
    409, not 400: the request is fine, the year's state is not (as contests.lifecycle.Refused and the evidence
    API's refusal of a frozen year); the API answers it as a client_error, code year_frozen (docs/api.md)."""

    code = "year_frozen"
    status = 409

    def __init__(self, year: int) -> None:
        self.year = year
        th = f"ผลปี {year} ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล"
        en = f"the {year} results are frozen: no changes until central staff unfreeze them"
        super().__init__([RowError(0, th, en)])
