"""Upload benchmark: 1 MB and 100 MB through the real upload view on loopback (gunicorn, 1 sync worker).

Prints median and p95 wall time per size, and the worker's peak RSS over idle during the 100 MB uploads
(uploads must stream to disk: target ≤ 50 MB over idle). Runs in a throwaway var dir; nothing is kept.

    .venv/bin/python bench/upload.py [--small 20] [--large 5]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from _setup import migrated_copy

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
USER, PASSWORD = "bench-cm", "bench-pass-2566"
BOUNDARY = "----cdd4bench7MA4YWxkTrZu0gW"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def playable_head() -> bytes:
    """The start of each bench video: a real one-second MP4 where ffmpeg is installed, else a bare `ftyp`."""
    sys.path.insert(0, str(ROOT))
    from contests.media import sample_video

    return sample_video(1) or struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isomiso2"


def make_body(path: Path, kind: str, size: int) -> None:
    """A multipart body on disk (so the client does not hold 100 MB either)."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nbench\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench.{kind}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    with path.open("wb") as f:
        f.write(head)
        if kind == "pdf":
            f.write(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%")
            rest = size - 40
        else:  # a one-second video that plays (ffprobe checks it), then a `free` box to the size
            video = playable_head()
            f.write(video + struct.pack(">I", size - len(video)) + b"free")
            rest = size - len(video) - 8
        block = b"\x00" * (1024 * 1024)
        while rest > 0:
            f.write(block[: min(rest, len(block))])
            rest -= len(block)
        if kind == "pdf":
            f.write(b"\n%%EOF\n")
        f.write(f"\r\n--{BOUNDARY}--\r\n".encode())


class Client:
    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method, path, body=None, headers=None, length=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        h = {"Cookie": self._cookie_header(), **(headers or {})}
        if length is not None:
            h["Content-Length"] = str(length)
        conn.request(method, path, body=body, headers=h)
        resp = conn.getresponse()
        data = resp.read()
        for value in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        conn.close()
        return resp.status, data

    def login(self) -> None:
        _, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = f"csrfmiddlewaretoken={token}&username={USER}&password={PASSWORD}".encode()
        status, _ = self.request(
            "POST", "/accounts/login/", body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert status == 302 and "sessionid" in self.cookies, f"login failed ({status})"

    def upload(self, body_path: Path, criterion: str) -> float:
        headers = {
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
            "X-CSRFToken": self.cookies["csrftoken"],
            "Accept": "application/json",
        }
        # New bytes each time (inside the PDF comment or the video's mdat, past the part's headers): the portal
        # refuses a file it already holds for the criterion.
        with body_path.open("r+b") as f:
            f.seek(2048)
            f.write(uuid.uuid4().hex.encode())
        started = time.perf_counter()
        with body_path.open("rb") as f:
            status, data = self.request(
                "POST",
                f"/years/2566/provinces/TH-50/criteria/{criterion}/upload/",
                f,
                headers,
                body_path.stat().st_size,
            )
        elapsed = time.perf_counter() - started
        assert status == 201, f"upload failed: {status} {data[:300]!r}"
        return elapsed


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def worker_pid(master: int) -> int:
    for _ in range(100):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("no gunicorn worker")


class PeakRss:
    """A process's resident memory before a block (idle) and its peak during it, sampled every 10 ms."""

    def __init__(self, pid: int):
        self.pid = pid
        self.idle = self.peak = rss_kb(pid)
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.01)

    def __enter__(self) -> PeakRss:
        self._sampler.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._sampler.join()

    @property
    def over_idle_mb(self) -> float:
        return (self.peak - self.idle) / 1024


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@contextmanager
def throwaway_portal(*, units: bool = True, setup: str = ""):
    """A throwaway var dir (SQLite), migrated and bootstrapped, `setup` run in its shell, and gunicorn with one sync
    worker on a free port; everything removed afterwards. Yields the var dir, the port, the worker's pid and the
    last line `setup` printed."""
    var = Path(tempfile.mkdtemp(prefix="cdd4-bench-"))
    env = {**os.environ, "CDD4_VAR_DIR": str(var), "DJANGO_DEBUG": "0", "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    server = None
    try:
        migrated_copy(var / "db.sqlite3")
        # migrate, bootstrap and `setup` in one process: each Django start costs 2–3 s on these machines.
        prepare = (
            "import io; from django.core.management import call_command;"
            "call_command('migrate', verbosity=0);"
            f"call_command('bootstrap', {'' if units else repr('--no-units') + ', '}stdout=io.StringIO());"
        )
        shell = [PY, "manage.py", "shell", "-v0", "-c", prepare + setup]
        printed = subprocess.run(shell, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.split()
        port = free_port()
        gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
        server = subprocess.Popen(
            [gunicorn, "cdd4.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1", "--timeout", "600", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        yield var, port, worker_pid(server.pid), printed[-1] if printed else ""
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(var, ignore_errors=True)


def provincial_staff(token: bool = False) -> str:
    """Shell code: Chiang Mai's staff member the benches upload as (printing an API token if asked)."""
    return (
        "from contests.models import Unit; from people.models import Membership, Role;"
        "from django.contrib.auth.models import User; from knox.models import AuthToken;"
        f"u=User.objects.create_user('{USER}', password='{PASSWORD}');"
        "Membership.objects.create(user=u, role=Role.OFFICE_STAFF, unit=Unit.objects.get(code='TH-50'));"
        + ("print(AuthToken.objects.create(user=u)[1])" if token else "")
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=20, help="1 MB uploads")
    ap.add_argument("--large", type=int, default=5, help="100 MB uploads")
    args = ap.parse_args()
    with throwaway_portal(setup=provincial_staff()) as (var, port, worker, _):
        client = Client(port)
        for _ in range(100):
            try:
                client.login()
                break
            except (ConnectionRefusedError, OSError):
                time.sleep(0.1)
        small, large = var / "small.body", var / "large.body"
        make_body(small, "pdf", 1024 * 1024)
        make_body(large, "mp4", 100 * 1024 * 1024)
        client.upload(small, "1.1")  # warm-up: imports, templates, rubric caches
        small_times = [client.upload(small, "1.1") for _ in range(args.small)]
        with PeakRss(worker) as memory:
            large_times = [client.upload(large, "4.1.1") for _ in range(args.large)]
        over = memory.over_idle_mb
        ms = [t * 1000 for t in small_times]
        print(f"1 MB   x {args.small}: median {statistics.median(ms):.0f} ms, p95 {pct(ms, 95):.0f} ms")
        print(f"100 MB x {args.large}: median {statistics.median(large_times):.2f} s, p95 {pct(large_times, 95):.2f} s")
        print(f"worker RSS: idle {memory.idle / 1024:.1f} MB, peak {memory.peak / 1024:.1f} MB")
        print(f"peak over idle during 100 MB uploads: {over:.1f} MB (target <= 50)")
        print(f"RESULT upload_1mb_p95_ms={pct(ms, 95):.0f} ms info")
        print(f"RESULT upload_100mb_p95_s={pct(large_times, 95):.2f} s info")
        print(f"RESULT upload_rss_over_idle_mb={over:.1f} MB <=50")
        return 0 if over <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
