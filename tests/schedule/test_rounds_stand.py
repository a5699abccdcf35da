"""How a round's state follows from its due day and what met it (schedule.obligations.rounds_stand)."""

from datetime import date

from rulebook.workdays import WorkCalendar
from schedule.obligations import Met, rounds_stand
from schedule.states import MetBy, ObligationState

DUES = [date(2023, 3, 31), date(2023, 6, 30)]
CALENDAR = WorkCalendar()


def _sent(*days: date) -> list[Met]:
    return [Met(MetBy.UPLOAD, d) for d in days]


def _states(sent: list[Met], today: date, closed: bool = False) -> list:
    return [
        (s.state, s.met.day if s.met else None)
        for s in rounds_stand(DUES, sent, today=today, calendar=CALENDAR, closed=closed)
    ]


def test_a_round_is_met_by_what_was_sent_after_the_round_before_it_and_by_its_own_date():
    assert _states(_sent(date(2023, 4, 5)), date(2023, 5, 1)) == [
        (ObligationState.LATE, None),
        (ObligationState.SENT, date(2023, 4, 5)),
    ]
    assert _states(_sent(date(2023, 3, 1), date(2023, 6, 30)), date(2023, 7, 1)) == [
        (ObligationState.SENT, date(2023, 3, 1)),
        (ObligationState.SENT, date(2023, 6, 30)),
    ]


def test_before_the_first_round_the_next_is_not_due_yet():
    assert _states([], date(2023, 1, 2)) == [(ObligationState.OPEN, None), (ObligationState.NOT_DUE, None)]


def test_the_last_round_is_met_late_by_what_came_after_it_counted_in_working_days():
    (only,) = rounds_stand(
        [date(2023, 11, 13)], _sent(date(2023, 11, 15)), today=date(2023, 11, 27), calendar=CALENDAR, closed=False
    )
    assert (only.state, only.late_days) == (ObligationState.SENT, 2)


def test_the_departments_receipt_before_the_day_meets_it_on_time_whatever_came_later():
    sent = [Met(MetBy.UPLOAD, date(2023, 11, 20)), Met(MetBy.RECEIPT, date(2023, 11, 4))]
    (only,) = rounds_stand([date(2023, 11, 13)], sent, today=date(2023, 11, 27), calendar=CALENDAR, closed=False)
    assert (only.state, only.met.day, only.late_days) == (ObligationState.RECEIVED, date(2023, 11, 4), 0)


def test_once_the_results_froze_every_round_not_met_is_excused_late_or_ahead_and_a_met_one_stays_met():
    """A frozen, published year opened on "เลยกำหนด ๘๐๓ วันทำการ": a late round stayed late, work for nobody."""
    excused = [(ObligationState.EXCUSED, None), (ObligationState.EXCUSED, None)]
    assert _states([], date(2023, 5, 1), closed=True) == excused
    assert _states(_sent(date(2023, 3, 1)), date(2023, 5, 1), closed=True) == [
        (ObligationState.SENT, date(2023, 3, 1)),
        (ObligationState.EXCUSED, None),
    ]


def test_a_late_report_that_names_its_round_meets_that_round_late_and_leaves_the_next_owed():
    monthly = [date(2023, 11, 15), date(2023, 12, 15), date(2024, 1, 15)]
    named = [Met(MetBy.UPLOAD, date(2023, 11, 28), round=1)]
    november, december, january = rounds_stand(monthly, named, today=date(2023, 12, 1), calendar=CALENDAR, closed=False)
    assert (november.state, november.met.day, november.late_days) == (ObligationState.SENT, date(2023, 11, 28), 9)
    assert (december.state, december.met, january.state) == (ObligationState.OPEN, None, ObligationState.NOT_DUE)
    # Unnamed, the same report is December's, on time, and November stays late for good.
    stands = rounds_stand(monthly, _sent(date(2023, 11, 28)), today=date(2023, 12, 1), calendar=CALENDAR, closed=False)
    assert [(s.state, s.late_days) for s in stands[:2]] == [(ObligationState.LATE, 12), (ObligationState.SENT, 0)]


def test_a_round_is_met_by_whichever_came_first_its_named_report_or_one_in_its_window():
    sent = [Met(MetBy.UPLOAD, date(2023, 7, 3), round=1), Met(MetBy.UPLOAD, date(2023, 3, 20))]
    first, second = rounds_stand(DUES, sent, today=date(2023, 7, 5), calendar=CALENDAR, closed=False)
    assert (first.met.day, first.late_days) == (date(2023, 3, 20), 0)
    assert (second.state, second.met) == (ObligationState.LATE, None)  # the named report answers the first alone
