"""The layers of docs/architecture.md hold: the same import-linter contracts `make lint` checks, run as its own
process, and no folder of more than thirty modules among the files git tracks."""

import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    # In a process of its own: import-linter's CLI reconfigures logging with dictConfig, which disables every
    # logger already made in this one (and so silences later tests' caplog).
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--config", "pyproject.toml", "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


MOST_MODULES = 30  # side by side in one folder: a folder that holds more holds more than one concept


def test_no_folder_holds_more_than_thirty_modules():
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    folders = Counter(str(Path(p).parent) for p in tracked if "migrations" not in Path(p).parts)
    assert {folder: n for folder, n in folders.items() if n > MOST_MODULES} == {}
