"""manage.py run as a process in an embedded deployment of its own, where a backup is restored."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, var_dir: Path) -> subprocess.CompletedProcess:
    """manage.py in a fresh embedded deployment of its own (SQLite and media under var_dir)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CDD4_MEDIA_ROOT")}
    env["CDD4_VAR_DIR"] = str(var_dir)
    cmd = [sys.executable, "manage.py", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
