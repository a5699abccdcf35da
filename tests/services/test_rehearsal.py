"""deploy/rehearse.py (`make rehearse`): compose's topology as plain processes on this machine, started once with the
demo data for both checks (a start is most of their time): it serves a page through nginx with production's hashed
static files and reports ready (database, Redis, a worker's heartbeat through beat); a short deadline day with
Locust (bench/deadline_locust.py, the bench's own driver) with web2 and the worker killed and started again loses
nothing; then a killed web machine is started again while nginx answers from the other, and the stop ends every
process it started.

The deadline day: office staff uploading by form and over tus with cut links, the committee scoring, central staff
on the dashboard, the public verifying. Correctness only, not latency (the machine is shared): nothing accepted is
lost, every saved score is kept, no 5xx but the killed process's own requests in flight, and the standings catch
up and equal a full recompute."""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message

import pytest

from tests.services.rehearsal import ROOT, rehearsal_running

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


def deadline_day(base) -> tuple[subprocess.CompletedProcess, dict]:
    """One minute of the bench's deadline day against the running rehearsal, and its report."""
    people = ["--provincial", "6", "--district", "3", "--committee", "2", "--central", "1", "--public", "2"]
    args = [sys.executable, "bench/deadline_locust.py", "--dir", str(base), "--minutes", "1", *people]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    return run, json.loads((base / "deadline-locust.json").read_text())


def test_the_rehearsal_serves_loses_nothing_on_a_deadline_day_restarts_a_killed_web_machine_and_stops_everything():
    with rehearsal_running(demo=True) as (proc, port, base):
        state = json.loads((base / "rehearse.json").read_text())
        origin = f"http://127.0.0.1:{port}"

        status, _, page = get(f"{origin}/accounts/login/")
        stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', page)
        css_status, css_headers, _ = get(origin + stylesheet.group(1).decode())
        blocked = get(f"{origin}/readyz")[0]

        run, report = deadline_day(base)

        ready = {"X-Forwarded-Proto": "https", "Host": "localhost"}  # compose's health check
        deadline = time.monotonic() + 120  # beat's first heartbeat comes after 30 s, through the worker
        while (readyz := get(f"http://127.0.0.1:{state['ports']['web2']}/readyz", ready))[0] != 200:
            assert time.monotonic() < deadline, readyz[2][:2000]
            time.sleep(2)
        # web2 killed as `docker kill` would: started again, and nginx answers from web meanwhile.
        before = json.loads((base / "rehearse.json").read_text())["pids"]
        os.killpg(before["web2"], signal.SIGKILL)
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
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    assert [service for service, _ in report["kills"]] == ["web2", "worker"]
    assert {"upload small (form)", "upload 1 MB (form)", "tus"} <= set(report["accepted_by_kind"])
    assert report["scores"] > 0
    assert (report["lost"], report["scores_missing"], report["errors_outside_kills"]) == ([], [], [])
    assert report["equal"] is True
    assert report["caught_up_s"] is not None
    assert during == [200] * 5
    assert restarted["web2"] != before["web2"]
    assert sorted(state["pids"]) == ["beat", "nginx", "redis", "s3", "web", "web2", "worker"]
    assert [name for name, pid in restarted.items() if alive(pid)] == []
