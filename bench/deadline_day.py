"""A deadline day against the rehearsal (`make rehearse`, deploy/rehearse.py): everyone at once through nginx, with
the second web machine and the worker killed (SIGKILL) on the way and started again by the rehearsal.

    .venv/bin/python bench/deadline_day.py [--dir var/rehearse] [--seconds 120] [--provinces 16]

Provincial staff upload 1 MB PDFs (the API's form upload) and open their criterion page, central staff watch the
dashboard and its live poll, the public opens the verification page. Bounded in time (--seconds) and per request
(60 s), loopback only. After the last request: every accepted file is in the bucket byte for byte, the standings
catch up (timed from the last upload) and equal a full recompute. Per kind of request: median, p95, errors.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import io
import json
import os
import random
import signal
import sys
import threading
import time
from collections import defaultdict
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.services.portal import PASSWORD, Client, multipart  # noqa: E402

CRITERIA = ["1.1", "1.3", "3.1", "4.1.1", "5.2"]  # 4.1.1 feeds a timeliness fact: uploads mark results dirty
YEAR = 2566


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def pdf(marker: str, size: int = 1024 * 1024) -> bytes:
    head = f"%PDF-1.4\n% {marker}\n1 0 obj\n<<>>\nendobj\n%".encode()
    return head + b"\x00" * (size - len(head) - 7) + b"\n%%EOF\n"


class Day:
    def __init__(self, port: int, seconds: float):
        self.port, self.until = port, time.monotonic() + seconds
        self.lock, self.samples = threading.Lock(), defaultdict(list)  # kind → [(t, status, ms)]
        self.accepted: dict[int, str] = {}  # evidence id → sha256 sent
        self.last_upload = 0.0

    def timed(self, kind: str, client: Client, method: str, path: str, payload=None, headers=None):
        started = time.perf_counter()
        try:
            status, body = client.request(method, path, payload, headers)
        except (OSError, http.client.HTTPException):
            status, body = 0, b""
        with self.lock:
            self.samples[kind].append((time.monotonic(), status, (time.perf_counter() - started) * 1000))
        return status, body

    def provincial(self, username: str, code: str) -> None:
        client = Client(self.port, username)
        assert client.login() == 302, f"login failed for {username}"
        n = 0
        while time.monotonic() < self.until:
            data = pdf(f"{username}-{n}")
            headers = {
                "Content-Type": "multipart/form-data; boundary=----cdd4portalA1b2C3d4",
                "X-CSRFToken": client.cookies.get("csrftoken", ""),
                "Accept": "application/json",
            }
            path = f"/api/v1/years/{YEAR}/evidence/"
            status, body = self.timed(
                "upload 1 MB", client, "POST", path, multipart(CRITERIA[n % 5], "d.pdf", data), headers
            )
            if status == 201:
                with self.lock:
                    self.accepted[json.loads(body)["id"]] = hashlib.sha256(data).hexdigest()
                    self.last_upload = time.monotonic()
                n += 1
            self.timed("criterion page", client, "GET", f"/years/{YEAR}/provinces/{code}/criteria/1.1/")
            time.sleep(random.uniform(0.5, 1.5))  # reading the page, picking the next file

    def central(self, username: str) -> None:
        client = Client(self.port, username)
        assert client.login() == 302, f"login failed for {username}"
        while time.monotonic() < self.until:
            self.timed("dashboard", client, "GET", f"/standings/{YEAR}/")
            for _ in range(3):  # the page polls every 2 s
                self.timed("dashboard live poll", client, "GET", f"/standings/{YEAR}/live/")
                time.sleep(2)

    def public(self) -> None:
        client = Client(self.port, "")
        while time.monotonic() < self.until:
            self.timed("verify page", client, "GET", "/verify/")
            time.sleep(random.uniform(0.5, 2))


def kill(base: Path, service: str) -> float:
    pid = json.loads((base / "rehearse.json").read_text())["pids"][service]
    os.killpg(pid, signal.SIGKILL)  # the service's whole process group, as `docker kill` ends a container
    print(f"killed {service} (process group {pid}) with SIGKILL", flush=True)
    return time.monotonic()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "rehearse")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--provinces", type=int, default=16)
    parser.add_argument("--central", type=int, default=3)
    parser.add_argument("--public", type=int, default=4)
    args = parser.parse_args()
    state = json.loads((args.dir / "rehearse.json").read_text())
    os.environ |= {"DATABASE_URL": state["database_url"], "REDIS_URL": state["redis_url"], "LOG_LEVEL": "WARNING"}
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
    import boto3
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import F

    from contests.models import Unit
    from scoring.models import Standing
    from submissions.models import Evidence
    from tests.factories import UserFactory

    run = time.strftime("%H%M%S")  # each run its own accounts: a signed-in account keeps its audit trail

    def user(username: str, **role) -> str:
        made = UserFactory(username=f"{username}-{run}", **role)
        made.set_password(PASSWORD)
        made.save()
        return made.username

    provinces = list(Unit.objects.filter(level="province").order_by("code")[: args.provinces])
    staff = [(user(f"dd-{p.code}", role="provincial", role__province=p), p.code) for p in provinces]
    central = [user(f"dd-central-{i}", role="central") for i in range(args.central)]
    day = Day(state["ports"]["nginx"], args.seconds)
    threads = [threading.Thread(target=day.provincial, args=s) for s in staff]
    threads += [threading.Thread(target=day.central, args=(c,)) for c in central]
    threads += [threading.Thread(target=day.public) for _ in range(args.public)]
    began = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(args.seconds * 0.4)
    kills = [("web2", kill(args.dir, "web2"))]
    time.sleep(args.seconds * 0.2)
    kills.append(("worker", kill(args.dir, "worker")))
    for t in threads:
        t.join(timeout=args.seconds + 120)
    ended = time.monotonic()

    while Standing.objects.filter(change_seq__gt=F("computed_seq")).exists():
        if time.monotonic() - ended > 180:
            break
        time.sleep(0.1)
    caught_up = time.monotonic() - (day.last_upload or ended)

    s3 = boto3.client("s3", endpoint_url=state["s3"]["endpoint"], region_name="us-east-1",
                      aws_access_key_id="cdd4", aws_secret_access_key="cdd4")  # fmt: skip
    rows = {e.pk: e for e in Evidence.objects.filter(pk__in=day.accepted)}
    lost = []
    for evidence_id, sha in day.accepted.items():
        row = rows.get(evidence_id)
        if row is None or row.sha256 != sha:
            lost.append(evidence_id)
            continue
        stored = s3.get_object(Bucket=state["s3"]["bucket"], Key=row.stored_path)["Body"].read()
        if hashlib.sha256(stored).hexdigest() != sha:
            lost.append(evidence_id)
    outputs = []
    for extra in ([], ["--recompute"]):
        out = io.StringIO()
        with redirect_stdout(out):
            call_command("standings", "--year", str(YEAR), "--format", "json", *extra, stdout=out)
        outputs.append([{**r, "computed_at": None} for r in json.loads(out.getvalue())])
    equal = outputs[0] == outputs[1]

    print(f"deadline day: {args.seconds:.0f} s, {len(staff)} provincial offices, {len(central)} central staff, "
          f"{args.public} public visitors, through nginx to two gunicorn web machines (4 workers each)")  # fmt: skip
    near_kill = 0
    for kind, samples in sorted(day.samples.items()):
        ms = [m for _, status, m in samples if 0 < status < 500]
        errors = [(t, s) for t, s, _ in samples if s == 0 or s >= 500]
        near = [t for t, _ in errors if any(0 <= t - k <= 15 for _, k in kills)]
        near_kill += len(near)
        statuses = defaultdict(int)
        for _, status, _ in samples:
            statuses[status] += 1
        print(f"  {kind:20} {len(samples):5} requests, median {pct(ms, 50):6.0f} ms, p95 {pct(ms, 95):6.0f} ms; "
              f"errors {len(errors)} ({len(near)} within 15 s after a kill); statuses {dict(statuses)}")  # fmt: skip
    errors_total = sum(1 for s in day.samples.values() for _, st, _ in s if st == 0 or st >= 500)
    print(f"kills: {', '.join(f'{n} at {k - began:.0f} s' for n, k in kills)}")
    print(f"accepted uploads {len(day.accepted)}; lost or damaged {len(lost)}")
    print(f"standings caught up {caught_up:.1f} s after the last upload; equal to a full recompute: {equal}")
    upload_ms = [m for _, s, m in day.samples["upload 1 MB"] if 0 < s < 500]
    page_ms = [m for k, v in day.samples.items() if k != "upload 1 MB" for _, s, m in v if 0 < s < 500]
    print(f"RESULT deadline_lost={len(lost)} uploads ==0")
    print(f"RESULT deadline_5xx_outside_kills={errors_total - near_kill} responses ==0")
    print(f"RESULT deadline_page_p95_ms={pct(page_ms, 95):.0f} ms <=500")
    print(f"RESULT deadline_upload_p95_ms={pct(upload_ms, 95):.0f} ms <=1000")
    print(f"RESULT deadline_caught_up_s={caught_up:.1f} s <=10")
    return 0 if not lost and equal else 1


if __name__ == "__main__":
    sys.exit(main())
