"""The quick benchmarks still run end to end and print every figure `bench/report.py` collects.

`make bench` is run by hand, so nothing else would notice a bench that stopped running: import, latency
and upload did, when the units came in, for a whole session. A benchmark is not a test: here each runs its
timed part once (BENCH_RUNS=1, a few seconds on a fresh SQLite database of its own), enough to prove it still
runs and prints every figure; the figures themselves come from `make bench`, as do the benches that need
PostgreSQL, Redis or minutes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rulebook.worst_rubrics import WORST

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("DATABASE_URL", "REDIS_URL")  # unset: each bench makes its own SQLite file, whatever the suite runs on


@pytest.mark.django_db  # so that the session's test database, and its migrated copy, is made
@pytest.mark.parametrize(
    ("script", "figures"),
    [
        ("recompute.py", ["recompute_sqlite_queries", "recompute_sqlite_ms"]),
        (
            "content_checks.py",
            ["content_check_ordinary_xlsx_20000_rows_median_ms", "content_check_backtracking_docx_median_ms"],
        ),
        ("import.py", ["import_sqlite_first_import_ms", "import_sqlite_changed_ms", "import_sqlite_unchanged_ms"]),
        (
            "rubric_worst.py",
            [f"rubric_worst_{name}_ms" for name in WORST],
        ),
        ("deadline_move.py", ["deadline_move_76_offices_sqlite_s"]),
        ("resumable.py", ["resumable_total_s", "resumable_identical", "resumable_rss_over_idle_mb"]),
        ("reminders.py", ["reminders_300_sqlite_s", "reminders_300_sqlite_queries"]),
        ("outbox_profile.py", ["outbox_per_message_cpu_ms", "outbox_per_message_queries"]),
        (
            "resumable.py --store s3",
            ["resumable_s3_total_s", "resumable_s3_identical", "resumable_s3_rss_over_idle_mb"],
        ),
    ],
)
def test_a_quick_bench_runs_and_prints_its_figures(script, figures, tmp_path, migrated_sqlite):
    env = {k: v for k, v in os.environ.items() if k not in SERVICES}
    env["TMPDIR"] = str(tmp_path)  # the bench's database file goes with the test's other files
    env["BENCH_RUNS"] = "1"
    env["BENCH_MIGRATED_DB"] = str(migrated_sqlite)  # its `migrate` finds the migrations applied (tests/conftest.py)
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script.split()[0]), *script.split()[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    printed = [
        line.split("=")[0].removeprefix("RESULT ") for line in done.stdout.splitlines() if line.startswith("RESULT ")
    ]
    assert printed == figures
