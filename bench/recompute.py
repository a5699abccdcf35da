"""Full rescore + re-rank of 76 provinces: query count and median time, batched vs a naive loop.

    python bench/recompute.py                      # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python bench/recompute.py
Target: ≤ 10 queries and ≤ 50 ms for the batched recompute.
"""

import statistics
import time

from _setup import django_with_fresh_db, runs

RUNS = runs(15)


def main() -> None:
    url = django_with_fresh_db(units=False)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from contests.models import Unit
    from rubrics.models import ContestPeriod
    from rubrics.selectors import rubric_spec, work_calendar
    from rulebook import engine
    from scoring import demo, selectors
    from scoring.facts.imports import facts_import
    from scoring.models import Standing
    from scoring.recompute import standings_recompute

    rubric = ContestPeriod.objects.get(year=2566)
    demo.demo_facts(rubric=rubric)

    def batched():
        standings_recompute(rubric_id=rubric.pk, full=True)

    def naive():
        # What a straightforward implementation does: one province at a time, one save each.
        spec = rubric_spec(rubric)
        calendar = work_calendar()
        breakdowns = {}
        for result in Standing.objects.filter(rubric=rubric).select_related("unit"):
            facts = selectors.facts_by_unit(rubric, [result.unit_id]).get(result.unit_id, {})
            b = engine.evaluate_entrant(spec, facts, size_group=result.unit.size_group, calendar=calendar)
            result.total = b.total
            result.save(update_fields=["total"])
            breakdowns[result.unit.code] = b
        for placing in engine.rank(breakdowns, tie_break=spec.tie_break, awards=spec.awards):
            Standing.objects.filter(rubric=rubric, unit__code=placing.unit).update(rank=placing.rank)

    # Only the 76 provinces: the table also holds districts and subdistricts.
    units = list(Unit.objects.provinces().order_by("code").values_list("code", flat=True))
    flips = iter(range(10**6))

    def one_event():
        # The hot path: one province's fact changes, that province is rescored and all 76 re-ranked.
        n = next(flips)
        row = {"province": units[n % 76], "criterion": "1.1", "fact": "done", "value": "yes" if n % 2 else "no"}
        facts_import(rubric=rubric, rows=[row])
        return lambda: standings_recompute(rubric_id=rubric.pk)

    print(f"database: {connection.vendor} ({url.split('@')[-1]})")
    print(f"{'method':<10} {'queries':>8} {'median ms':>10} {'min ms':>8}")
    for label, prepare in [("batched", lambda: batched), ("naive", lambda: naive), ("1 event", one_event)]:
        fn = prepare()
        with CaptureQueriesContext(connection) as ctx:
            fn()
        times = []
        for _ in range(RUNS):
            fn = prepare()
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{label:<10} {len(ctx.captured_queries):>8} {statistics.median(times):>10.1f} {min(times):>8.1f}")
        if label == "batched":  # machine-readable lines for bench/report.py
            print(f"RESULT recompute_{connection.vendor}_queries={len(ctx.captured_queries)} queries <=10")
            print(f"RESULT recompute_{connection.vendor}_ms={statistics.median(times):.1f} ms <=50")
    print("batched = full rescore of 76 + re-rank; 1 event = one province rescored + re-rank")
    print("target: batched ≤ 10 queries, ≤ 50 ms")


if __name__ == "__main__":
    main()
