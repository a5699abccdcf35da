"""The one refusal every layer raises (HackSoft styleguide, errors approach 2), holding one translated message.

A refusal is written `PortalError(_("English message id"))`; the Thai is the translation in
locale/th/LC_MESSAGES/django.po. `str(error)` is the message in the active language, and `.th`/`.en`
(the API's error shape) read the same catalogue in each language. Views do not format refusals
themselves: `show` puts one on a page as a message and core.api answers it in the API (one error per row
of a RowsError, each with its `row`).
A refusal built at run time from words held in both languages (a rubric's names) may still be given as a
pair, `PortalError(th, en)`: `str(error)` is then the half in the page's language.
It is a ValueError because callers (and Django's form machinery) have always caught ValueError.
"""

from __future__ import annotations

from core.i18n import _, format_lazy, lazy, override, pick


def in_language(text, language: str) -> str:
    """A (lazy) message as one language shows it."""
    with override(language):
        return str(text)


class PortalError(ValueError):
    status = 400  # what the API answers; subclasses that mean 404/409/413 say so
    code = "refused"

    def __init__(
        self,
        message,
        en: str | None = None,
        *,
        field: str | None = None,
        code: str | None = None,
        status: int | None = None,
        text=None,
    ) -> None:
        if en is None and isinstance(message, str) and " / " in message:
            message, _sep, en = message.partition(" / ")
        self.pair = (message, en) if en is not None else None
        self.text_in_language = message
        self.field = field
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        # `text` is for refusals that list several problems (one per line) under one error.
        self.lines = text
        super().__init__(message)

    def __str__(self) -> str:
        if self.lines is not None:
            return str(self.lines)
        if self.pair is not None:
            return pick(*self.pair)
        return str(self.text_in_language)

    @property
    def th(self) -> str:
        return self.pair[0] if self.pair is not None else in_language(self.text_in_language, "th")

    @property
    def en(self) -> str:
        return (self.pair[1] or self.pair[0]) if self.pair is not None else in_language(self.text_in_language, "en")

    @property
    def message(self) -> str:
        return str(self)


# A refusal lists this many problems and counts the rest: 128,010 of them made a 22 MB page.
MAX_SHOWN = 50


def first_few(lines: list) -> list:
    """The first MAX_SHOWN lines, then one saying how many more there are."""
    if len(lines) <= MAX_SHOWN:
        return lines
    return [*lines[:MAX_SHOWN], str(more_than_shown(len(lines) - MAX_SHOWN))]


def more_than_shown(more: int):
    """The line after the first MAX_SHOWN problems."""
    return format_lazy(_("… and {more:,} more (fix those above and send it again to see the rest)"), more=more)


class RowError:
    """One bad row of an import; row 0 is about the whole file."""

    def __init__(self, row: int, message, en: str | None = None) -> None:
        self.row, self.message, self.pair_en = row, message, en

    @property
    def th(self) -> str:
        return str(self.message) if self.pair_en is not None else in_language(self.message, "th")

    @property
    def en(self) -> str:
        return self.pair_en if self.pair_en is not None else in_language(self.message, "en")

    def __eq__(self, other) -> bool:
        return isinstance(other, RowError) and (self.row, self.th, self.en) == (other.row, other.th, other.en)

    def __hash__(self) -> int:
        return hash((self.row, self.th, self.en))

    def __repr__(self) -> str:
        return f"RowError({self.row!r}, {self.en!r})"

    def __str__(self) -> str:
        if self.pair_en is not None:
            text = pick(str(self.message), self.pair_en)
            return text if self.row == 0 else str(format_lazy(_("row {row}: {message}"), row=self.row, message=text))
        if self.row == 0:
            return str(self.message)
        return str(format_lazy(_("row {row}: {message}"), row=self.row, message=self.message))


def _lines(errors: list[RowError]) -> str:
    return "\n".join(first_few([str(e) for e in errors]))


_lines_lazy = lazy(_lines, str)


class RowsError(PortalError):
    """Every bad row of an import, one per line, with its spreadsheet row number."""

    code = "import"

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        first = errors[0] if errors else RowError(0, "")
        if first.pair_en is not None:
            super().__init__(first.message, first.pair_en, text=_lines_lazy(errors))
        else:
            super().__init__(first.message, text=_lines_lazy(errors))


class YearFrozen(RowsError):
    """Facts, scores, deadlines and the rubric of a frozen year refuse changes until it is unfrozen.

    A RowsError about the whole file (row 0), so every import that lists bad rows lists this one too.
    409, not 400: the request is fine, the year's state is not (as scoring.lifecycle.Refused and the evidence
    API's refusal of a frozen year); the API answers it as a client_error, code year_frozen (docs/api.md)."""

    code = "year_frozen"
    status = 409

    def __init__(self, year: int) -> None:
        self.year = year
        message = format_lazy(
            _("the {year} results are frozen: no changes until central staff unfreeze them"), year=year
        )
        super().__init__([RowError(0, message)])
