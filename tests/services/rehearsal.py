"""A rehearsal (deploy/rehearse.py) started for a test in a folder of its own, and stopped with every process."""

from __future__ import annotations

import fcntl
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.services.portal import free_port

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def rehearsal_running(*, demo: bool = False):
    """Yields (the rehearsal's process, nginx's port, its folder) once it says it is up. One rehearsal at a time
    on this machine (a lock across the test workers): with two whole topologies side by side on 2 cores, one once
    failed to bring nginx up within the rehearsal's 120 s, and each picks its free ports without seeing the other's."""
    with open(Path(tempfile.gettempdir()) / "cdd4-rehearsal.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with _running(demo=demo) as running:
            yield running


@contextmanager
def _running(*, demo: bool):
    base = Path(tempfile.mkdtemp(prefix="cdd4-rehearse-"))
    base.chmod(0o755)  # the cluster's folder inside is the postgres user's
    port = free_port()
    args = [sys.executable, "deploy/rehearse.py", "--dir", str(base), "--port", str(port)] + (
        ["--demo"] if demo else []
    )
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("rehearse: up"):
                break
        else:
            nginx_log = base / "nginx" / "error.log"
            said = nginx_log.read_text()[-2000:] if nginx_log.exists() else ""
            pytest.fail("the rehearsal did not start:\n" + "".join(lines[-40:]) + said)
        yield proc, port, base
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=120)
        shutil.rmtree(base, ignore_errors=True)
