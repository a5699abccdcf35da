"""Import of 76 provinces × 10 quantitative facts through scoring.facts.imports.facts_import: median time.

    python bench/import.py                                                   # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python bench/import.py  # PostgreSQL (own database)
Target: < 1 s for the first import and for a re-import that changes every value.

The 10 facts are the ones the issue names: BMN coverage and confidence (2.1.1 × 3), antivirus counts
(3.3 × 2), the 12 databases (2.2.1), app downloads (4.2) and receipt dates (2.1.2, 2.2.2, 4.1.2).
Timed: the whole service call, validation + writes + audit rows + commit. Not timed: the standings
recompute the commit queues (it runs on the worker; here the queueing is replaced by a counter).
"""

import statistics
import time

from _setup import django_with_fresh_db, runs

RUNS = runs(9)


def fact_rows(codes: list[str], variant: int) -> list[dict[str, str]]:
    """760 rows; `variant` 0 or 1 gives a different value for every fact (a re-import with changes)."""
    rows = []
    for i, code in enumerate(codes):
        target = 20_000 + 997 * i
        computers = 20 + i % 30 + variant
        values = [
            ("2.1.1", "households_target", str(target + variant)),
            ("2.1.1", "households_collected", str(int(target * 0.95) + variant)),
            ("2.1.1", "confidence_pct", f"{90 + (i % 9) + variant / 2:.2f}"),
            ("2.1.2", "received_on", f"2023-04-{5 + i % 19 + variant:02d}"),
            ("2.2.1", "databases_up_to_date", str(7 + (i + variant) % 6)),
            ("2.2.2", "recorded_on", f"2023-07-{1 + i % 27 + variant:02d}"),
            ("3.3", "computers_total", str(computers)),
            ("3.3", "computers_with_antivirus", str(computers - i % 4)),
            ("4.1.2", "sent_at", f"2023-05-{20 + i % 10 + variant:02d}T09:30:00+07:00"),
            ("4.2", "new_downloads", str(1500 + 37 * i + variant)),
        ]
        rows += [{"province": code, "criterion": c, "fact": f, "value": v} for c, f, v in values]
    return rows


def main() -> None:
    url = django_with_fresh_db("cdd4_bench_import", units=False)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from contests.models import Unit
    from rubrics.models import ContestPeriod
    from scoring import coalesce
    from scoring.facts.imports import facts_import
    from scoring.models import Fact, FactChange

    queued = []
    coalesce.schedule = queued.append  # the recompute is the worker's job, not the import's

    rubric = ContestPeriod.objects.get(year=2566)
    codes = list(Unit.objects.provinces().order_by("code").values_list("code", flat=True))
    variants = [fact_rows(codes, 0), fact_rows(codes, 1)]
    assert len(variants[0]) == len(codes) * 10 == 760

    def clear():
        FactChange.objects.all().delete()
        Fact.objects.all().delete()

    def run(rows):
        start = time.perf_counter()
        report = facts_import(rubric=rubric, rows=rows)
        return (time.perf_counter() - start) * 1000, report

    results = {}
    # First import into an empty year, each run from scratch.
    times, queries = [], 0
    for n in range(RUNS):
        clear()
        with CaptureQueriesContext(connection) as ctx:
            ms, report = run(variants[0])
        assert report.created == 760, report
        times.append(ms)
        queries = len(ctx.captured_queries) if n == 0 else queries
    results["first import"] = (times, queries)
    # Re-import changing every value (alternating the two variants), then one changing nothing.
    for label, pick in (("re-import, 760 changed", lambda n: variants[(n + 1) % 2]), ("re-import, unchanged", None)):
        clear()
        facts_import(rubric=rubric, rows=variants[0])
        times, queries = [], 0
        for n in range(RUNS):
            rows = pick(n) if pick else variants[0]
            with CaptureQueriesContext(connection) as ctx:
                ms, report = run(rows)
            assert report.updated == (760 if pick else 0), report
            times.append(ms)
            queries = len(ctx.captured_queries) if n == 0 else queries
        results[label] = (times, queries)

    print(f"database: {connection.vendor} ({url.split('@')[-1]})")
    print(f"rows: {len(variants[0])} (76 provinces × 10 facts), runs: {RUNS}, recomputes queued: {len(queued)}")
    print(f"{'case':<24} {'queries':>8} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
    for label, (times, queries) in results.items():
        print(f"{label:<24} {queries:>8} {statistics.median(times):>10.1f} {min(times):>8.1f} {max(times):>8.1f}")
        slug = label.split(",")[-1].strip().replace(" ", "_").replace("760_", "")
        print(f"RESULT import_{connection.vendor}_{slug}_ms={max(times):.1f} ms <1000")
    print("target: < 1000 ms per import")


if __name__ == "__main__":
    main()
