"""Score provinces against a parsed rubric and rank them (docs/decisions.md, decision 7)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from core.i18n import format_lazy, gettext_lazy
from core.thai import fmt_points
from rulebook.rubric import AwardSpec, RubricSpec
from rulebook.rules import Context, Score
from rulebook.workdays import WorkCalendar


@dataclass(frozen=True)
class Breakdown:
    criteria: dict[str, Score]
    dimensions: dict[str, Decimal]
    total: Decimal
    level: int | None
    # Each dimension's own level where the rubric bands it (seed 003's missions); absent otherwise.
    dimension_levels: dict[str, int] = field(default_factory=dict)


class Placing(NamedTuple):  # a tuple: re-ranking 7,255 entrants makes one each, cheaply
    unit: str
    rank: int
    tied: bool
    award: str | None
    award_tie: bool  # a tie straddles an award boundary: the committee decides


class TieDecided(NamedTuple):
    """How whoever runs a contest settled a tie at an award line: `shared`, every tied entrant
    takes the better place; else `order`, the tied entrants best first, each taking the next place."""

    shared: bool
    order: tuple = ()


def evaluate_entrant(
    rubric: RubricSpec,
    facts: Mapping[str, Mapping[str, str]],
    *,
    size_group: str,
    calendar: WorkCalendar,
    overrides: Mapping[str, Decimal] = {},  # never mutated
    today: date | None = None,
) -> Breakdown:
    """One entrant's points with their explanations (its page, its PDF). A recompute scores thousands with
    `Scorer`, which builds no `Score` at all, and the explanation pass their scores a criterion at a time
    (`Scorer.explain_many`)."""
    _check_stray(rubric, overrides)
    criteria: dict[str, Score] = {}
    for c in rubric.criteria():
        code = c.code
        score = c.rule.evaluate(
            facts.get(code, EMPTY), _context(calendar, size_group, rubric.timing_deadline(code), today)
        )
        if overrides and code in overrides:
            points = _allowed(code, c.max_points, c.rule.levels(), overrides[code])
            score = Score.later(points, _override_text, score.points, points)
        criteria[code] = score
    t = tally(rubric, {code: s.points for code, s in criteria.items()})
    return Breakdown(criteria, t.dimensions, t.total, t.level, t.dimension_levels)


class Tally(NamedTuple):
    """An entrant's points summed up: what ranks it (a recompute stores these and no text)."""

    criteria: dict[str, Decimal]
    dimensions: dict[str, Decimal]
    total: Decimal
    level: int | None
    dimension_levels: dict[str, int]


def tally(rubric: RubricSpec, points: Mapping[str, Decimal]) -> Tally:
    """Each dimension's subtotal (and its level where the rubric bands it), the total and its level."""
    dimensions: dict[str, Decimal] = {}
    levels: dict[str, int] = {}
    for dim in rubric.dimensions:
        subtotal = ZERO
        for c in dim.criteria:
            subtotal += points[c.code]
        dimensions[dim.code] = subtotal
        if dim.level_bands:
            level = dim.level_for(subtotal)
            if level is not None:
                levels[dim.code] = level
    total = sum(dimensions.values(), ZERO)
    return Tally(dict(points), dimensions, total, rubric.level_for(total), levels)


class Scorer:
    """The points of many entrants under one rubric and one calendar, as a recompute needs them: no `Score`
    and no text. Scored a criterion at a time, a column of cells (`Rule.column_points`), so each
    distinct cell is evaluated once, however many entrants report it."""

    def __init__(self, rubric: RubricSpec, calendar: WorkCalendar, today: date | None = None) -> None:
        self.rubric, self.calendar, self.today = rubric, calendar, today

    def score(
        self, facts: Mapping[str, Mapping[str, str]], *, size_group: str, overrides: Mapping[str, Decimal] = {}
    ) -> Tally:
        return self.score_many([(facts, size_group, overrides)])[0]

    def score_many(
        self, entrants: Sequence[tuple[Mapping[str, Mapping[str, str]], str, Mapping[str, Decimal]]]
    ) -> list[Tally]:
        """(facts, size group, committee overrides) of each entrant → its `Tally`, in order. The same points
        as `evaluate_entrant` (tests/rulebook/test_engine.py holds them equal)."""
        points: list[dict[str, Decimal]] = self._columns(entrants, "column_points")
        out = []
        for (_, _, overrides), mine in zip(entrants, points, strict=True):
            if overrides:
                _check_stray(self.rubric, overrides)
                for code, value in overrides.items():
                    c = self.rubric.criterion(code)
                    mine[code] = _allowed(code, c.max_points, c.rule.levels(), value)
            out.append(tally(self.rubric, mine))
        return out

    def explain_many(
        self, entrants: Sequence[tuple[Mapping[str, Mapping[str, str]], str, Mapping[str, Decimal]]]
    ) -> list[dict[str, Score]]:
        """(facts, size group, committee overrides) of each entrant → its criteria's `Score`s, their texts built
        when read: the explanation pass's, a criterion at a time (`Rule.column_scores`). The same scores as
        `evaluate_entrant`'s criteria (tests/rulebook/test_engine.py holds them equal), without the sums."""
        scores: list[dict[str, Score]] = self._columns(entrants, "column_scores")
        for (_, _, overrides), mine in zip(entrants, scores, strict=True):
            if overrides:
                _check_stray(self.rubric, overrides)
                for code, value in overrides.items():
                    c = self.rubric.criterion(code)
                    points = _allowed(code, c.max_points, c.rule.levels(), value)
                    mine[code] = Score.later(points, _override_text, mine[code].points, points)
        return scores

    def _columns(
        self, entrants: Sequence[tuple[Mapping[str, Mapping[str, str]], str, Mapping[str, Decimal]]], column: str
    ) -> list[dict]:
        """Each entrant's answer of the rule's `column` method (its points, or its scores), by criterion code in
        the rubric's order: asked a criterion's cells of every entrant of one size group at once."""
        by_size: dict[str, list[int]] = {}
        for i, (_, size_group, _) in enumerate(entrants):
            by_size.setdefault(size_group, []).append(i)
        out: list[dict] = [{} for _ in entrants]
        criteria = self.rubric.criteria()
        for size_group, indexes in by_size.items():
            facts = [entrants[i][0] for i in indexes]
            for c in criteria:
                code = c.code
                found = getattr(c.rule, column)(
                    [f.get(code) for f in facts],
                    _context(self.calendar, size_group, self.rubric.timing_deadline(code), self.today),
                )
                for i, answer in zip(indexes, found, strict=True):
                    out[i][code] = answer
        return out


ZERO = Decimal(0)
EMPTY: Mapping[str, str] = MappingProxyType({})


@lru_cache(maxsize=1024)
def _context(calendar: WorkCalendar, size_group: str, deadline: date | None, today: date | None) -> Context:
    """One per calendar, size group, deadline and day, not one per evaluated cell (103,184 in a full recompute)."""
    return Context(calendar=calendar, size_group=size_group, deadline=deadline, today=today)


def _check_stray(rubric: RubricSpec, overrides: Mapping[str, Decimal]) -> None:
    stray = sorted(set(overrides) - {c.code for c in rubric.criteria()}) if overrides else []
    if stray:
        raise ValueError(format_lazy(gettext_lazy("no criterion {join}"), join=", ".join(stray)))


def _allowed(code: str, top: Decimal, levels: tuple[Decimal, ...] | None, points: Decimal) -> Decimal:
    # A committee score outside the rubric would silently corrupt the ranking: refuse it loudly.
    points = Decimal(points)
    if not 0 <= points <= top or (levels is not None and points not in levels):
        allowed = ", ".join(map(fmt_points, levels)) if levels else f"0–{fmt_points(top)}"
        raise ValueError(
            format_lazy(
                gettext_lazy("criterion {code}: {fmt_points} is not an allowed score ({allowed})"),
                code=code,
                fmt_points=fmt_points(points),
                allowed=allowed,
            )
        )
    return points


def _override_text(computed: Decimal, points: Decimal) -> tuple[str, str]:
    got = fmt_points(computed)
    return (
        f"คะแนนจากคณะกรรมการ (คำนวณจากข้อมูลได้ {got}) → {fmt_points(points)} คะแนน",
        f"set by the committee (computed from the data: {got}) → {fmt_points(points)} point"
        f"{'' if points == 1 else 's'}",
    )


def award_eligible(total: Decimal, minimum: Decimal = Decimal(0)) -> bool:
    """Only points win awards (decision 10): more than 0, and at least the year's minimum if set."""
    return total > 0 and total >= minimum


def vacant_places(tiers: Sequence[tuple[str, int]], awarded: int) -> dict[str, int]:
    """Places per tier left empty when only `awarded` provinces hold an award (decision 10).

    Places are counted in order, so a tie that takes two places of one tier uses the next tier's place.
    """
    out, start = {}, 0
    for code, count in tiers:
        out[code] = max(0, start + count - max(awarded, start))
        start += count
    return out


def tie_held_places(count: int, vacant: int, holders: int) -> int:
    """Places of a tier held by a tie at an award line above it (decisions 7, 12): the tied entrants are
    listed under the better tier, and who takes these places is the panel's decision, never "no award"."""
    return max(0, count - vacant - holders)


# A rank key holds each value in cents-of-a-cent (6 places), shifted so a negative value still sorts.
KEY_PLACES = 6
KEY_SHIFT = 10**15
KEY_WIDTH = 17


def rank_key(total: Decimal, dimensions: Mapping[str, Decimal], tie_break: Sequence[str]) -> str:
    """The ranking order as one string: a greater key ranks higher, equal keys tie (decision 7).

    Stored with each result, so re-ranking thousands of entrants after one changed compares short
    strings and decodes no stored breakdown.
    """
    return _key_part(total) + "".join(_key_part(dimensions.get(d, ZERO)) for d in tie_break)


@lru_cache(maxsize=1 << 16)
def _key_part(value: Decimal) -> str:
    # Cached: 7,255 entrants' totals and subtotals take a few thousand distinct values (equal decimals such as
    # 1.0 and 1.00 share an entry, and their part too).
    return f"{int(Decimal(value).scaleb(KEY_PLACES).to_integral_value()) + KEY_SHIFT:0{KEY_WIDTH}d}"


def decided_by(higher: Mapping[str, Any], lower: Mapping[str, Any], tie_break: Sequence[str]) -> str | None:
    """What orders two equal totals, as `rank_key` compares them: the first tie-break dimension whose points
    differ (None: equal in every one, so they share a rank)."""
    return next((d for d in tie_break if Decimal(higher.get(d) or 0) != Decimal(lower.get(d) or 0)), None)


def rank(
    breakdowns: Mapping[str, Breakdown],
    *,
    tie_break: Sequence[str],
    awards: Sequence[AwardSpec],
    minimum: Decimal = Decimal(0),
) -> list[Placing]:
    keys = {code: rank_key(b.total, b.dimensions, tie_break) for code, b in breakdowns.items()}
    return rank_keys(keys, {code: b.total for code, b in breakdowns.items()}, awards=awards, minimum=minimum)


def rank_keys(
    keys: Mapping[Any, str],
    totals: Mapping[Any, Decimal],
    *,
    awards: Sequence[AwardSpec],
    minimum: Decimal = Decimal(0),
    decided: Mapping[tuple[str, frozenset], TieDecided] = {},  # never mutated
    offset: int = 0,
) -> list[Placing]:
    """Places from rank keys (`rank_key`) and totals, by entrant (its code, or any sortable id). `decided`: the
    settled ties at award lines, by (rank key, tied entrants): a decision holds only for that very tie, so a
    changed total or another entrant joining it brings the tie back to be decided again. `offset`: how many
    entrants rank above all of these, every award place among them (a span re-ranked alone, scoring.shift)."""
    key = keys.__getitem__
    # Entrant code is only the display order inside a tie, never a tie-breaker (the sort is stable).
    order = sorted(sorted(keys), key=key, reverse=True)
    tiers: list[str] = [] if offset else [a.code for a in awards for _ in range(a.count)]
    # Eligibility goes by total alone, so a tie is never split by it; places past the last eligible
    # entrant stay vacant rather than passing to entrants without points. A rank key leads with the total,
    # so the eligible are the first in order: only the award places are looked at, not 7,255 totals.
    limit = 0  # positions (0-based) below this one hold an award
    while limit < min(len(tiers), len(order)) and award_eligible(totals[order[limit]], minimum):
        limit += 1

    placings: list[Placing] = []
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and key(order[end + 1]) == key(order[start]):
            end += 1
        best = tiers[start] if start < limit else None
        worst = tiers[end] if end < limit else None
        tied = order[start : end + 1]
        decision = decided.get((key(tied[0]), frozenset(tied))) if best != worst else None
        if decision is None:
            placings += [Placing(code, offset + start + 1, end > start, best, best != worst) for code in tied]
        elif decision.shared:
            placings += [Placing(code, start + 1, True, best, False) for code in tied]
        else:
            for at, code in enumerate(decision.order, start):
                placings.append(Placing(code, at + 1, True, tiers[at] if at < limit else None, False))
        start = end + 1
    return placings
