import time

import pytest

from core.validators.budget import Budget
from core.validators.refusal import UploadRefused


def _work(cpu_seconds: float) -> None:
    """Burns this thread's CPU time, as a check walking a file does."""
    until = time.thread_time() + cpu_seconds
    while time.thread_time() < until:
        sum(range(1000))


def test_budget_does_not_count_the_time_spent_waiting_for_a_core():
    """A busy machine: the check waits (here it sleeps) far longer than its budget and does little work."""
    budget = Budget(0.05)
    time.sleep(0.2)
    _work(0.01)

    budget.check()  # not refused


def test_budget_refuses_once_the_checks_own_work_passes_it():
    budget = Budget(0.05)
    _work(0.06)

    with pytest.raises(UploadRefused) as refused:
        budget.check()

    assert refused.value.en == (
        "The file is too complex to check in the time allowed and is refused; save it again or split it"
    )


def test_budget_reads_its_seconds_from_the_settings(settings):
    settings.CDD4_UPLOAD_CHECK_SECONDS = 1.5

    assert Budget().seconds == 1.5
