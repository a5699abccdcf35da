"""What the column fast paths of rule kinds share (`Rule.column_points`): the plain whole-number
cells of a column, read without the general path's parsing, and their points as the plain rule writes them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache

# Digits a fast path reads: up to 999,999,999 of anything, where the plain rule's 28-digit decimal arithmetic
# is exact too, so both round the same quotient.
MAX_DIGITS = 9


def plain_pairs(cells: Sequence[Mapping[str, str] | None], first: str, second: str) -> Iterator[tuple]:
    """(a, b) as ints for each cell that is exactly these two facts, both written in ASCII digits alone; else
    (None, None), and the plain rule reads that cell (a comma, a Thai digit, a typo, a missing fact).
    "ASCII digits alone" is `core.numbers.ascii_digits`, asked here of the two strings directly: a call for
    each of a year's 400,000 cells was a sixth of a full recompute."""
    for cell in cells:
        if cell is not None and len(cell) == 2:
            a, b = cell.get(first), cell.get(second)
            if (
                a is not None
                and b is not None
                and len(a) <= MAX_DIGITS
                and len(b) <= MAX_DIGITS
                and a.isascii()
                and a.isdigit()
                and b.isascii()
                and b.isdigit()
            ):
                yield int(a), int(b)
                continue
        yield None, None


@lru_cache(maxsize=4096)
def hundredths(units: int) -> Decimal:
    """`units` hundredths as the plain rule's quantized points print them ("3.33", "0.00")."""
    return Decimal(units).scaleb(-2)
