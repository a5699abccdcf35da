"""deploy/system-packages.sh is what `make run`, `make test` and CI ask for the distribution's packages; the script
itself runs in tests/processes/deploy/test_system_packages.py."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_make_run_and_make_test_and_ci_use_the_list():
    makefile = (ROOT / "Makefile").read_text()
    assert "deploy/system-packages.sh run\n" in makefile
    assert "deploy/system-packages.sh run test" in makefile
    assert "deploy/system-packages.sh run test services" in (ROOT / ".ci" / "run").read_text()
    assert "apt-get install" not in (ROOT / ".ci" / "run").read_text()
