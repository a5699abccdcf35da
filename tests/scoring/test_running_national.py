"""Which national year central staff work on now (scoring.selectors.running_national): their first page and the
menu's dashboard lead to it."""

from datetime import date

import pytest

from rubrics import services
from rubrics.selectors import rubric_data_moved
from scoring import selectors

pytestmark = pytest.mark.django_db


def test_the_running_year_is_the_one_whose_dates_hold_today_never_a_later_one_not_begun(rubric):
    following = services.rubric_load(data=rubric_data_moved(rubric, 1), reason="ปีงบประมาณถัดไป")
    assert (rubric.starts_on, following.starts_on) == (date(2022, 10, 1), date(2023, 10, 1))

    def running(today: date) -> int:
        found = selectors.running_national(today)
        assert found is not None
        return found.year

    assert running(date(2023, 6, 1)) == 2566  # 2567 loaded ahead of time waits its turn
    assert running(date(2023, 10, 2)) == 2567
    assert running(date(2025, 1, 1)) == 2567  # none holds today: the latest begun, its results to publish
    assert running(date(2022, 1, 1)) == 2567  # none has begun: the latest
