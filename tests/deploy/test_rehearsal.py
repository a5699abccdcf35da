"""deploy/rehearse.py (`make rehearse`): compose's topology as plain processes on this machine starts, serves a page
through nginx with production's hashed static files, reports ready (database, Redis, a worker's heartbeat through
beat), starts a killed web machine again while nginx answers from the other, and stops every process it started."""

import json
import os
import re
import signal
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from tests.deploy.rehearsal import rehearsal_running

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.service


def get(url: str, headers: dict | None = None) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except OSError:  # nothing listening (a killed process not yet started again)
        return 0, Message(), b""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def rehearsal():
    with rehearsal_running() as running:
        yield running


def test_the_rehearsal_serves_through_nginx_restarts_a_killed_web_machine_and_stops_everything(rehearsal):
    proc, port, base = rehearsal
    state = json.loads((base / "rehearse.json").read_text())
    origin = f"http://127.0.0.1:{port}"

    status, _, page = get(f"{origin}/accounts/login/")
    stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', page)
    css_status, css_headers, _ = get(origin + stylesheet.group(1).decode())
    ready = {"X-Forwarded-Proto": "https", "Host": "localhost"}  # compose's health check
    deadline = time.monotonic() + 120  # beat's first heartbeat comes after 30 s, through the worker
    while (readyz := get(f"http://127.0.0.1:{state['ports']['web2']}/readyz", ready))[0] != 200:
        assert time.monotonic() < deadline, readyz[2][:2000]
        time.sleep(2)
    blocked = get(f"{origin}/readyz")[0]
    # web2 killed as `docker kill` would: started again, and nginx answers from web meanwhile.
    os.killpg(state["pids"]["web2"], signal.SIGKILL)
    during = [get(f"{origin}/accounts/login/")[0] for _ in range(5)]
    deadline = time.monotonic() + 120
    while get(f"http://127.0.0.1:{state['ports']['web2']}/healthz", ready)[0] != 200:
        assert time.monotonic() < deadline, "web2 was not started again"
        time.sleep(1)
    restarted = json.loads((base / "rehearse.json").read_text())["pids"]

    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 0

    assert status == 200
    assert (css_status, css_headers["Content-Type"]) == (200, "text/css")
    assert css_headers.get_all("Cache-Control") == ["max-age=604800", "public"]  # nginx's `expires 7d`
    assert blocked == 404  # operators' endpoints stay inside, as deploy/nginx.conf says
    assert during == [200] * 5
    assert restarted["web2"] != state["pids"]["web2"]
    assert sorted(state["pids"]) == ["beat", "nginx", "redis", "s3", "web", "web2", "worker"]
    assert [name for name, pid in restarted.items() if alive(pid)] == []
