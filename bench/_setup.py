"""Shared bench set-up: a throw-away database (SQLite file, or DATABASE_URL) with the 2566 rubric."""

import cProfile
import os
import pstats
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def runs(default: int) -> int:
    """Timed repetitions: BENCH_RUNS=1 is the suite's smoke run (tests/bench), which checks that the bench
    still runs and prints its figures, not the figures themselves."""
    return int(os.environ.get("BENCH_RUNS", default))


@contextmanager
def profiled(top: int) -> Iterator[None]:
    """With `--profile` on the command line: cProfile of the block, then the `top` functions with the most
    cumulative time. Without it, nothing."""
    if "--profile" not in sys.argv:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(top)


def smoke() -> bool:
    return os.environ.get("BENCH_RUNS") == "1"


def exit_status(*, correct: bool = True, targets_met: bool) -> int:
    """1 when a result is wrong, or when a figure misses its target in a timed run (`make bench`). The suite's
    smoke run (BENCH_RUNS=1) proves the bench runs and prints its figures on whatever machine runs the suite, so
    there a figure past its target is printed, not failed: a speed goal lives in the benches, not in a test."""
    return 0 if correct and (targets_met or smoke()) else 1


def migrated_copy(path: Path) -> None:
    """BENCH_MIGRATED_DB names a SQLite file that `migrate` made (the suite's smoke run hands one over,
    tests/bench): the bench's database starts as its copy, so `migrate` finds every migration applied rather
    than spending its ten seconds on them again; what the bench times comes after."""
    if migrated := os.environ.get("BENCH_MIGRATED_DB"):
        shutil.copyfile(migrated, path)


def django_with_fresh_db(name: str = "cdd4_bench", *, units: bool = True) -> str:
    """`units=False`: a bench that reads only the 76 provinces skips the 8,379 districts and subdistricts in the
    suite's smoke run (half its time); timed runs load them always, as a real deployment holds them."""
    name = os.environ.get("BENCH_DB", name)  # the machine is shared: each bencher's own database
    url = os.environ.get("DATABASE_URL")
    if not url:
        path = Path(tempfile.mkdtemp(prefix="cdd4-bench-")) / "bench.sqlite3"
        migrated_copy(path)
        url = f"sqlite:///{path}"
    elif url.startswith("postgres"):
        import psycopg2

        parts = urlparse(url)
        admin = psycopg2.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username, dbname="postgres")
        admin.autocommit = True
        # BENCH_TEMPLATE_DB names a migrated PostgreSQL database nobody is connected to (the suite's smoke run
        # hands its test database over): the bench's starts as its copy, as BENCH_MIGRATED_DB's for SQLite.
        template = os.environ.get("BENCH_TEMPLATE_DB")
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {name}")
            cur.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        admin.close()
        url = parts._replace(path=f"/{name}").geturl()
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    skip = [] if units or not smoke() else ["--no-units"]
    call_command("bootstrap", *skip, verbosity=0, stdout=open(os.devnull, "w"))
    return url


def office_staff_make(unit_ids: list[int], *, name: str) -> list:
    """One office staff account per unit, in bulk, with an e-mail address (`{name}{unit id}@cdd.example.go.th`)
    and no usable password: the benches' people to tell."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from people.models import Membership, Role

    User = get_user_model()
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [User(username=f"{name}{pk}", email=f"{name}{pk}@cdd.example.go.th", password=unusable) for pk in unit_ids],
        batch_size=5000,
    )
    Membership.objects.bulk_create(
        [Membership(user=u, role=Role.OFFICE_STAFF, unit_id=pk) for u, pk in zip(users, unit_ids, strict=True)],
        batch_size=5000,
    )
    return users


def celery_worker(processes: int, env: dict):
    """A real Celery worker with `processes` prefork pool processes, quiet, on the bench's database."""
    import subprocess

    args = [sys.executable, "-m", "celery", "-A", "cdd4", "worker", "-P", "prefork", "-c", str(processes)]
    return subprocess.Popen(
        [*args, "--without-mingle", "--without-gossip", "-l", "warning"],
        cwd=str(ROOT),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
