"""What every layer of the rule engine says to people and about rubrics: a name in Thai and English (`Label`),
a rule's bad parameters (`RuleError`), a fact that cannot be used (`FactError`), and where in a rubric a
problem is (`Where`, `Problem`). Its own module, imported by the rest (base, declare, params, facts, fields,
rulebook.spec) and importing none of them, so that no two of them import each other."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import NamedTuple

from core.errors import PortalError, in_language
from core.i18n import Text, pick


class Label(NamedTuple):
    """Words held in both languages as data (a rubric's question, a reason built from it); a page shows it as
    its own language's half, `{{ label }}`, and the API and sheets read `.th` and `.en`."""

    th: str
    en: str

    def __str__(self) -> str:
        return pick(self.th, self.en)


class RuleError(PortalError):
    """Bad rule parameters in a rubric: `field` names the parameter, `row` the table row (1-based) if any;
    parse_rubric records it as a `Problem` at its criterion."""

    def __init__(self, th: str, en: str | None = None, *, field: str | None = None, row: int | None = None) -> None:
        super().__init__(th, en, field=field)
        self.row = row


class FactError(PortalError):
    """A raw fact that cannot be used; the message names the fact and the value."""

    def __init__(self, fact: str, th: str, en: str) -> None:
        self.fact = fact
        super().__init__(th, en, field=fact)


@dataclass(frozen=True)
class Where:
    """Where in a rubric file a problem is: as a person reads it (`th`, `en`: "เกณฑ์ 1.2" / "Criterion 1.2"),
    and as a program finds it: the dimension's and criterion's codes (as written, "#n" when a code is missing),
    an award's place among the awards (1-based), a period's code, the key of that part (`field`:
    "max_points", "rule"), a rule's parameter and its table row (1-based). Nothing reads the words back."""

    th: str = ""
    en: str = ""
    dimension: str | None = None
    criterion: str | None = None
    award: int | None = None
    period: str | None = None
    field: str | None = None
    parameter: str | None = None
    row: int | None = None

    def at(self, field: str | None = None, *, parameter: str | None = None, row: int | None = None) -> Where:
        """This place, narrowed to one of its keys (or its rule's parameter and row)."""
        return replace(self, field=field or self.field, parameter=parameter or self.parameter, row=row or self.row)

    def within(self, outer: Where) -> Where:
        """This place inside `outer` (a period's own criterion): its keys, and `outer`'s it lacks (the period);
        `outer`'s words first."""
        parts = ("dimension", "criterion", "award", "period", "field")
        keys = {k: getattr(outer, k) for k in parts if getattr(outer, k) is not None and getattr(self, k) is None}
        th = f"{outer.th}: {self.th}" if self.th else outer.th
        en = f"{outer.en}: {self.en}" if self.en else outer.en
        return replace(self, th=th, en=en, **keys)


NOWHERE = Where()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a rubric: where (`Where`), and what, Thai and English. `str()` is the line the
    portal has always printed: "เกณฑ์ 1.2: … / Criterion 1.2: …"."""

    where: Where
    th: str
    en: str

    def __str__(self) -> str:
        th, en = self.lines()
        return f"{th} / {en}" if self.en else th

    def lines(self) -> tuple[str, str]:
        """The Thai line and the English one, each with where the problem is."""
        if self.where.th:
            return f"{self.where.th}: {self.th}", f"{self.where.en}: {self.en}"
        return self.th, self.en or self.th

    @property
    def shown(self) -> str:
        """The line in the page's language."""
        return pick(*self.lines())

    @classmethod
    def said(cls, text: Text) -> Problem:
        """A refusal about no part in particular: a translated message, or one "ไทย / English" line."""
        if not isinstance(text, str):
            return cls(NOWHERE, in_language(text, "th"), in_language(text, "en"))
        th, _, en = text.partition(" / ")
        return cls(NOWHERE, th, en)

    def within(self, outer: Where) -> Problem:
        return Problem(self.where.within(outer), self.th, self.en)


@contextmanager
def about(field: str, row: int | None = None) -> Iterator[None]:
    """A RuleError raised inside, that names no parameter yet, names `field` (and `row`): a kind's own reading of
    one parameter (a ladder step's data, a measure) says which it was reading."""
    try:
        yield
    except RuleError as error:
        if error.field is not None:
            raise
        raise RuleError(error.th, error.en, field=field, row=row) from None
