"""How long an upload's content checks take (core/validators): an ordinary 20,000-row workbook against the
budget (CDD4_UPLOAD_CHECK_SECONDS, 0.8 s), and the hostile files that must be refused well under a second.

    .venv/bin/python bench/content_checks.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
os.environ.setdefault("CDD4_VAR_DIR", tempfile.mkdtemp(prefix="cdd4-bench-checks-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from core.validators.content import UploadRefused, inspect_file  # noqa: E402
from tests.security import files_more as more  # noqa: E402


def timed(path: Path) -> float:
    started = time.perf_counter()
    try:
        inspect_file(str(path))
    except UploadRefused:
        pass
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    runs = parser.parse_args().runs
    settings.CDD4_UPLOAD_CHECK_SECONDS = 60  # measure the whole walk, not where the budget would stop it
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "ordinary_xlsx_20000_rows": ("big.xlsx", more.xlsx(more.ordinary_rows()), 800),
            "backtracking_docx": ("f.docx", more.docx_backtracking_formula(), 100),
        }
        for name, (filename, data, target_ms) in cases.items():
            path = Path(tmp) / filename
            path.write_bytes(data)
            times = sorted(timed(path) * 1000 for _ in range(runs))
            print(f"RESULT content_check_{name}_median_ms={statistics.median(times):.0f} ms <={target_ms}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
