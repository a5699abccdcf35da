"""Telling everyone: one change that tells every office account, in the inbox at once and out by e-mail
and LINE through the outbox's workers, one of which is killed half-way.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x REDIS_URL=redis://127.0.0.1:6379/6 \\
        python bench/broadcast.py [ACCOUNTS]           # default: every CDD office, 8,209 (drops/creates BENCH_DB)

The change: central staff move a deadline (2.1, 31 May → 14 June 2565, by letter มท 0410.4/ว 6001) of a Department
contest whose chosen entrants are the first ACCOUNTS CDD offices by DOPA code, provinces, districts and subdistricts
alike (all of them: 76 + 878 + 7,255), through the one act (rubrics.timetable.criterion_deadline_set). Each office
has one staff account with an e-mail address; every third has linked LINE. Whoever must send by the deadline is
told: a receipt in each inbox and an outbox row per channel, written in the change's own transaction.

Out: e-mail through Django's SMTP backend to a real SMTP server on this machine (aiosmtpd, in this process), LINE
through the real SDK to the stand-in (tests/line_standin.py) enforcing LINE's documented rate limit for the push
endpoint, 2,000 requests a second per channel (developers.line.biz, Messaging API reference, "Rate limits": the
endpoints not listed otherwise, push among them; past it LINE answers 429), and the Official Account's plan set
to 25,000 messages a month (CDD4_LINE_MONTHLY_QUOTA; the free plan's 300 would put all but 300 in the digest).
The workers: the production topology (docker-compose.yml), one Celery worker with two prefork processes, on
PostgreSQL and Redis. Once half the messages are out, one of the two processes is killed (SIGKILL); Celery starts
another in its place and the task it held is delivered again (acks late, rejected when its worker is lost).

Figures: the act (start → commit) and the inbox rows present when it commits; commit → every e-mail in the SMTP
server and every push taken by the stand-in; the most pushes the stand-in took in any one second and the 429s it
answered; per recipient, messages taken more than once (sent twice) and never (not out: lost, or still
pending when the bench stops waiting, TARGET_OUT_S + 60 s); the workers' CPU time
(including the killed process's) and the load average. Targets: inbox ≤ 10 s after commit; everything out ≤ 600 s;
nothing twice, nothing lost.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date

os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from _setup import ROOT, django_with_fresh_db, office_staff_make, smoke

LINE_PUSH_PER_SECOND = 2000  # LINE's rate limit for the push endpoint, per channel
LINE_MONTHLY_QUOTA = 25000
LINE_SHARE = 3  # every third account has linked LINE
DEADLINE, MOVED_TO = date(2022, 5, 31), date(2022, 6, 14)
TARGET_INBOX_S, TARGET_OUT_S = 10, 600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """aiosmtpd's handler: every message taken, counted per recipient."""

    def __init__(self) -> None:
        self.taken: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.lock:
            self.taken.update(envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def total(self) -> int:
        with self.lock:
            return sum(self.taken.values())


def accounts_make(units: list) -> tuple[dict[str, int], dict[str, int]]:
    """One office staff account per unit, with an e-mail address, every LINE_SHARE-th with LINE linked, in bulk:
    (address → user id, LINE user id → user id)."""
    from notices.channels.line.models import LineLink

    users = office_staff_make([u.pk for u in units], name="office")
    links = [LineLink(user=user, line_user_id=f"U{user.pk:032x}") for user in users[::LINE_SHARE]]
    LineLink.objects.bulk_create(links, batch_size=5000)
    return {u.email: u.pk for u in users}, {link.line_user_id: link.user_id for link in links}


def contest_make(units: list):
    """The Department's contest among these offices (bench/contest.py's 20 criteria), open, 2.1 due 31 May."""
    from contest import rubric_data

    from contests.models import Contest, ContestState
    from rubrics import services

    data = rubric_data([u.dopa_code for u in units])
    data["contest"] = {**data["contest"], "slug": "bench-broadcast-2565"}
    for dimension in data["dimensions"]:
        for criterion in dimension["criteria"]:
            criterion["deadline"] = DEADLINE.isoformat() if criterion["code"] == "2.1" else None
    rubric = services.rubric_load(data=data)
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.OPEN)
    rubric.contest.refresh_from_db()
    return rubric


def central_make():
    from django.contrib.auth import get_user_model

    from core.acts import as_confirmed
    from people.models import Membership, Role

    central = get_user_model().objects.create(username="bench-central", email="central@cdd.example.go.th")
    Membership.objects.create(user=central, role=Role.CENTRAL)
    return as_confirmed(central)


def workers_start(env: dict, log) -> subprocess.Popen:
    """docker-compose.yml's worker: one Celery worker, two prefork processes."""
    args = [sys.executable, "-m", "celery", "-A", "cdd4", "worker", "-P", "prefork", "--concurrency", "2"]
    return subprocess.Popen(
        [*args, "--without-mingle", "--without-gossip", "-l", "warning"], cwd=ROOT, env=env, stdout=log, stderr=log
    )


def pool_of(worker: subprocess.Popen, wait: float = 60):
    """The worker's two pool processes once both run."""
    import psutil

    end = time.monotonic() + wait
    while time.monotonic() < end:
        children = psutil.Process(worker.pid).children()
        if len(children) >= 2:
            return children
        time.sleep(0.2)
    raise RuntimeError("the worker's two processes did not start")


def ready(worker: subprocess.Popen, env: dict) -> None:
    """Waits until the worker answers a ping (its processes up and the broker read)."""
    from cdd4.celery import app

    end = time.monotonic() + 120
    while time.monotonic() < end:
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited ({worker.returncode})")
        if app.control.ping(timeout=1):
            return
    raise RuntimeError("the worker did not answer")


def busiest_second(times: list[float]) -> int:
    most, start = 0, 0
    for end, at in enumerate(times):
        while times[start] <= at - 1:
            start += 1
        most = max(most, end - start + 1)
    return most


def main() -> int:
    import redis

    count = int(sys.argv[1]) if len(sys.argv) > 1 else (30 if smoke() else 0)
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # our own database number: stale queues only
    # The smoke run's accounts are provinces' (no districts or subdistricts loaded); timed runs every office.
    url = django_with_fresh_db(os.environ.get("BENCH_DB", "cdd4_bench_broadcast"), units=not smoke())
    from aiosmtpd.controller import Controller
    from django.db import connection, transaction

    from contests.models import Level, Unit
    from notices.models import Delivery, Receipt
    from rubrics import timetable
    from rubrics.letters import Letter
    from tests.line_standin import SECRET, TOKEN, LineStandIn

    t0 = time.perf_counter()
    offices = Unit.objects.filter(is_cdd_office=True, level__in=[Level.PROVINCE, Level.DISTRICT, Level.SUBDISTRICT])
    units = list(offices.order_by("dopa_code")[: count or None])
    levels = Counter(u.level for u in units)
    emails, lines = accounts_make(units)
    rubric = contest_make(units)
    central = central_make()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"database: {connection.vendor} ({url.split('@')[-1]}); Redis {os.environ['REDIS_URL']}")
    print(
        f"set-up: {len(units):,} office accounts ({levels[Level.PROVINCE]} provinces, {levels[Level.DISTRICT]}"
        f" districts, {levels[Level.SUBDISTRICT]} subdistricts), {len(lines):,} with LINE linked,"
        f" {time.perf_counter() - t0:.1f} s"
    )

    sink, smtp_port = Sink(), free_port()
    smtp = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    log = tempfile.NamedTemporaryFile(prefix="cdd4-broadcast-worker-", suffix=".log", delete=False)
    with LineStandIn(per_second=LINE_PUSH_PER_SECOND) as line:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "CDD4_LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
            "CDD4_LINE_CHANNEL_SECRET": SECRET,
            "CDD4_LINE_API_HOST": line.url,
            "CDD4_LINE_MONTHLY_QUOTA": str(LINE_MONTHLY_QUOTA),
            # The smoke run waits a short lease out after the kill; timed runs the production default.
            **({"CDD4_NOTICE_LEASE_SECONDS": "3"} if smoke() else {}),
        }
        from django.conf import settings

        # This process writes the change: its channels must see LINE on to write LINE's outbox rows.
        settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN, settings.CDD4_LINE_CHANNEL_SECRET = TOKEN, SECRET
        worker = workers_start(env, log)
        try:
            ready(worker, env)
            pool_of(worker)
            start, cpu = time.perf_counter(), time.process_time()
            with transaction.atomic():
                timetable.criterion_deadline_set(
                    user=central, rubric=rubric, code="2.1", deadline=MOVED_TO, reason="ขยายเวลาส่งทั่วประเทศ",
                    letter=Letter("มท 0410.4/ว 6001", date(2022, 5, 25)), also=[],
                )  # fmt: skip
            committed = time.perf_counter()
            act, act_cpu = committed - start, time.process_time() - cpu
            inbox = Receipt.objects.filter(user_id__in=emails.values()).count()
            inbox_s = time.perf_counter() - committed
            expected = len(emails) + len(lines)
            killed_at = restarted_at = None
            deadline = committed + (60 if smoke() else TARGET_OUT_S + 60)
            while time.perf_counter() < deadline:
                out = sink.total() + len(line.pushes())
                if killed_at is None and out >= expected // 2:
                    victim = pool_of(worker)[0]
                    os.kill(victim.pid, signal.SIGKILL)
                    killed_at, killed_out = time.perf_counter() - committed, out
                if killed_at is not None and restarted_at is None:
                    import psutil

                    if len([p for p in psutil.Process(worker.pid).children() if p.pid != victim.pid]) >= 2:
                        restarted_at = time.perf_counter() - committed
                done = len(sink.taken) >= len(emails) and len({t.body["to"] for t in line.pushes()}) >= len(lines)
                if done:
                    break
                time.sleep(0.1)
            all_out = time.perf_counter() - committed
            time.sleep(1)  # anything sent twice arrives after the last first one
        finally:
            worker.terminate()
            worker.wait(60)
            smtp.stop()
        workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        pushes = line.pushes()
        statuses = Counter(status for kind, status, _ in line.asked if kind == "push")

    twice_mail = sum(1 for n in sink.taken.values() if n > 1)
    twice_line = sum(1 for n in Counter(t.body["to"] for t in pushes).values() if n > 1)
    lost_mail = len(set(emails) - set(sink.taken))
    lost_line = len(set(lines) - {t.body["to"] for t in pushes})
    states = Counter(Delivery.objects.values_list("state", flat=True))
    n = len(units)
    print(f"the act (the move, its record and letter, every receipt and outbox row): {act:.2f} s ({act_cpu:.2f} s CPU)")
    print(f"inbox rows at commit: {inbox:,} of {len(emails):,} (counted {inbox_s * 1000:.0f} ms after commit)")
    if killed_at is not None:
        print(
            f"one of the two worker processes killed (SIGKILL) {killed_at:.1f} s after commit, {killed_out:,}"
            f" messages out; its replacement running {restarted_at or float('nan'):.1f} s after commit"
        )
    reached = len({t.body["to"] for t in pushes})
    print(
        f"out: {sum(sink.taken.values()):,} e-mails to {len(sink.taken):,} of {len(emails):,} addresses,"
        f" {len(pushes):,} LINE pushes to {reached:,} of {len(lines):,}; {all_out:.1f} s after commit"
    )
    most = busiest_second([t.at for t in pushes])
    print(f"LINE answered: {dict(statuses)}; most pushes in one second {most} (limit {LINE_PUSH_PER_SECOND:,})")
    print(f"outbox rows by state: {dict(states)}")
    cpu_workers = workers_cpu.ru_utime + workers_cpu.ru_stime
    print(f"CPU: workers {cpu_workers:.1f} s; this process (SMTP server, stand-in, act) {time.process_time():.1f} s")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores shared with other work)")
    print(f"RESULT broadcast_{n}_inbox_after_commit_s={inbox_s:.2f} s <={TARGET_INBOX_S}")
    print(f"RESULT broadcast_{n}_act_s={act:.2f} s info")
    print(f"RESULT broadcast_{n}_all_out_s={all_out:.1f} s <={TARGET_OUT_S}")
    print(f"RESULT broadcast_{n}_sent_twice={twice_mail + twice_line} recipients ==0")
    # Not out when the bench stopped waiting: lost, or still pending (the outbox rows by state say which).
    print(f"RESULT broadcast_{n}_not_out={lost_mail + lost_line} recipients ==0")
    print(f"RESULT broadcast_{n}_line_429={statuses.get(429, 0)} answers ==0")
    return 0 if inbox == len(emails) and not (twice_mail or twice_line or lost_mail or lost_line) else 1


if __name__ == "__main__":
    sys.exit(main())
