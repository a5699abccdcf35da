"""Judged points from members' scores (docs/decisions.md, decision 8). Pure: no database, no Django."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Aggregate:
    points: Decimal | None  # what the engine uses; None: nobody has scored, the rule's own result stands
    median: Decimal | None  # members' median snapped down (before the chair's final)
    spread: Decimal | None  # max − min of members' points: the chair's signal of disagreement
    count: int
    source: str  # "chair" | "median" | "none"


def median(values: Sequence[Decimal]) -> Decimal:
    """Middle value; with an even count the mean of the two middle values (snapped later)."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def snap_down(value: Decimal, levels: Iterable[Decimal] | None) -> Decimal:
    """The highest allowed level not above `value`: members 3 and 5 on a 1/3/5 ladder give 3, not 4.

    Down, never to the nearest: an entrant never gets more than the committee's middle view.
    A rule with free points (`levels` None) keeps the value, cut to 2 decimals.
    """
    if levels is None:
        return value.quantize(CENT, rounding=ROUND_DOWN)
    below = [level for level in levels if level <= value]
    return max(below) if below else min(levels)


def aggregate(
    points: Sequence[Decimal], levels: Iterable[Decimal] | None, *, chair_final: Decimal | None = None
) -> Aggregate:
    levels = None if levels is None else tuple(levels)
    mid = snap_down(median(points), levels) if points else None
    spread = (max(points) - min(points)) if points else None
    if chair_final is not None:
        return Aggregate(chair_final, mid, spread, len(points), "chair")
    if mid is not None:
        return Aggregate(mid, mid, spread, len(points), "median")
    return Aggregate(None, None, None, 0, "none")
