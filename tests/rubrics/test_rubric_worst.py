"""The cost of reading a rubric file is bounded for any file the upload takes (2 MB): the worst files we could
make (tests/rulebook/worst_rubrics.py; bench/rubric_worst.py times them) are each read, as the upload reads
them, within a budget of CPU time: a read that passes it is stopped, so a slow one fails here instead of
running for hours (a 2 MB file of monthly series did)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable

import pytest

from rubrics.contest_spec import parse_rubric_file
from rulebook.rubric_json import rubric_json
from rulebook.spec import RubricError
from tests.rulebook.worst_rubrics import MOST_BYTES, WORST

# bench/rubric_worst.py: each under 0.7 s of CPU on a machine at a loop of 0.08 s; the slowest machines of this kind
# take up to three times as long (2 s was reached once at a loop of 0.14-0.19 s), and a read that runs away takes
# minutes to hours, so the budget tells the two apart on any of them.
BUDGET_S = 5.0


class OverBudget(Exception):
    pass


def _cpu_within(seconds: float, call: Callable[[], object]) -> float:
    """The CPU seconds `call` took; OverBudget once it has taken `seconds` of this process's CPU."""

    def stop(signum, frame):
        raise OverBudget

    before = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    started = time.process_time()
    try:
        call()
        return time.process_time() - started
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, before)


def _read(raw: bytes) -> str:
    try:
        parse_rubric_file(rubric_json(raw))
    except RubricError as error:
        return error.problems[0].lines()[1]
    return "taken"


# What each file is answered: refused at once for its count, or (the last) taken.
ANSWERS = {
    "series": "Criterion 1.1: at most 24 rounds per criterion",
    "series_capped": "Criterion 1.1: at most 24 rounds per criterion",
    "periods": "contest: at most 60 periods",
    "dimensions": "the rubric has",
    "awards": "at most 100 awards, not",
    "rules": "Criterion",
    "rules_in_periods": "taken",
}


@pytest.mark.parametrize("name", sorted(WORST))
def test_the_worst_file_of_its_kind_is_read_within_the_budget(name):
    raw = WORST[name]()
    assert len(raw) <= MOST_BYTES
    answer: list[str] = []
    spent = _cpu_within(BUDGET_S, lambda: answer.append(_read(raw)))
    assert answer[0].startswith(ANSWERS[name])
    assert spent < BUDGET_S  # also when the timer's signal came inside a callback that Python ignores the error of
