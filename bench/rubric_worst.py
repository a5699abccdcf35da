"""The worst rubric files of at most 2 MB (the upload's cap, CDD4_IMPORT_LIMITS_MB["rubric"]) we could make, read
as the upload reads them: `rubric_json` then `parse_rubric_file` (every check of the rubric and its contest block),
no database. A 71-byte monthly series once cost 0.8 s of CPU, and a 2 MB file of them hours.

    python bench/rubric_worst.py

Each file aims at one cost, filled up to 2 MB (tests/rulebook/worst_rubrics.py makes them):

- `series`: one criterion whose rounds are 2 MB of monthly series from 0001-01 to 9999-12 (before: each
  expanded month by month, 0.8 s apiece, before its dates or the 24-round cap were checked);
- `series_capped`: 500 criteria (the most a rubric may have), each with 24 series of 24 months in its year;
- `periods`: a contest of 500 criteria and 2 MB of periods each changing one criterion's rule (before: each
  period's rubric read again, whatever their count);
- `dimensions`: 2 MB of dimensions without criteria and a tie-break naming them;
- `awards`: 2 MB of award tiers;
- `rules`: 500 criteria whose rules hold as many levels, items and questions as fit.

Prints each file's size and the CPU time of its read (the best of BENCH_RUNS), and the target: under a second.
"""

import os
import sys
import time

from _setup import exit_status, runs  # also puts the project on the path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")  # no database: the parse reads none
os.environ.setdefault("LOG_LEVEL", "WARNING")
import django

django.setup()

from rubrics.contest_spec import parse_rubric_file  # noqa: E402
from rulebook.rubric_json import rubric_json  # noqa: E402
from rulebook.spec import RubricError  # noqa: E402
from tests.rulebook.worst_rubrics import WORST  # noqa: E402

RUNS = runs(3)
TARGET_S = 1.0


def cpu_of(raw: bytes) -> tuple[float, str]:
    """The CPU seconds of one read, and whether the file was taken or refused."""
    started = time.process_time()
    try:
        parse_rubric_file(rubric_json(raw))
        outcome = "taken"
    except RubricError:
        outcome = "refused"
    return time.process_time() - started, outcome


def main() -> int:
    worst = 0.0
    for name, make in WORST.items():
        raw = make()
        best, outcome = min(cpu_of(raw) for _ in range(RUNS))
        worst = max(worst, best)
        print(f"{name:14} {len(raw) / 1024 / 1024:.2f} MB  {outcome:8} {best * 1000:8.0f} ms CPU")
        print(f"RESULT rubric_worst_{name}_ms={best * 1000:.0f} ms <{TARGET_S * 1000:.0f}")
    return exit_status(targets_met=worst < TARGET_S)


if __name__ == "__main__":
    sys.exit(main())
