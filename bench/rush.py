"""Deadline rush: 1,500 uploads of 1 MB from 16 concurrent clients against the running app on loopback.

    .venv/bin/python bench/rush.py [--uploads 1500] [--clients 16] [--web-workers 4]

Starts its own gunicorn (the portal), a Celery worker, a throw-away PostgreSQL database, its own Redis
database number and media directory; stops them all. Bounded: each request times out after 60 s
and the whole rush after --max-seconds. Uploads go to POST /api/v1/years/2566/evidence/ as
provincial staff with a session (one login each, so PBKDF2 is not timed with the upload path).
Reports: lost uploads (201 but no row or no file), 5xx, latency median/p95, recomputes run.
Targets: 0 lost, 0 5xx, p95 ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cdd4")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
os.environ.setdefault("LOG_LEVEL", "WARNING")
MEDIA = Path(tempfile.mkdtemp(prefix="cdd4-rush-media-"))
os.environ["CDD4_MEDIA_ROOT"] = str(MEDIA)

from _setup import ROOT, django_with_fresh_db  # noqa: E402

from tests.services.portal import PASSWORD, Client, free_port, multipart, wait_listening  # noqa: E402

CRITERIA = ["1.1", "1.3", "3.1", "4.1.1", "5.2"]  # 4.1.1 feeds a timeliness fact: uploads mark results dirty


def body(criterion: str, size: int = 1024 * 1024) -> bytes:
    pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%" + b"\x00" * (size - 40) + b"\n%%EOF\n"
    return multipart(criterion, "rush.pdf", pdf)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=1500)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--max-seconds", type=int, default=900)
    args = parser.parse_args()
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # our own database number
    django_with_fresh_db("cdd4_bench_rush")
    from django.db.models import F

    from contests.models import Unit
    from people.models import Role
    from scoring.models import RecomputeRun, Standing
    from submissions.models import Evidence
    from tests.factories import UserFactory

    units = list(Unit.objects.order_by("code")[: args.clients])
    users = []
    for unit in units:
        user = UserFactory(username=f"rush-{unit.code}", role=Role.OFFICE_STAFF, role__unit=unit)
        user.set_password(PASSWORD)
        user.save()
        users.append(user.username)
    port = free_port()
    env = {**os.environ, "DJANGO_DEBUG": "0"}
    logs = tempfile.mkdtemp(prefix="cdd4-rush-logs-")
    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "cdd4.wsgi", "-b", f"127.0.0.1:{port}"]
    web = subprocess.Popen(
        [*gunicorn, "-w", str(args.web_workers), "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=open(f"{logs}/web.log", "wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    celery = [sys.executable, "-m", "celery", "-A", "cdd4", "worker", "--concurrency", "2", "-l", "warning"]
    worker = subprocess.Popen(
        celery, cwd=ROOT, env=env, stdout=open(f"{logs}/worker.log", "wb"), stderr=subprocess.STDOUT
    )
    results: list[tuple[int, float, int | None]] = []
    lock, counter = threading.Lock(), iter(range(args.uploads))
    payloads = {c: body(c) for c in CRITERIA}
    stop_at = time.monotonic() + args.max_seconds
    try:
        wait_listening(port)
        runs_before = RecomputeRun.objects.count()

        ready = threading.Barrier(len(users) + 1)

        def client_loop(username: str) -> None:
            client = Client(port, username)
            # PBKDF2 on 2 cores is slow; log everyone in before the clock starts
            assert client.login() == 302, f"login failed for {username}"
            ready.wait()
            while time.monotonic() < stop_at:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                start = time.perf_counter()
                try:
                    status, data = client.upload(payloads[CRITERIA[n % len(CRITERIA)]])
                except (OSError, http.client.HTTPException):
                    status, data = 0, {}
                with lock:
                    results.append((status, time.perf_counter() - start, data.get("id")))

        threads = [threading.Thread(target=client_loop, args=(u,)) for u in users]
        for t in threads:
            t.start()
        ready.wait()
        began = time.perf_counter()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        settle_start = time.perf_counter()
        while Standing.objects.filter(change_seq__gt=F("computed_seq")).exists():
            if time.perf_counter() - settle_start > 60:
                break
            time.sleep(0.05)
        settled_after = time.perf_counter() - settle_start
        runs = RecomputeRun.objects.count() - runs_before
    finally:
        web.terminate()
        worker.terminate()
        web.wait(timeout=30)
        worker.wait(timeout=30)
    created = [r for r in results if r[0] == 201]
    ids = {r[2] for r in created}
    rows = {e.pk: e for e in Evidence.objects.filter(pk__in=ids)}
    lost = sum(1 for i in ids if i not in rows or not (MEDIA / rows[i].stored_path).is_file())
    lat = [r[1] * 1000 for r in results]
    by_status: dict[int, int] = {}
    for status, _, _ in results:
        by_status[status] = by_status.get(status, 0) + 1
    print(
        f"uploads: {len(results)} of {args.uploads} attempted, {args.clients} clients, "
        f"{args.web_workers} gunicorn workers"
    )
    print(
        f"wall {wall:.1f} s ({len(results) / wall:.0f} uploads/s, {len(results) / wall:.0f} MB/s); statuses {by_status}"
    )
    print(f"lost uploads: {lost + (args.uploads - len(results))}; 5xx: {sum(1 for r in results if r[0] >= 500)}; "
          f"connection errors: {by_status.get(0, 0)}")  # fmt: skip
    print(f"latency median {pct(lat, 50):.0f} ms, p95 {pct(lat, 95):.0f} ms, max {max(lat):.0f} ms (target p95 ≤ 300)")
    print(f"recomputes run: {runs}; standings settled {settled_after:.2f} s after the last upload")
    print(f"RESULT rush_lost={lost + (args.uploads - len(results))} uploads ==0")
    print(f"RESULT rush_5xx={sum(1 for r in results if r[0] >= 500)} responses ==0")
    print(f"RESULT rush_p95_ms={pct(lat, 95):.0f} ms <=300")
    shutil.rmtree(MEDIA, ignore_errors=True)
    return 0 if lost == 0 and len(results) == args.uploads and all(r[0] < 500 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
