"""bench/broadcast.py still runs end to end and prints its figures (BENCH_RUNS=1: 30 provincial accounts, a worker
of two processes, one killed half-way, a lease of 3 s). It needs PostgreSQL and Redis, so it runs with the service
tests (`make test-services`); the figures themselves come from `make bench`."""

import pytest

from .service_bench import service_bench_printed

FIGURES = ["inbox_after_commit_s", "act_s", "all_out_s", "sent_twice", "not_out", "line_429"]

pytestmark = pytest.mark.service


def test_the_broadcast_bench_runs_and_prints_its_figures(transactional_db):
    printed = service_bench_printed("broadcast.py", "broadcast")
    assert printed == [f"broadcast_30_{name}" for name in FIGURES]
