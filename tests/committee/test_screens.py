"""The committee's matrix (committee.screens): a cell's colour, the strongest of its states (MatrixCell.css); and
its filters, asked of the database: a status keeps exactly the rows with a cell in that status as the cells
themselves say, for a member (their own scores) and for the chair (everyone's); the unit filter keeps the units
whose code, names or other spellings hold the words."""

from decimal import Decimal

import pytest

from committee import services
from committee.aggregate import Aggregate
from committee.screens import STATUSES, MatrixCell, matrix
from committee.selectors import unit_matches
from contests.models import Unit
from core import acts
from people.models import Role
from tests.factories import UserFactory


def _matrix(user, rubric, **filters):
    """The matrix as its page asks it: whether the user scores here asked once by the page, then handed on."""
    return matrix(user, rubric, scores=acts.allowed(user, "committee.score", rubric), **filters)


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


SQL_STATUSES = ("todo", "noevidence", "scored", "final", "clarify")  # the rest only the rules tell


@pytest.fixture
def scored(rubric, chair, judge, sent):
    """Two members: evidence scored by the first in Nonthaburi (1.1) and by both, apart, in Phuket (4.1.1),
    where the chair settles it; evidence no one scored in Chiang Mai (1.1); an override of Songkhla's data
    criterion 3.3; a clarification round running on Lampang's 4.1.1 and one closed on Krabi's."""
    first, second = UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.COMMITTEE)
    units = {code: Unit.objects.get(code=code) for code in ("TH-12", "TH-83", "TH-50", "TH-90", "TH-52", "TH-81")}
    for code, criterion in (("TH-12", "1.1"), ("TH-83", "4.1.1"), ("TH-50", "1.1"), ("TH-52", "4.1.1")):
        sent(units[code], criterion)
    judge(first, units["TH-12"], "1.1", points="5")
    judge(first, units["TH-83"], "4.1.1", points="1")
    judge(second, units["TH-83"], "4.1.1", points="5")
    cell = {"rubric": rubric, "expected_version": 0, "reason": "มติ"}
    services.chair_final_record(chair=chair, **cell, unit=units["TH-83"], criterion_code="4.1.1", points="3")
    services.override_record(member=first, **cell, unit=units["TH-90"], criterion_code="3.3", points="4")
    services.clarification_open(member=first, rubric=rubric, unit=units["TH-52"], criterion_code="4.1.1", message="ขอ")
    closed = services.clarification_open(
        member=first, rubric=rubric, unit=units["TH-81"], criterion_code="4.1.1", message="ขอ"
    )
    services.clarification_close(member=first, clarification=closed)
    return {"member": first, "chair": chair}


@pytest.mark.parametrize("viewer", ["member", "chair"])
@pytest.mark.parametrize("dimension", ["", "4"], ids=["every criterion", "dimension 4"])
def test_a_status_keeps_the_rows_with_a_cell_in_that_status(rubric, scored, viewer, dimension):
    user = scored[viewer]
    every = _matrix(user, rubric, dimension=dimension)["rows"]
    assert len(every) < 100  # one page: the filter's rows are all on its first page
    for status in SQL_STATUSES:
        expected = [unit.code for unit, cells in every if any(status in cell.statuses for cell in cells)]
        found = _matrix(user, rubric, dimension=dimension, status=status)
        assert ([unit.code for unit, _ in found["rows"]], found["units"]) == (expected, len(expected)), status


def test_every_status_but_those_the_rules_tell_is_asked_of_the_database():
    assert set(STATUSES) - set(SQL_STATUSES) == {"disagree", "decide"}


@pytest.mark.parametrize("query", ["เชียง", "จังหวัด เชียงใหม่", "chiang", "th-5", "  ", "ไม่มีที่ไหน"])
def test_the_unit_filter_keeps_the_units_whose_code_or_names_hold_the_words(rubric, chair, query):
    every = _matrix(chair, rubric)["rows"]
    expected = [unit.code for unit, _ in every if unit_matches(unit, query)]
    assert [unit.code for unit, _ in _matrix(chair, rubric, province=query)["rows"]] == expected


def test_the_unit_filter_finds_a_unit_by_another_spelling(rubric, chair):
    Unit.objects.filter(code="TH-50").update(aliases_th=["นพบุรีศรีนครพิงค์"])
    assert [unit.code for unit, _ in _matrix(chair, rubric, province="นครพิงค์")["rows"]] == ["TH-50"]
