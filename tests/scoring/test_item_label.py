"""The missing-evidence list names each item so two missions' item "2" are never two identical rows (#39)."""

import pytest

from scoring.dashboard import item_label
from scoring.models import Criterion

DIMENSIONS = {1: "2", 2: "3"}


@pytest.mark.parametrize(
    ("code", "number", "dimension", "label"),
    [
        ("2.1.2", "", 1, "2.1.2"),  # the national numbering says its dimension already
        ("m2-2", "2", 1, "มิติ 2 · 2"),  # seed 003: each mission numbers its items from 1
        ("m3-2", "2", 2, "มิติ 3 · 2"),
        ("x", "", 9, "x"),  # a dimension not listed: the label alone
    ],
)
def test_an_item_is_named_with_its_dimension_unless_its_number_says_it(code, number, dimension, label):
    assert item_label(Criterion(code=code, number=number, dimension_id=dimension), DIMENSIONS) == label
