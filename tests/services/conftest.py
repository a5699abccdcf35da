"""Service mode: the real PostgreSQL, Redis and Celery worker processes. Missing services fail, never skip."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg2
import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from .portal import free_port

ROOT = Path(__file__).resolve().parents[2]
WORKER = [sys.executable, "-m", "celery", "-A", "cdd4", "worker", "-P", "solo", "--without-mingle", "--without-gossip"]


@pytest.fixture
def services_up(transactional_db, eager_celery):
    if connection.vendor != "postgresql":
        pytest.fail(f"service tests need DATABASE_URL=postgres://… (got {connection.vendor}); run `make test-services`")
    if not settings.REDIS_URL:
        pytest.fail("service tests need REDIS_URL; run `make test-services`")
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).flushdb()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is not reachable at {settings.REDIS_URL}: {exc}")
    from cdd4.celery import app

    app.conf.task_always_eager = False  # restored by eager_celery's teardown
    call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))


def service_env(redis_url: str | None = None, **extra) -> dict:
    """The environment of a worker, beat or "web" process on the test database."""
    db = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": redis_url or settings.REDIS_URL,
        **extra,
    }


class Processes:
    """Celery processes a test starts; all stopped at teardown. Logs go to files (a full pipe would block)."""

    def __init__(self, tmp_path: Path):
        self.tmp_path, self.procs, self.restarts = tmp_path, [], []
        self.stopping = threading.Event()
        # A supervisor's restart and stop_all take turns: a process started again while stop_all goes through
        # the list would outlive the test, still working on its database.
        self.turn = threading.Lock()

    def start(self, args: list[str], name: str, redis_url: str | None = None, **extra) -> subprocess.Popen:
        log = open(self.tmp_path / f"{name}-{len(self.procs)}.log", "wb")
        proc = subprocess.Popen(args, cwd=ROOT, env=service_env(redis_url, **extra), stdout=log, stderr=log)
        self.procs.append(proc)
        return proc

    def supervise(self, args: list[str], name: str, redis_url: str | None = None, **extra) -> None:
        """Started again whenever it exits, as docker-compose's `restart: unless-stopped` does."""

        def watch():
            while True:
                with self.turn:
                    if self.stopping.is_set():
                        return
                    proc = self.start(args, name, redis_url, **extra)
                while proc.poll() is None and not self.stopping.is_set():
                    time.sleep(0.2)
                if not self.stopping.is_set():
                    self.restarts.append((name, proc.returncode))

        threading.Thread(target=watch, daemon=True).start()

    def worker(self, redis_url: str | None = None) -> subprocess.Popen:
        return self.start([*WORKER, "-l", "info"], "worker", redis_url)

    def worker_restarted(self, redis_url: str) -> None:
        """A worker on a broker that will vanish, started again when it ends, as compose's restart policy does:
        kombu may end it with an "Unrecoverable error" when the broker goes (an AttributeError in restore_unacked
        while it acks, seen about 1 run in 5); what is tested is that nothing is lost and the beat heals."""
        self.supervise([*WORKER, "-l", "info"], "worker", redis_url)

    def beat_args(self, schedule) -> list[str]:
        return [sys.executable, "-m", "celery", "-A", "cdd4", "beat", "-l", "info", "-s", str(schedule)]

    def beat(self, redis_url: str | None = None, every: int = 1) -> subprocess.Popen:
        args = self.beat_args(self.tmp_path / f"beat-{len(self.procs)}")
        return self.start(args, "beat", redis_url, CDD4_HEAL_EVERY_SECONDS=str(every))

    def stop_all(self) -> None:
        with self.turn:  # no supervisor starts anything after this
            self.stopping.set()
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()  # gone, and its database connection with it, before the test database is dropped


@pytest.fixture
def procs(services_up, tmp_path):
    p = Processes(tmp_path)
    yield p
    p.stop_all()


@pytest.fixture
def worker(procs):
    """A real worker process on the test database (not eager mode)."""
    return procs.worker()


class PrivateRedis:
    """A redis-server of our own on a loopback port, to stop and start without touching the shared one."""

    def __init__(self, tmp_path: Path):
        self.port, self.dir, self.proc = free_port(), tmp_path, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        args = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.proc = subprocess.Popen([*args, "--dir", str(self.dir)], stdout=subprocess.DEVNULL)
        wait_for(lambda: self._ping(), timeout=10)

    def _ping(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.2).ping()
        except redis.RedisError:
            return False

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    if server.proc.poll() is None:
        server.kill()


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout}s")


PG_BIN = Path("/usr/lib/postgresql")


class PrivatePostgres:
    """A PostgreSQL cluster of our own (initdb in a temp dir) to restart mid-test; the shared one stays up."""

    def __init__(self):
        versions = sorted(PG_BIN.glob("*/bin/pg_ctl"))
        if not versions:
            pytest.fail("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)")
        self.bin, self.port = versions[-1].parent, free_port()
        self.root = Path(tempfile.mkdtemp(prefix="cdd4-pg-"))  # postgres must own it: not under root's tmp_path
        self.data, self.log = self.root / "data", self.root / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/cdd4"

    def _run(self, *args: str) -> None:
        # initdb refuses to run as root: as root, run the server tools as the postgres user.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            pytest.fail(f"{Path(args[0]).name} failed: {done.stderr[-1500:]}")

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "cdd4")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def copy_from(self, dbname: str) -> None:
        """Schema and rows of a database on the shared server (the test database after set-up)."""
        db = connection.settings_dict
        dump = subprocess.run(
            ["pg_dump", "-h", db["HOST"], "-p", str(db["PORT"]), "-U", db["USER"], "--no-owner", dbname],
            capture_output=True,
            check=True,
            timeout=120,
        )
        load = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        subprocess.run([*load, "-d", "cdd4"], input=dump.stdout, capture_output=True, check=True, timeout=120)

    def connect(self):
        return psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="cdd4")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def private_postgres(services_up):
    server = PrivatePostgres()
    server.init()
    yield server
    server.remove()


@pytest.fixture
def small_disk(tmp_path, settings):
    """An 8 MB filesystem of its own; mounting needs root, as CI has (fails, never skips, without it)."""
    mount = tmp_path / "media"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.fail(f"cannot mount a small tmpfs (run as root): {done.stderr.decode()[-300:]}")
    settings.MEDIA_ROOT = mount
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(disk, leave: int) -> None:
    """Takes all but `leave` bytes of the filesystem."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with open(disk / "filler", "wb") as f:
        f.write(b"\x00" * max(0, free - leave))


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    db = connection.settings_dict
    name = f"{db['NAME']}_restored"
    admin = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()
