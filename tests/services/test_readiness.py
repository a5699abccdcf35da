"""/readyz against the real processes: green with Redis and a worker, red when either stops."""

import json
import signal
import urllib.error
import urllib.request

import pytest

from .conftest import wait_for
from .test_faults import start_portal

pytestmark = pytest.mark.service


def ready(port: int) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def red(port: int) -> set[str]:
    status, body = ready(port)
    failing = {name for name, check in body["checks"].items() if not check["ok"]}
    assert (status == 200) == (not failing)
    return failing


def test_readyz_red_when_worker_stops_and_when_redis_stops(procs, private_redis, tmp_path):
    env = {"REDIS_URL": private_redis.url, "CDD4_MIN_FREE_MB": "1", "CDD4_HEARTBEAT_MAX_AGE_S": "3"}
    port = start_portal(procs, tmp_path / "media", **env)
    # No heartbeat yet; the set-up's standings also wait for a worker (queued where none listens).
    assert "worker" in red(port)

    worker = procs.worker(private_redis.url)
    procs.start(
        [*procs.beat_args(tmp_path / "beat")],
        "beat",
        private_redis.url,
        CDD4_HEARTBEAT_EVERY_SECONDS="1",
        CDD4_HEAL_EVERY_SECONDS="1",
    )
    wait_for(lambda: red(port) == set(), timeout=60, interval=0.5)

    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    wait_for(lambda: red(port) == {"worker"}, timeout=30, interval=0.5)

    procs.worker(private_redis.url)
    wait_for(lambda: red(port) == set(), timeout=60, interval=0.5)
    private_redis.kill()
    # Redis gone: the broker is gone, so no heartbeat reaches a worker either.
    assert "redis" in wait_for(lambda: red(port) or None, timeout=30, interval=0.5)
    wait_for(lambda: red(port) == {"redis", "worker"}, timeout=30, interval=0.5)
