"""The schedule at the model-subdistrict scale: 7,255 entrants × 20 criteria, rounds included.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x BENCH_DB=cdd4_h1 python bench/schedule.py [ENTRANTS]

The contest is bench/contest.py's (4 dimensions × 5 computed criteria) with rounds added: four criteria asked
monthly (the 15th, November to July: 9 rounds), four twice (31 March and 30 June), the rest once. Every entrant
uploads links for about half its criteria, each on a few days across the year, and has bench/contest.py's facts
(its timeliness criteria's dates are the Department's receipts). Today is 20 March 2022, inside the year.
Figures (median of RUNS, with this process's CPU time, the database backend's CPU time when it runs on this
machine, and the machine's load average), with their queries:
- an office's home (`/years/<key>/provinces/<code>/`) and a criterion page with rounds: ≤ 100 ms each;
- central's "missing, by round" page for one criterion (its first page of names) and for every criterion:
  ≤ 300 ms, read from the rounds kept per entrant (`schedule.kept`, counted once after the set-up: its time is
  printed), and again with 20 entrants stale (counted live beside the kept rows), then their rows kept again;
- central's dashboard (`schedule.dashboard.dashboard` and `work_now`, late and due soon by round), for the record;
- every obligation of every entrant (`schedule.selectors.contest_obligations`), for the record.
"""

import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from _setup import django_with_fresh_db, runs

ENTRANTS = int(sys.argv[1]) if len(sys.argv) > 1 else 7255
RUNS = runs(5)
TODAY = date(2022, 3, 20)
BANGKOK = ZoneInfo("Asia/Bangkok")
MONTHLY = {"1.1", "2.1", "3.1", "4.1"}
TWICE = {"1.2", "2.2", "3.2", "4.2"}
CPU: list[float] = []
DB_CPU: list[float] = []  # the database backend's CPU (PostgreSQL on this machine; its parallel workers not counted)


def with_rounds(data: dict) -> dict:
    for dimension in data["dimensions"]:
        for c in dimension["criteria"]:
            if c["code"] in MONTHLY:
                c["rounds"] = [{"label_th": "รายงานประจำเดือน", "label_en": "Monthly report", "day": 15,
                                "from": "2021-11", "to": "2022-07"}]  # fmt: skip
                c["deadline"] = "2022-07-15"
            elif c["code"] in TWICE:
                c["rounds"] = [
                    {"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2022-03-31"},
                    {"label_th": "ครั้งที่ ๒", "label_en": "Report 2", "due": "2022-06-30"},
                ]
                c["deadline"] = "2022-06-30"
    return data


def uploads(rubric, entrants, user) -> int:
    """Links for about half of each entrant's criteria, each sent on one to three days of the year so far."""
    from submissions.models import Evidence, EvidenceKind, Submission, SubmissionStatus

    rng = random.Random(74)
    criteria = list(rubric.criteria.all())
    subs = [
        Submission(rubric=rubric, unit=u, criterion=c, status=SubmissionStatus.SUBMITTED)
        for u in entrants
        for c in criteria
        if rng.random() < 0.5
    ]
    Submission.objects.bulk_create(subs, batch_size=5000)
    start = datetime(2021, 11, 1, 9, tzinfo=BANGKOK)
    rows = []
    for s in Submission.objects.filter(rubric=rubric).only("pk"):
        for version in range(1, rng.randint(1, 3) + 1):
            at = start + timedelta(days=rng.randint(0, (TODAY - start.date()).days - 1))
            rows.append(Evidence(submission=s, version=version, kind=EvidenceKind.LINK, url="https://example.org/r",
                                 created_at=at, created_by=user))  # fmt: skip
    Evidence.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def counting(counted: list[str]):
    """A database wrapper that notes each statement (a request resets Django's own query log as it starts)."""

    def wrapper(run, sql, params, many, context):
        counted.append(sql)
        return run(sql, params, many, context)

    return wrapper


def backend_cpu() -> float | None:
    """The database backend's CPU time so far (ms), read from /proc when PostgreSQL runs on this machine: the
    pages now count in the database, so this process's CPU alone no longer says what a page costs."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:  # a server on another machine
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def timed(fn) -> float:
    times = []
    CPU.clear()
    DB_CPU.clear()
    for _ in range(RUNS):
        db = backend_cpu()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
        if db is not None:
            DB_CPU.append(backend_cpu() - db)
    return statistics.median(times)


def cpu_text() -> str:
    db = f", database {statistics.median(DB_CPU):.0f} ms CPU" if DB_CPU else ""
    return f"{statistics.median(CPU):.0f} ms CPU{db}; load {os.getloadavg()[0]:.1f}"


def main() -> None:
    url = django_with_fresh_db("bench_schedule")
    from contest import facts_insert, rubric_data
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import timezone

    from contests.models import Level, Unit
    from people.models import Role
    from rubrics import services
    from rubrics.selectors import rubric_calendar
    from schedule import dashboard
    from schedule.selectors import contest_obligations
    from tests.factories import UserFactory

    real = timezone.localdate
    timezone.localdate = lambda value=None, tz=None: real(value, tz) if value else TODAY  # the year's 20 March
    units = list(Unit.objects.filter(level=Level.SUBDISTRICT, is_cdd_office=True).order_by("dopa_code"))
    entrants = units[:ENTRANTS]
    where = url.split("@")[-1]
    print(f"database: {connection.vendor} ({where}); entrants: {len(entrants)}; load {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    rubric = services.rubric_load(data=with_rounds(rubric_data([u.dopa_code for u in entrants])))
    office = UserFactory(role=Role.OFFICE_STAFF, role__unit=entrants[0])
    central = UserFactory(role=Role.CENTRAL)
    sent = uploads(rubric, entrants, office)
    facts = facts_insert(rubric, entrants)
    print(f"set-up: {sent} uploads, {facts} facts in {time.perf_counter() - t0:.0f} s")
    from django.db.models import F

    from schedule.kept import rounds_keep
    from scoring.models import Standing

    # The set-up wrote the sendings as rows, not through the services: their entrants' marks bumped as those do.
    Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)
    if connection.vendor == "postgresql":  # the planner's statistics of the rows just loaded
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    db = backend_cpu()
    t0, cpu = time.perf_counter(), time.process_time()
    kept = rounds_keep(rubric_id=rubric.pk)
    db = f", database {backend_cpu() - db:.0f} ms CPU" if db is not None else ""
    print(f"rounds kept for every entrant: {kept} entrants in {(time.perf_counter() - t0) * 1000:.0f} ms"
          f" ({(time.process_time() - cpu) * 1000:.0f} ms CPU{db}; load {os.getloadavg()[0]:.1f})")  # fmt: skip
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    setup_test_environment()
    office_client, central_client = Client(), Client()
    office_client.force_login(office)
    central_client.force_login(central)
    code = entrants[0].code
    missing = f"/standings/{rubric.key}/missing/"
    pages = [
        ("home", "home", office_client, f"/years/{rubric.key}/provinces/{code}/", 100),
        ("criterion page (monthly rounds)", "criterion", office_client,
         f"/years/{rubric.key}/provinces/{code}/criteria/1.1/", 100),
        ("missing by round, one criterion", "missing_one", central_client, f"{missing}?criterion=1.1", 300),
        ("missing by round, one criterion, page 3", "missing_one_page3", central_client,
         f"{missing}?criterion=1.1&page=3", 300),
        ("missing by round, every criterion", "missing_all", central_client, missing, 300),
        ("missing by round, every criterion, page 3", "missing_all_page3", central_client, f"{missing}?page=3", 300),
    ]  # fmt: skip
    results = []
    for label, key, client, path, target in pages:
        status = client.get(path).status_code  # warms the process's caches (the spec, the calendar)
        counted: list[str] = []
        with connection.execute_wrapper(counting(counted)):
            client.get(path)
        ms = timed(lambda client=client, path=path: client.get(path))
        print(f"{label} {path}: HTTP {status}, {len(counted)} queries, median {ms:.0f} ms of {RUNS}"
              f" ({cpu_text()}), target ≤ {target} ms")  # fmt: skip
        results.append((key, ms, target))
    stale = [u.pk for u in entrants[:: max(len(entrants) // 20, 1)]][:20]

    def marked() -> None:  # 20 entrants sent something since their rows were kept: counted live beside them
        # Their marks bumped as results_mark_dirty bumps them, without the recompute it queues (eager here: it
        # would keep their rows again at once).
        Standing.objects.filter(rubric=rubric, unit_id__in=stale).update(change_seq=F("change_seq") + 1)

    marked()
    print(f"stale: {len(stale)} entrants")
    ms = timed(lambda: central_client.get(missing))
    print(f"missing by round, every criterion, 20 entrants stale: median {ms:.0f} ms of {RUNS} ({cpu_text()})")
    results.append(("missing_all_stale20", ms, 300))
    db = backend_cpu()
    t0, cpu = time.perf_counter(), time.process_time()
    kept = rounds_keep(rubric_id=rubric.pk)
    db = f", database {backend_cpu() - db:.0f} ms CPU" if db is not None else ""
    print(f"rounds kept again for the stale: {kept} entrants in {(time.perf_counter() - t0) * 1000:.0f} ms"
          f" ({(time.process_time() - cpu) * 1000:.0f} ms CPU{db})")  # fmt: skip
    calendar = rubric_calendar(rubric)

    def board() -> None:  # the standings, and the first screen's rounds late and due soon
        dashboard.dashboard(rubric, today=TODAY, calendar=calendar)
        dashboard.work_now(rubric, today=TODAY, calendar=calendar, reminder_days=3)

    with CaptureQueriesContext(connection) as ctx:
        board()
    ms = timed(board)
    print(f"dashboard (late and due soon by round): {len(ctx.captured_queries)} queries, median {ms:.0f} ms"
          f" ({cpu_text()})")  # fmt: skip
    with CaptureQueriesContext(connection) as ctx:
        every = contest_obligations(rubric, today=TODAY)
    ms = timed(lambda: contest_obligations(rubric, today=TODAY))
    print(f"every obligation of every entrant: {len(every)} obligations, {len(ctx.captured_queries)} queries,"
          f" median {ms:.0f} ms ({cpu_text()})")  # fmt: skip
    for key, ms, target in results:
        print(f"RESULT schedule_{connection.vendor}_{key}_ms={ms:.0f} ms <={target}")


if __name__ == "__main__":
    main()
