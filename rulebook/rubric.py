"""A rubric as the engine and the pages read it: frozen shapes, made by rulebook.spec.parse_rubric from the JSON
of docs/rubric-format.md and never changed after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from rulebook.rounds import Round
from rulebook.rules import Rule
from rulebook.rules.errors import Label
from rulebook.rules.values import DEFAULT_ROUNDING, FactFormat, Rounding

# How a contest reads a deadline on a day offices are closed (seed 004's "ภายในเดือนพฤษภาคม"):
# moved to the next working day, as docs/decisions.md, decision 9 says, or as written.
CLOSED_DAY_MOVES, CLOSED_DAY_AS_WRITTEN = "next_working_day", "as_written"
CLOSED_DAY = (CLOSED_DAY_MOVES, CLOSED_DAY_AS_WRITTEN)


@dataclass(frozen=True)
class AwardSpec:
    code: str
    name_th: str
    name_en: str
    count: int
    prize: Decimal
    prize_th: str
    prize_en: str


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    dimension: str
    name_th: str
    name_en: str
    max_points: Decimal
    rule: Rule
    deadline: date | None
    extra: bool
    evidence_th: str
    evidence_en: str
    channel_th: str
    channel_en: str
    raw_rule: dict
    # The entrant's nominee is this criterion's evidence (seed 001's 1.1: the civil servant the office names).
    nominee: bool = False
    number: str = ""  # the document's own numbering ("๒.๒.๑"), when it is not the code
    rounds: tuple[Round, ...] = ()  # reports asked more than once, each by its own date (rulebook.rounds)
    raw_rounds: tuple = ()  # as written: what is stored and moved with the year

    @property
    def label(self) -> str:
        return criterion_label(self.code, self.number)


def criterion_label(code: str, number: str) -> str:
    """What a person reads as a criterion's number: the document's own (seed 003 writes "๒.๒.๑" under mission
    ๑, "๔" for its extra points), else the code. The one place it is decided: `CriterionSpec.label` and
    `Criterion.label` both ask it, and the pages show either (in Thai digits)."""
    return number or code


@dataclass(frozen=True)
class LevelBand:
    min: Decimal
    max: Decimal
    level: int


def band_level(bands: tuple[LevelBand, ...], total: Decimal) -> int | None:
    """Bands run from their min up to the next band's min, so 22.5 is still level 1
    (the seed's "0–22, 23–44" leaves gaps between whole numbers); the last band ends at its max."""
    if not bands or total < bands[0].min or total > bands[-1].max:
        return None
    return [b.level for b in bands if total >= b.min][-1]


@dataclass(frozen=True)
class DimensionSpec:
    code: str
    name_th: str
    name_en: str
    max_points: Decimal
    criteria: tuple[CriterionSpec, ...]
    # Seed 003: each mission is banded into a level 1–5 on its own score; empty when it has none.
    level_bands: tuple[LevelBand, ...] = ()

    def level_for(self, subtotal: Decimal) -> int | None:
        return band_level(self.level_bands, subtotal)


@dataclass(frozen=True)
class FactColumn:
    """One fact an office reports from its data, however many criteria read it: one column of
    the contest's fact template, written to each of its criteria on import."""

    name: str
    label: Label
    unit: Label | None
    format: FactFormat
    criteria: tuple[CriterionSpec, ...]


def fact_columns(criteria: list[CriterionSpec]) -> list[FactColumn]:
    """The data facts of the criteria in rubric order, each once (rules' `data_facts`)."""
    readers: dict[str, list[CriterionSpec]] = {}
    for c in criteria:
        for name in c.rule.data_facts():
            readers.setdefault(name, []).append(c)
    out = []
    for name, found in readers.items():
        rule = found[0].rule
        out.append(FactColumn(name, rule.label(name), rule.unit(name), rule.fact_format(name), tuple(found)))
    return out


@dataclass(frozen=True)
class RubricSpec:
    year: int
    name_th: str
    name_en: str
    starts_on: date
    ends_on: date
    total_points: Decimal
    tie_break: tuple[str, ...]
    level_bands: tuple[LevelBand, ...]  # empty when the rubric has none
    awards: tuple[AwardSpec, ...]
    dimensions: tuple[DimensionSpec, ...]
    rounding: Rounding = DEFAULT_ROUNDING
    # Who runs the contest among whom: plain data here, read by the contest loader.
    contest: dict[str, Any] | None = None
    # A deadline on a day offices are closed: moved to the next working day (decision 9) or read as written.
    closed_day: str = CLOSED_DAY_MOVES

    def criteria(self) -> list[CriterionSpec]:
        return [c for d in self.dimensions for c in d.criteria]

    @cached_property
    def _by_code(self) -> dict[str, CriterionSpec]:
        # The facts import looks up a criterion once per row: a dict keeps that linear in the rows.
        return {c.code: c for c in reversed(self.criteria())}  # reversed: the first of a code wins, as before

    def criterion(self, code: str) -> CriterionSpec:
        return self._by_code[code]

    def level_for(self, total: Decimal) -> int | None:
        return band_level(self.level_bands, total)

    def times_files_of(self, code: str) -> tuple[str, ...]:
        """The other criteria whose files this criterion's rule times (4.1.2 times 4.1.1's uploads:
        its `evidence.upload_times.from`), as the rubric names them."""
        return tuple(c for c in self.criterion(code).rule.evidence_expected().times_from if c != code)

    def files_timed_by(self, code: str) -> tuple[str, ...]:
        """The criteria whose rules time this criterion's files (4.1.1's are timed by 4.1.2), in rubric order."""
        return self._timed_by.get(code, ())

    @cached_property
    def _timed_by(self) -> dict[str, tuple[str, ...]]:
        # Each criterion's rule read once for all: asked of every criterion in turn (a contest's schedule), a walk
        # of every rule per criterion was quadratic in the criteria.
        found: dict[str, list[str]] = {}
        for c in self.criteria():
            for other in dict.fromkeys(self.times_files_of(c.code)):
                found.setdefault(other, []).append(c.code)
        return {code: tuple(codes) for code, codes in found.items()}

    @cached_property
    def _timing(self) -> dict[str, date | None]:
        found: dict[str, date | None] = {}
        for c in self.criteria():
            theirs = [self._by_code[t].deadline for t in self.times_files_of(c.code) if t in self._by_code]
            days = [d for d in (c.deadline, *theirs) if d is not None]
            found[c.code] = max(days) if days else None
        return found

    def timing_deadline(self, code: str) -> date | None:
        """The date a criterion's rule times its sending against: its own deadline, or for a rule that times
        another criterion's files (4.1.2 times 4.1.1's) the later of its own and theirs, so that moving
        those files' date (the flood extension of 4.1.1 to 14 June) moves the date they are timed by and
        an extension can never become a penalty. The engine scores by it and the schedule shows it."""
        return self._timing[code]

    @cached_property
    def fact_columns(self) -> list[FactColumn]:
        return fact_columns(self.criteria())
