"""A contest among villages: 7,255, 20,000 and 75,000 entrants × 20 data-computed criteria.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x REDIS_URL=redis://127.0.0.1:6379/5 \
        python bench/villages.py [7255 20000 75000]

Each size runs in a process of its own (its peak memory is its own), in a fresh database (BENCH_DB, default
cdd4_h4). Entrants: villages made under the 7,255 CDD-office subdistricts of contests/data/units.csv (about
ten each; their DOPA codes are the subdistrict's and two digits), listed in the rubric file; the rubric and
the facts are bench/contest.py's (36 facts an entrant, copied in with COPY). Figures, each with the machine's
load average when it was taken (other work shares the two cores):
- full recompute in this process (`standings_recompute(full=True)`), median of RUNS;
- full recompute on a real Celery worker with two pool processes (`scoring.recompute`: chunks scored in
  parallel, ranked once), from queueing until no entrant is stale, median of RUNS (with REDIS_URL);
- one entrant's change (a fact changed, the entrant marked, `standings_recompute` run as the task runs it),
  median and p95 of CHANGES random entrants, once every entrant's explanations are built (as the pass after
  a recompute leaves them in production); and the rounds' count the worker runs after it (`rounds_keep`);
- central's dashboard (`/standings/<slug>/`: the first, a middle and the last page), median and p95, read as
  a real day leaves it: after the changes above, each followed by its rounds' count; and again with the
  worker behind (every entrant marked since the last count, as during a full recompute: read as last counted)
  and before the worker ever counted (every sending counted live);
- peak memory (maximum resident set) of this process and of the worker's pool processes.
Targets: at 7,255 a page ≤ 100 ms, full recompute on two workers ≤ 600 ms, one change ≤ 25 ms; at 75,000 full
recompute on two workers ≤ 5 s, the explanation pass ≤ 15 s, a page ≤ 100 ms, one change ≤ 100 ms (p95 ≤ 150),
memory ≤ 800 MB a process. `make test` keeps their shape (the same queries and time at N and 10 × N entrants:
tests/schedule/dashboard and tests/scoring/test_services_recompute.py); these figures are the speed record.
"""

import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time

from _setup import ROOT, celery_worker, django_with_fresh_db, runs

SIZES = (7255, 20000, 75000)
RUNS = runs(3)
CHANGES = runs(40)


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def villages(count: int) -> list[str]:
    """`count` villages, about as many under each CDD-office subdistrict, made in bulk; their codes."""
    from contests.models import Level, Unit

    subdistricts = list(
        Unit.objects.filter(level=Level.SUBDISTRICT, is_cdd_office=True)
        .order_by("dopa_code")
        .values_list("pk", "dopa_code")
    )
    each = -(-count // len(subdistricts))
    rows = []
    for n in range(count):
        pk, code = subdistricts[n // each]
        number = n % each + 1
        rows.append(
            Unit(
                code=f"{code}{number:02d}",
                dopa_code=f"{code}{number:02d}",
                level=Level.VILLAGE,
                parent_id=pk,
                name_th=f"หมู่ {number}",
                name_en=f"Village {number}",
            )
        )
    Unit.objects.bulk_create(rows, batch_size=5000)
    return [u.code for u in rows]


def facts_copy(rubric) -> int:
    """Every entrant's facts as bench/contest.py makes them, streamed into the table with COPY."""
    from contest import fact_values
    from django.db import connection

    from rubrics.selectors import rubric_spec
    from scoring.models import Fact, Standing

    spec = rubric_spec(rubric)
    criteria = {c.code: c.pk for c in rubric.criteria.all()}
    names = [(criteria[c.code], c.rule.fact_names()) for c in spec.criteria()]
    units = Standing.objects.filter(rubric=rubric).order_by("unit_id").values_list("unit_id", flat=True)
    rng = random.Random(64)
    count = 0
    with connection.cursor() as cursor:
        buffer = io.StringIO()
        for n, unit in enumerate(units.iterator(chunk_size=5000)):
            for criterion, fact_names in names:
                values = {name: fact_values(rng, name) for name in fact_names}
                if len(fact_names) == 2:
                    num, den = fact_names
                    values[num] = str(int(values[den]) * rng.randint(30, 100) // 100)
                for name, value in values.items():
                    buffer.write(f"{rubric.pk}\t{unit}\t{criterion}\t{name}\t{value}\tdemo\tnow\n")
                    count += 1
            if n % 5000 == 4999:
                buffer.seek(0)
                cursor.copy_from(buffer, Fact._meta.db_table, columns=COLUMNS)
                buffer = io.StringIO()
        buffer.seek(0)
        cursor.copy_from(buffer, Fact._meta.db_table, columns=COLUMNS)
    return count


COLUMNS = ("rubric_id", "province_id", "criterion_id", "name", "value", "source", "updated_at")


def vacuum() -> None:
    """VACUUM ANALYZE, as production's autovacuum does after a burst of writes: this machine's PostgreSQL runs with
    autovacuum off, where every full recompute would otherwise leave 75,000 dead rows behind for the next."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def one_change(rubric, entrants: list[str]) -> tuple[list[float], list[float]]:
    """One entrant's fact changes, then the worker's part (that entrant rescored, what moved re-ranked), and the
    rounds' count its task runs after it (`schedule.rounds_keep`), timed apart."""
    from django.db.models import F

    from scoring.models import Fact, Standing
    from scoring.recompute import standings_recompute

    rng = random.Random(5)
    times, kept = [], []
    for _ in range(CHANGES):
        code = rng.choice(entrants)
        fact = Fact.objects.get(rubric=rubric, unit__code=code, criterion__code="1.1", name="done_1")
        target = Fact.objects.get(rubric=rubric, unit__code=code, criterion__code="1.1", name="target_1").value
        fact.value = "0" if fact.value == target else target
        fact.save(update_fields=["value"])
        Standing.objects.filter(rubric=rubric, unit__code=code).update(change_seq=F("change_seq") + 1)
        start = time.perf_counter()
        rescored = standings_recompute(rubric_id=rubric.pk)
        times.append((time.perf_counter() - start) * 1000)
        assert rescored == 1, rescored
        start = time.perf_counter()
        if rounds_count(rubric):
            kept.append((time.perf_counter() - start) * 1000)
    return times, kept


def rounds_count(rubric) -> bool:
    """The rounds' count the worker runs after each recompute (`schedule.rounds_keep`), where the code has one
    (the A/B's older commit does not); whether it ran."""
    try:
        from schedule.kept import rounds_keep
    except ImportError:
        return False
    rounds_keep(rubric_id=rubric.pk)
    return True


def rounds_forgotten(rubric, *, behind: bool) -> bool:
    """The worker behind (`behind`: every entrant marked since its last count, as while a full recompute runs)
    or never come (nothing counted yet: a contest this large is shown as being counted, where older code counted
    every sending live); whether the code keeps counts to be behind on."""
    from django.db.models import F

    from scoring.models import Standing

    try:
        from schedule.models import RoundsKept
    except ImportError:  # an A/B's older commit: kept by scoring, or not at all
        try:
            from scoring.models import RoundsKept
        except ImportError:
            return False
    if behind:
        Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)
    else:
        RoundsKept.objects.filter(rubric=rubric).delete()
    return True


def server_cpu() -> float:
    """The CPU time (s) this process's PostgreSQL connection has used so far (the server runs on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return _cpu([cursor.fetchone()[0]])


def pages(slug: str, count: int, *, login: bool = True) -> list[float]:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from scoring.pages import PAGE_SIZE

    if login:
        setup_test_environment()
        get_user_model().objects.create_superuser("bench-admin", "bench@example.com", "x")
    admin = get_user_model().objects.get(username="bench-admin")
    client = Client()
    client.force_login(admin)
    last = -(-count // PAGE_SIZE)
    urls = [f"/standings/{slug}/", f"/standings/{slug}/?page={last // 2}", f"/standings/{slug}/?page={last}"]
    for url in urls:
        assert client.get(url).status_code == 200, url  # warm: the facts' counts (scoring.entrant_counts) once
    times = []
    for _ in range(max(RUNS, 5)):
        for url in urls:
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
    return times


def on_two_workers(rubric) -> tuple[list[float], float, list[float], list[float]]:
    """A full recompute on a real Celery worker with two pool processes, timed from queueing until no entrant is
    stale; the pool processes' peak memory (MB), their CPU time in each run (s: both together), and how long
    each run's explanation pass took after it (s). Each run starts once the previous one's explanation pass (and
    the rounds' count, where the code keeps one) has ended, so they never share the cores."""
    import redis
    from django.conf import settings
    from django.db import connection
    from django.db.models import F

    from scoring import tasks
    from scoring.models import Standing

    results = Standing.objects.filter(rubric=rubric)
    counted = any(f.name == "rounds_seq" for f in Standing._meta.get_fields())
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "LOG_LEVEL": "WARNING",
        "CDD4_RECOMPUTE_CHUNKS": "2",
    }
    redis.Redis.from_url(settings.REDIS_URL).flushdb()
    worker = celery_worker(2, env)
    try:
        times, cpu, explained = [], [], []
        for run in range(RUNS + 1):  # the first warms the pool processes
            results.update(change_seq=F("change_seq") + 1)
            vacuum()  # what autovacuum does between two full recomputes (this machine's cluster runs without it)
            pools = _children(worker.pid)
            used = _cpu(pools)
            start = time.perf_counter()
            tasks.recompute.delay(rubric.pk)
            while results.filter(change_seq__gt=F("computed_seq")).exists():
                time.sleep(0.02)
            if run:
                times.append((time.perf_counter() - start) * 1000)
                cpu.append(_cpu(pools) - used)
            ranked = time.perf_counter()
            deadline = time.monotonic() + 900  # the explanation pass that follows, out of the next run's way
            # Asked every half second: no index finds an unexplained standing, so each asking reads the rows the
            # pass has written (up to 75,000: 20-80 ms of PostgreSQL's time), and asked ten times a second it took a
            # quarter of a core or more from the pass it times. Half a second at most is added to the figure.
            while results.filter(explained=False).exists() and time.monotonic() < deadline:
                time.sleep(0.5)
            if counted:  # and the rounds' count after it (where the code keeps one), as a day leaves them apart
                while results.filter(change_seq__gt=F("rounds_seq")).exists() and time.monotonic() < deadline:
                    time.sleep(0.1)
            if run:
                explained.append(time.perf_counter() - ranked)
        peak = max((_hwm(pid) for pid in _children(worker.pid)), default=0.0)
        return times, peak, cpu, explained
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def _cpu(pids: list[int]) -> float:
    """The CPU time (s) these processes have used so far."""
    used = 0.0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        used += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def _hwm(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def one_size(count: int) -> None:
    django_with_fresh_db(os.environ.get("BENCH_DB", "cdd4_h4"))
    from contest import rubric_data
    from django.db import connection

    from rubrics import services
    from scoring.explanations import explanations_build
    from scoring.recompute import standings_recompute

    assert connection.vendor == "postgresql", "the village figures are PostgreSQL's"
    start = time.perf_counter()
    codes = villages(count)
    data = rubric_data(codes)
    data["contest"].update(slug=f"bench-villages-{count}", entrant_level="village")
    data["name_en"] = f"Model villages (benchmark, {count:,})"
    rubric = services.rubric_load(data=data)
    facts = facts_copy(rubric)
    vacuum()
    setup_rss = rss_mb()
    print(f"[{count}] set-up: {count:,} villages, {facts:,} facts, {time.perf_counter() - start:.0f} s ({load()})")
    out = {"entrants": count, "setup_rss_mb": round(setup_rss)}

    full, full_cpu = [], []
    for _ in range(RUNS):
        vacuum()  # as autovacuum would between two full recomputes: each rewrites every row
        start, used = time.perf_counter(), time.process_time()
        standings_recompute(rubric_id=rubric.pk, full=True)
        full.append((time.perf_counter() - start) * 1000)
        full_cpu.append(time.process_time() - used)
    out.update(full_ms=statistics.median(full), full_load=load(), full_rss_mb=round(rss_mb()))
    out.update(full_cpu_s=round(statistics.median(full_cpu), 1))
    print(
        f"[{count}] full recompute here: median {out['full_ms']:.0f} ms {full}, CPU {out['full_cpu_s']} s here"
        f" ({out['full_load']})"
    )
    # As in production, where the explanation pass follows every recompute: the changes below re-rank rows that
    # carry their texts (2-3 KB each, where a row just recomputed holds none), as they would on a real day.
    explanations_build(rubric_id=rubric.pk)
    rounds_count(rubric)  # the worker's count after the recompute
    vacuum()

    used, server = time.process_time(), server_cpu()
    changes, kept = one_change(rubric, codes)
    cpu_ms, server_ms = [(v / len(changes)) * 1000 for v in (time.process_time() - used, server_cpu() - server)]
    out.update(one_ms=statistics.median(changes), one_p95_ms=p95(changes), one_load=load())
    out.update(one_cpu_ms=round(cpu_ms), one_server_cpu_ms=round(server_ms))
    print(
        f"[{count}] one entrant's change: median {out['one_ms']:.0f} ms, p95 {out['one_p95_ms']:.0f} ms; CPU a"
        f" change {out['one_cpu_ms']} ms here, {out['one_server_cpu_ms']} ms PostgreSQL's, the rounds' count"
        f" after it included ({load()})"
    )
    if kept:
        out.update(keep_ms=statistics.median(kept), keep_p95_ms=p95(kept))
        print(f"[{count}] its rounds' count: median {out['keep_ms']:.0f} ms, p95 {out['keep_p95_ms']:.0f} ms")

    slug = data["contest"]["slug"]
    shown = pages(slug, count)
    out.update(page_ms=statistics.median(shown), page_p95_ms=p95(shown), page_load=load())
    print(f"[{count}] central's dashboard: median {out['page_ms']:.0f} ms, p95 {out['page_p95_ms']:.0f} ms ({load()})")
    for state, behind in (("behind", True), ("never", False)):
        if rounds_forgotten(rubric, behind=behind):
            shown = pages(slug, count, login=False)
            out[f"page_{state}_ms"] = statistics.median(shown)
            worker = "behind" if behind else "never come (the rounds not yet counted)"
            print(
                f"[{count}] central's dashboard, the worker {worker}: median"
                f" {statistics.median(shown):.0f} ms, p95 {p95(shown):.0f} ms ({load()})"
            )
    rounds_count(rubric)

    if os.environ.get("REDIS_URL"):
        workers, peak, cpu, explained = on_two_workers(rubric)
        out.update(workers_ms=statistics.median(workers), workers_load=load(), workers_rss_mb=round(peak))
        out.update(workers_cpu_s=round(statistics.median(cpu), 1), explain_s=round(statistics.median(explained), 1))
        print(
            f"[{count}] full recompute on two workers: median {out['workers_ms']:.0f} ms {workers}, the pool"
            f" processes' CPU {out['workers_cpu_s']} s; explanation pass after it {out['explain_s']} s ({load()})"
        )
    out["rss_mb"] = round(rss_mb())
    print("FIGURES " + json.dumps(out))


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--size":
        one_size(int(sys.argv[2]))
        return
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    figures = []
    for count in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--size", str(count)], capture_output=True, text=True, cwd=str(ROOT)
        )
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr[-3000:])
        figures += [json.loads(line[8:]) for line in done.stdout.splitlines() if line.startswith("FIGURES ")]
    print("| entrants | full (here) | full (2 workers) | one change median / p95 | page median / p95 | peak MB |")
    print("|---|---|---|---|---|---|")
    for f in figures:
        workers = f"{f['workers_ms']:.0f} ms ({f['workers_load']})" if "workers_ms" in f else "—"
        print(
            f"| {f['entrants']:,} | {f['full_ms']:.0f} ms ({f['full_load']}) | {workers} |"
            f" {f['one_ms']:.0f} / {f['one_p95_ms']:.0f} ms ({f['one_load']}) |"
            f" {f['page_ms']:.0f} / {f['page_p95_ms']:.0f} ms ({f['page_load']}) |"
            f" {f['rss_mb']} here, {f.get('workers_rss_mb', '—')} a worker |"
        )


if __name__ == "__main__":
    main()
