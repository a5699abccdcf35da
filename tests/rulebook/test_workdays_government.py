"""The government-office calendar (decisions 3 and 9), with property tests."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from rulebook.workdays import Reason, WorkCalendar, deadline_text

CAL = WorkCalendar()
FY2566 = st.dates(min_value=date(2022, 10, 1), max_value=date(2023, 9, 30))


def test_labour_day_is_a_working_day():
    assert CAL.is_working_day(date(2023, 5, 1))
    assert CAL.holiday_name(date(2023, 5, 1)) is None
    # 2022: 1 May was a Sunday and banks closed on Mon 2 May in lieu; offices were open.
    assert CAL.is_working_day(date(2022, 5, 2))


def test_worked_example_deadline_26_april_receipt_2_may_is_4th_working_day():
    assert CAL.working_days_after(date(2023, 4, 26), date(2023, 5, 2)) == 4


def test_special_cabinet_holidays_and_royal_ploughing_day_close_offices():
    for day in (date(2023, 7, 31), date(2023, 5, 5), date(2022, 10, 14), date(2023, 5, 17)):
        assert not CAL.is_working_day(day)
        assert CAL.closed_day(day).reason == Reason.PACKAGE


def test_songkran_deadline_moves_to_tuesday_18_april():
    assert CAL.next_working_day(date(2023, 4, 13)) == date(2023, 4, 18)
    assert CAL.next_working_day(date(2023, 4, 18)) == date(2023, 4, 18)
    assert deadline_text(date(2023, 4, 13), CAL) == "๑๓ เม.ย. ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๘ เม.ย. ๒๕๖๖"
    assert deadline_text(date(2023, 4, 13), CAL, "en") == "13 Apr 2023 (offices closed) → moved to 18 Apr 2023"
    assert deadline_text(date(2023, 4, 18), CAL) == "๑๘ เม.ย. ๒๕๖๖"


def test_closing_date_31_july_2566_moves_past_the_long_holiday():
    assert CAL.next_working_day(date(2023, 7, 31)) == date(2023, 8, 3)


def test_closed_days_say_why():
    cal = WorkCalendar({date(2023, 4, 19): True})
    days = cal.closed_days(date(2023, 4, 13), date(2023, 4, 19))
    assert [(d.day.day, d.reason) for d in days] == [
        (13, Reason.PACKAGE),
        (14, Reason.PACKAGE),
        (15, Reason.PACKAGE),  # Songkran on a Saturday: the package's name wins over "weekend"
        (16, Reason.WEEKEND),
        (17, Reason.PACKAGE),
        (19, Reason.OVERRIDE),
    ]
    assert days[4].name_th == "ชดเชยวันสงกรานต์"


@settings(max_examples=200, deadline=None)
@given(deadline=FY2566, first=st.integers(0, 60), more=st.integers(0, 30))
def test_counting_is_monotone_in_the_receipt_date(deadline, first, more):
    early = deadline + timedelta(first)
    assert CAL.working_days_after(deadline, early) <= CAL.working_days_after(deadline, early + timedelta(more))


@settings(max_examples=200, deadline=None)
@given(deadline=FY2566, overrides=st.dictionaries(FY2566, st.booleans(), max_size=8))
def test_a_moved_deadline_is_never_a_closed_day(deadline, overrides):
    cal = WorkCalendar(overrides)
    moved = cal.next_working_day(deadline)
    assert cal.is_working_day(moved)
    assert moved >= deadline
    assert all(not cal.is_working_day(deadline + timedelta(n)) for n in range((moved - deadline).days))


@settings(max_examples=100, deadline=None)
@given(deadline=FY2566, received=st.integers(0, 40), day=FY2566, closed=st.booleans())
def test_an_override_added_then_removed_changes_nothing(deadline, received, day, closed):
    overrides = {day: closed}
    changed = WorkCalendar(overrides)
    assert changed.is_working_day(day) is not closed
    del overrides[day]
    after = WorkCalendar(overrides)
    receipt = deadline + timedelta(received)
    assert after.working_days_after(deadline, receipt) == CAL.working_days_after(deadline, receipt)
    assert after.next_working_day(deadline) == CAL.next_working_day(deadline)


def test_n_working_days_before_a_date_steps_back_over_songkran():
    # Fri 16 April 2027; Songkran closes Tue 13 to Thu 15: three working days before it is Thu 8 April.
    assert CAL.working_day_before(date(2027, 4, 16), 3) == date(2027, 4, 8)
    assert CAL.working_day_before(date(2027, 6, 30), 3) == date(2027, 6, 25)  # Wed → the Friday before
    assert CAL.working_day_before(date(2027, 6, 30), 0) == date(2027, 6, 30)


@settings(max_examples=300, deadline=None)
@given(FY2566, st.integers(min_value=0, max_value=30))
def test_the_day_n_working_days_before_is_a_working_day_exactly_n_away(day, n):
    found = CAL.working_day_before(day, n)
    assert CAL.is_working_day(found) and CAL.working_days_after(found, day) == n
    if n:  # the latest such day: the next working day is a day nearer
        assert CAL.working_days_after(CAL.next_working_day(found + timedelta(1)), day) == n - 1
