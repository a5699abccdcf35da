"""The layers of docs/architecture.md hold: the same import-linter contracts `make lint` checks."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    # In a process of its own: import-linter's CLI reconfigures logging with dictConfig, which disables every
    # logger already made in this one (and so silences later tests' caplog).
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--config", "pyproject.toml", "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
