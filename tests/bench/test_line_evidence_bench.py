"""bench/line_evidence.py still runs end to end and prints its figures (BENCH_RUNS=1: 4 provincial offices each
sending 3 pictures, a worker of two processes). It needs PostgreSQL and Redis, so it runs with the service tests
(`make test-services`); the figures themselves come from `make bench`."""

import pytest

from .service_bench import service_bench_printed

FIGURES = ["webhook_most_s", "webhook_p99_s", "all_filed_s", "filed_twice", "not_filed"]

pytestmark = pytest.mark.service


def test_the_line_evidence_bench_runs_and_prints_its_figures(transactional_db):
    printed = service_bench_printed("line_evidence.py", "LINE evidence")
    assert printed == [f"line_evidence_4x3_{name}" for name in FIGURES]
