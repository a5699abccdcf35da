"""The deadline day with Locust against a running rehearsal (`make rehearse DEMO=1`, then `make bench-deadline`).

    .venv/bin/python bench/deadline_locust.py [--dir var/rehearse] [--minutes 5] [--provincial 24] [--district 8]
        [--committee 3] [--central 3] [--public 6] [--no-kills]

Makes this run's accounts in the rehearsal's database (provincial and district office staff of the present
contests' entrants, committee members, central staff with an authenticator app, a few issued certificates), runs
bench/locustfile_deadline.py headless in a Locust process of its own (gevent stays out of this Django process),
kills web2 at 40 % of the run and the worker at 60 % (SIGKILL to the process group, as `docker kill`; the rehearsal
starts each again), then checks, after the last event: every accepted file in the bucket byte for byte, every
saved score recorded, the standings caught up (timed from the last upload or score) and equal to a full recompute.
Prints per kind of request the median and p95, the errors, and RESULT lines; writes DIR/deadline-locust.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import deadline_checks as checks  # noqa: E402  (bench/ is this script's folder)

NATIONAL_CRITERIA = ["1.1", "1.3", "3.1", "4.1.1", "5.2"]  # PDF evidence; 4.1.1 feeds a timeliness fact
DISTRICT_CONTEST = "nongkhai-missions"  # the demo's office contest open all year among Nong Khai's districts


def kill(base: Path, service: str) -> float:
    pid = json.loads((base / "rehearse.json").read_text())["pids"][service]
    at = time.time()
    os.killpg(pid, signal.SIGKILL)
    print(f"killed {service} (process group {pid}) with SIGKILL", flush=True)
    return at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "rehearse")
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--provincial", type=int, default=24)
    parser.add_argument("--district", type=int, default=8)
    parser.add_argument("--committee", type=int, default=3)
    parser.add_argument("--central", type=int, default=3)
    parser.add_argument("--public", type=int, default=6)
    parser.add_argument("--no-kills", action="store_true")
    args = parser.parse_args()
    state = json.loads((args.dir / "rehearse.json").read_text())
    os.environ |= {"DATABASE_URL": state["database_url"], "REDIS_URL": state["redis_url"], "LOG_LEVEL": "WARNING"}
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
    # This process freezes a past year for its certificates as a script, with no session to confirm a factor in.
    os.environ["CDD4_SECOND_FACTOR"] = "offered"
    # The rehearsal's bucket, for the sweep's recovery this process runs (checks.unsaved_recovered).
    os.environ |= {"CDD4_S3_BUCKET": state["s3"]["bucket"], "CDD4_S3_ENDPOINT_URL": state["s3"]["endpoint"],
                   "CDD4_S3_ACCESS_KEY": "cdd4", "CDD4_S3_SECRET_KEY": "cdd4"}  # fmt: skip
    import django

    django.setup()
    counts = {k: getattr(args, k) for k in ("provincial", "district", "committee", "central", "public")}
    plan = checks.plan_make(counts, NATIONAL_CRITERIA, DISTRICT_CONTEST)
    seconds = args.minutes * 60
    work = Path(tempfile.mkdtemp(prefix="deadline-", dir=args.dir))
    (work / "plan.json").write_text(json.dumps(plan))
    monitor = checks.CatchUp(plan["rubric_ids"])
    threading.Thread(target=monitor.run, daemon=True).start()

    users = sum(plan["counts"].values())
    command = [str(Path(sys.executable).with_name("locust")), "-f", str(ROOT / "bench" / "locustfile_deadline.py"),
               "--headless", "--host", f"http://127.0.0.1:{state['ports']['nginx']}", "-u", str(users),
               "-r", "2", "--run-time", f"{seconds:.0f}s", "--stop-timeout", "60", "--only-summary",
               "--csv", str(work / "locust"), "--loglevel", "WARNING"]  # fmt: skip
    env = {**os.environ, "DEADLINE_PLAN": str(work / "plan.json"), "DEADLINE_OUT": str(work / "out.json")}
    began = time.time()
    with open(work / "locust.log", "wb") as log:
        locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        cpu = checks.CpuMeter(args.dir, locust.pid)
        threading.Thread(target=cpu.run, daemon=True).start()
        kills = []
        try:
            if not args.no_kills:
                for service, at in (("web2", 0.4), ("worker", 0.6)):
                    time.sleep(max(0.0, began + seconds * at - time.time()))
                    kills.append((service, kill(args.dir, service)))
            locust.wait(timeout=seconds + 300)
        finally:
            if locust.poll() is None:
                locust.terminate()
                locust.wait(timeout=60)
    ended, (portal_cpu, locust_cpu) = time.time(), cpu.seconds()
    out = json.loads((work / "out.json").read_text())
    report = checks.report(plan, out, kills, monitor, state, began=began, ended=ended)
    cores = 2 * (ended - began)  # the two cores' time over the run
    loads = sorted(cpu.loads)
    report["load"] = {
        "users": plan["counts"],
        "seconds": seconds,
        "loadavg_1min_min_median_max": [loads[0], checks.pct(loads, 50), loads[-1]],
        "portal_cpu": round(portal_cpu / cores, 2),
        "locust_cpu": round(locust_cpu / cores, 2),
    }
    (args.dir / "deadline-locust.json").write_text(json.dumps(report, indent=1))
    checks.print_report(report)
    monitor.stop()
    return 0 if report["correct"] else 1


if __name__ == "__main__":
    sys.exit(main())
