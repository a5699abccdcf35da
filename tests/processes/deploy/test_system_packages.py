"""deploy/system-packages.sh: what `make run`, `make test` and CI need from the distribution, from one list. As root
the missing packages are installed with one apt-get update; otherwise nothing runs and the command is named."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LIST = """# need  package  probe
run     cdd4-present-lib    true
test    cdd4-fake-tool      command -v cdd4-fake-tool
services cdd4-not-asked     false
"""
# Stands in for the distribution's apt-get: records its arguments and, on install, provides the probed command.
APT_GET = """#!/bin/sh
here="$(dirname "$0")"
echo "$*" >> "$here/apt-get.log"
case "$*" in *install*) printf '#!/bin/sh\\n' > "$here/cdd4-fake-tool"; chmod +x "$here/cdd4-fake-tool";; esac
"""

root_only = pytest.mark.skipif(os.geteuid() != 0, reason="installing, or acting as another user, needs root (as CI)")


@pytest.fixture
def tree():
    """The script beside a list of made-up packages, and a bin/ with apt-get, readable by an unprivileged user."""
    base = Path(tempfile.mkdtemp(prefix="cdd4-packages-"))
    (base / "deploy").mkdir()
    shutil.copy2(ROOT / "deploy" / "system-packages.sh", base / "deploy")
    (base / "deploy" / "system-packages.txt").write_text(LIST)
    (base / "bin").mkdir()
    (base / "bin" / "apt-get").write_text(APT_GET)
    (base / "bin" / "apt-get").chmod(0o755)
    for path in [base, *base.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o755)
    yield base
    shutil.rmtree(base)


def run(tree: Path, *needs: str, user: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{tree / 'bin'}:/usr/bin:/bin:/usr/sbin:/sbin"}
    prefix = ["runuser", "-u", user, "--"] if user else []
    args = [*prefix, "bash", str(tree / "deploy" / "system-packages.sh"), *needs]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)


@root_only
def test_as_root_the_missing_ones_are_installed_with_one_update(tree):
    done = run(tree, "run", "test")

    assert done.returncode == 0, done.stderr
    assert (tree / "bin" / "apt-get.log").read_text().splitlines() == [
        "update",
        "install -y --no-install-recommends cdd4-fake-tool",
    ]
    assert run(tree, "run", "test").returncode == 0  # present now: nothing more is installed
    assert len((tree / "bin" / "apt-get.log").read_text().splitlines()) == 2


@root_only
def test_without_root_nothing_is_installed_and_the_command_is_named(tree):
    done = run(tree, "run", "test", user="nobody")

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "ขาดแพ็กเกจของระบบ / missing system packages: cdd4-fake-tool",
        "ติดตั้งด้วย / install them with:  sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive "
        "apt-get install -y --no-install-recommends cdd4-fake-tool'",
    ]
    assert not (tree / "bin" / "apt-get.log").exists()


def test_only_the_needs_asked_for_are_looked_at(tree):
    assert run(tree, "run").returncode == 0
