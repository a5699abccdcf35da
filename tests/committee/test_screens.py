"""A matrix cell's colour: the strongest of its states (committee.screens.MatrixCell.css)."""

from decimal import Decimal

import pytest

from committee.aggregate import Aggregate
from committee.screens import MatrixCell


def _agg(spread: str | None) -> Aggregate:
    spread = None if spread is None else Decimal(spread)
    return Aggregate(points=Decimal("3"), median=Decimal("3"), spread=spread, count=2, source="median")


@pytest.mark.parametrize(
    ("cell", "css"),
    [
        (MatrixCell(code="2.1.1", data=True, statuses={"final"}), "data"),
        (MatrixCell(code="1.1", data=False, statuses={"scored", "final"}, agg=_agg("2")), "final"),
        (MatrixCell(code="1.1", data=False, statuses={"scored", "disagree"}, agg=_agg("2")), "disagree"),
        (MatrixCell(code="1.1", data=False, statuses={"scored"}, agg=_agg(None)), "scored"),
        (MatrixCell(code="1.1", data=False, statuses={"noevidence"}), "noev"),
        (MatrixCell(code="1.1", data=False, statuses={"todo", "clarify"}), "todo"),
        (MatrixCell(code="1.1", data=False, statuses={"todo"}, dim=True), "todo dim"),
    ],
)
def test_a_cells_colour_is_its_strongest_state(cell, css):
    assert cell.css == css
