"""bench/line_evidence.py still runs end to end and prints its figures (BENCH_RUNS=1: 4 provincial offices each
sending 3 pictures, a worker of two processes). It needs PostgreSQL and Redis, so it runs with the service tests
(`make test-services`); the figures themselves come from `make bench`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ["webhook_most_s", "webhook_p99_s", "all_filed_s", "filed_twice", "not_filed"]

pytestmark = pytest.mark.service


def test_the_line_evidence_bench_runs_and_prints_its_figures(transactional_db):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.fail("the LINE evidence bench needs DATABASE_URL=postgres://… and REDIS_URL; run `make test-services`")
    template = connection.settings_dict["NAME"]
    connection.close()  # the test database is the bench's template: PostgreSQL copies one nobody is connected to
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{template}",
        "REDIS_URL": settings.REDIS_URL,
        "BENCH_RUNS": "1",
        "BENCH_DB": f"{template}_line",
        "BENCH_TEMPLATE_DB": template,
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "line_evidence.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    printed = [
        line.split("=")[0].removeprefix("RESULT ") for line in done.stdout.splitlines() if line.startswith("RESULT ")
    ]
    assert printed == [f"line_evidence_4x3_{name}" for name in FIGURES]
