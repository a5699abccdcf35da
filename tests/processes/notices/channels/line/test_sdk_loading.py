"""LINE's SDK loaded by a fresh process only where it talks to LINE, not at every process's start."""

import os
import subprocess
import sys


def test_a_process_loads_lines_sdk_only_when_it_talks_to_line():
    """The SDK's models cost a process one to three seconds to load: pages, workers and commands that never talk
    to LINE (every process at start, through the URLconf and the account page) do not pay them."""
    script = (
        "import sys, django; django.setup(); import cdd4.urls, accounts.views, notices.channels.line.views;"
        "print(sorted(m for m in sys.modules if m.startswith('linebot')))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cdd4.settings"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr[-2000:]
