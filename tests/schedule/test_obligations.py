"""The schedule's obligations of one entrant and of all: due dates as the documents decide them, states, and
what met each."""

from datetime import date

from rubrics.models import Criterion
from schedule.selectors import contest_obligations, entrant_obligations
from schedule.states import MetBy, ObligationState
from scoring.models import Fact, FactSource

TODAY = date(2023, 11, 27)


def test_an_entrant_owes_each_criterion_and_each_round_of_one(rubric, chiang_mai):
    found = entrant_obligations(rubric, chiang_mai, today=TODAY)
    keys = [o.key for o in found if o.criterion == "1.2"]
    assert keys == ["2566:TH-50:1.2:1", "2566:TH-50:1.2:2"]
    assert {o.state for o in found if o.due is not None} == {ObligationState.LATE}
    assert {o.state for o in found if o.due is None} == {ObligationState.OPEN}


def test_a_receipt_before_the_due_day_is_received_on_time_with_its_day(rubric, chiang_mai):
    criterion = Criterion.objects.get(rubric=rubric, code="2.1.2")
    Fact.objects.create(
        rubric=rubric, unit=chiang_mai, criterion=criterion, name="received_on", value="2023-04-10",
        source=FactSource.IMPORT,
    )  # fmt: skip
    (found,) = entrant_obligations(rubric, chiang_mai, criteria=["2.1.2"], today=TODAY)
    assert (found.state, found.met.by, found.met.day, found.late_days) == (
        ObligationState.RECEIVED, MetBy.RECEIPT, date(2023, 4, 10), 0
    )  # fmt: skip


def test_every_entrant_in_bounded_queries(rubric, django_assert_max_num_queries):
    # 6 alone on either engine, 7 once in the whole PostgreSQL suite (a cache another test warmed or cleared): bounded
    # either way, where a query per entrant would be 76 more.
    with django_assert_max_num_queries(8):
        found = contest_obligations(rubric, today=TODAY)
    assert len({o.unit_code for o in found}) == 76
