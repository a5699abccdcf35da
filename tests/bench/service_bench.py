"""A bench that needs PostgreSQL and Redis, run once end to end on a copy of the test database (BENCH_RUNS=1):
the names of the figures it printed. The service tests' smoke runs of those benches share it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def service_bench_printed(script: str, what: str) -> list[str]:
    """Runs bench/`script` and returns the names of its RESULT lines; `what` names the bench in the refusal."""
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.fail(f"the {what} bench needs DATABASE_URL=postgres://… and REDIS_URL; run `make test-services`")
    template = connection.settings_dict["NAME"]
    connection.close()  # the test database is the bench's template: PostgreSQL copies one nobody is connected to
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{template}",
        "REDIS_URL": settings.REDIS_URL,
        "BENCH_RUNS": "1",
        "BENCH_DB": f"{template}_{Path(script).stem}",
        "BENCH_TEMPLATE_DB": template,
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    return [line.split("=")[0].removeprefix("RESULT ") for line in lines if line.startswith("RESULT ")]
