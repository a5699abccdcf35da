"""The missing-evidence list names each item so two missions' item "2" are never two identical rows."""

from rubrics.models import Criterion
from schedule.dashboard import item_labels

DIMENSIONS = {1: "2", 2: "3", 3: "4"}


def test_an_item_is_named_with_its_dimension_where_another_dimension_uses_its_number():
    criteria = [
        Criterion(code="2.1.2", number="", dimension_id=1),  # the national numbering says its dimension already
        Criterion(code="m2-2", number="2", dimension_id=1),  # seed 003: each mission numbers its items from 1
        Criterion(code="m3-2", number="2", dimension_id=2),
        Criterion(code="m4-5", number="5", dimension_id=3),  # no other mission has a "5"
        Criterion(code="x", number="2", dimension_id=9),  # a dimension not listed: the label alone
    ]
    assert item_labels(criteria, DIMENSIONS) == ["2.1.2", "มิติ 2 · 2", "มิติ 3 · 2", "5", "2"]


def test_a_contest_numbering_its_items_across_dimensions_keeps_its_numbers():
    criteria = [Criterion(code=f"{n}.1", number=thai, dimension_id=n) for n, thai in ((1, "๑"), (2, "๒"), (3, "๓"))]
    assert item_labels(criteria, {1: "1", 2: "2", 3: "3"}) == ["๑", "๒", "๓"]  # seed 001's website contest
