"""The contest's reading of a deadline on a closed day is a box of the builder: chosen, it comes back in
the rubric, and the deadlines the page shows follow it."""

import json
from datetime import date
from pathlib import Path

from builder.form import Builder
from builder.prefill import to_form
from rulebook.workdays import WorkCalendar

UBON = json.loads((Path(__file__).parents[2] / "rubrics/rubric_files/ubon-milestones-2568.json").read_text())


def test_as_written_round_trips_and_moves_no_deadline():
    form = to_form({**UBON, "closed_day": "as_written"})
    assert form["closed_day"] == "as_written"
    builder = Builder(form)
    assert builder.data()["closed_day"] == "as_written"
    saturday = date(2025, 5, 31)
    assert builder.calendar(WorkCalendar()).next_working_day(saturday) == saturday
    moves = Builder(to_form(UBON))
    assert "closed_day" not in moves.data()  # the default, decision 9, is not written out
    assert moves.calendar(WorkCalendar()).next_working_day(saturday) == date(2025, 6, 4)
