"""What each of the deadline day's requests costs the web process itself, whatever the machine's load.

    .venv/bin/python bench/deadline_profile.py [--dir var/rehearse] [--times 20] [--profile KIND] [--kinds A,B]

Against a running rehearsal (`make rehearse DEMO=1`) after a `make bench-deadline` run (its plan: the accounts),
in this process, with the web machine's environment (production mode, the rehearsal's PostgreSQL, Redis and
object store): each kind of request the Locust users send, through Django's whole stack (middleware, session,
templates; no nginx), `--times` times. Prints per kind the CPU time of this process (time.process_time: what a
request takes of a core, not how long it waited for one), the wall time and the queries. `--profile KIND`: cProfile
of that kind, the 30 functions with the most cumulative time. Wall-clock Locust figures on a shared machine mix
the portal's work with other sessions'; these do not.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import statistics
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy"))
sys.path.insert(0, str(ROOT / "bench"))


def environment(base: Path) -> None:
    from rehearse import Rehearsal

    state = json.loads((base / "rehearse.json").read_text())
    rehearsal = Rehearsal(base, state["ports"]["nginx"], demo=False)
    rehearsal.ports, rehearsal.secret = state["ports"], "profile-" + "x" * 40
    os.environ.update(rehearsal.env("web"))
    os.environ |= {"LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "cdd4.settings"}


def counted(queries: list[str], execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "rehearse")
    parser.add_argument("--times", type=int, default=20)
    parser.add_argument("--profile", default="")
    parser.add_argument("--kinds", default="")
    parser.add_argument("--queries", action="store_true", help="print each kind's queries (their first 160 characters)")
    parser.add_argument("--callees", default="", help="with --profile: what these functions call (a pattern)")
    args = parser.parse_args()
    environment(args.dir.resolve())
    plans = sorted(args.dir.glob("deadline-*/plan.json"), key=lambda p: p.stat().st_mtime)
    if not plans:
        raise SystemExit("no deadline run's plan under --dir: run `make bench-deadline` first")
    plan = json.loads(plans[-1].read_text())

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from scan import pdf

    users = get_user_model().objects

    def page(account):
        code = random.choice(account["criteria"])
        return f"/years/{account['rubric']}/provinces/{account['unit']}/criteria/{code}/"

    def client(account: dict | None, address: str) -> Client:
        c = Client(
            enforce_csrf_checks=True, HTTP_HOST="127.0.0.1", HTTP_X_REAL_IP=address, HTTP_X_FORWARDED_FOR=address
        )
        if account:
            user = users.get(username=account["username"])
            c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            if account.get("totp_hex"):  # central staff: the session's second factor, as after the code page
                from django_otp.plugins.otp_totp.models import TOTPDevice

                session = c.session
                session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
                session.save()
        c.get(page(account) if account and account.get("criteria") else "/accounts/login/")  # the CSRF cookie
        return c

    provincial, district = plan["provincial"][0], plan["district"][0]
    office, office2 = client(provincial, "127.0.9.1"), client(district, "127.0.9.2")
    member, central, public = client(plan["committee"][0], "127.0.9.3"), client(plan["central"][0], "127.0.9.4"), None
    public = client(None, "127.0.9.5")

    def upload(c: Client, account, size: int):
        def send():
            data = pdf(size)
            from django.core.files.uploadedfile import SimpleUploadedFile

            reply = c.post(
                page(account) + "upload/",
                {"file": SimpleUploadedFile("scan.pdf", data, "application/pdf"), "description": "profile"},
                HTTP_X_CSRFTOKEN=c.cookies["csrftoken"].value,
                HTTP_ACCEPT="application/json",
            )
            assert reply.status_code == 201, (reply.status_code, reply.content[:300])
            return reply

        return send

    def gate(c: Client):
        return lambda: c.get("/accounts/upload-gate/", HTTP_CONTENT_LENGTH="1048576")

    def score_screen():
        where = member.get(f"/admin/committee/judgment/next/?year={plan['year']}").get("Location", "")
        return member.get(where) if where else None

    kinds = {
        "sign-in page": lambda: public.get("/accounts/login/"),
        "provincial criterion page": lambda: office.get(page(provincial)),
        "district criterion page": lambda: office2.get(page(district)),
        "upload gate": gate(office),
        "upload small (form)": upload(office, provincial, 200 * 1024),
        "upload 1 MB (form)": upload(office, provincial, 1024 * 1024),
        "upload 4 MB (form, district)": upload(office2, district, 4 * 1024 * 1024),
        "committee matrix": lambda: member.get(f"/admin/committee/judgment/matrix/?year={plan['year']}"),
        "committee next": lambda: member.get(f"/admin/committee/judgment/next/?year={plan['year']}"),
        "committee score screen": score_screen,
        "dashboard": lambda: central.get(f"/standings/{plan['year']}/"),
        "dashboard live poll": lambda: central.get(f"/standings/{plan['year']}/live/"),
        "verify a certificate": lambda: public.get(f"/verify/{random.choice(plan['codes'])}/"),
        "verify page": lambda: public.get("/verify/"),
    }
    wanted = [k.strip() for k in args.kinds.split(",") if k.strip()] or list(kinds)
    print(f"{'kind':32} {'cpu median':>10} {'cpu p95':>8} {'wall median':>11} {'queries':>7}  status")
    for name in wanted:
        run = kinds[name]
        run()  # warm: templates, the rubric's caches
        queries: list[str] = []  # counted as they run: each request's start clears Django's own query log
        with connection.execute_wrapper(partial(counted, queries)):
            reply = run()
        status = getattr(reply, "status_code", "-")
        for sql in queries if args.queries else ():
            print("   ", sql[:160])
        cpu, wall = [], []
        profile = cProfile.Profile() if name == args.profile else None
        for _ in range(args.times):
            began, began_cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            run()
            if profile:
                profile.disable()
            cpu.append((time.process_time() - began_cpu) * 1000)
            wall.append((time.perf_counter() - began) * 1000)
        cpu.sort()
        p95 = cpu[min(len(cpu) - 1, round(0.95 * (len(cpu) - 1)))]
        print(
            f"{name:32} {statistics.median(cpu):8.1f}ms {p95:6.1f}ms {statistics.median(wall):9.1f}ms "
            f"{len(queries):7}  {status}",
            flush=True,
        )
        if profile:
            stats = pstats.Stats(profile).sort_stats("cumulative")
            stats.print_stats(40)
            if args.callees:
                stats.print_callees(args.callees)
            if re.search("upload", name):
                stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
