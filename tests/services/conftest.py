"""Service mode: the real PostgreSQL, Redis and a Celery worker process. Missing services fail, never skip."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


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
    call_command("bootstrap", verbosity=0, stdout=open(os.devnull, "w"))


@pytest.fixture
def worker(services_up):
    """A real worker process on the test database (not eager mode)."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cdd4",
            "worker",
            "-P",
            "solo",
            "--without-mingle",
            "--without-gossip",
            "-l",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout}s")
