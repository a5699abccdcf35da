"""Time and peak memory of the award documents on the demo standings (76 provinces, 13 awardees).

    python bench/pdf.py
Target: ≤ 3 s and ≤ 300 MB for announcement + results table + certificates, written as the portal
stores them (PDF/A-3a, tagged, text layer with ActualText spans). The 76 breakdowns
are measured too (one document per province, merged).
Memory is the process's peak resident set (ru_maxrss), which includes Django and WeasyPrint.
"""

import resource
import time

from _setup import django_with_fresh_db


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    django_with_fresh_db("cdd4_bench_pdf")
    from awards import documents
    from rubrics.models import ContestPeriod
    from scoring import demo
    from scoring.recompute import standings_recompute

    rubric = ContestPeriod.objects.get(year=2566)
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    documents.write(documents.render("announcement", rubric))  # warm-up: fonts, templates, map
    base = rss_mb()
    print(f"after warm-up: peak RSS {base:.0f} MB")

    timings = {}
    start = time.perf_counter()
    for kind in ("announcement", "results", "certificates"):
        t = time.perf_counter()
        doc = documents.render(kind, rubric)
        size = len(documents.write(doc))
        timings[kind] = time.perf_counter() - t
        print(f"{kind:13s} {len(doc.pages):3d} pages {size / 1024:7.0f} KiB {timings[kind]:6.2f} s")
    core = time.perf_counter() - start
    core_rss = rss_mb()
    print(f"announcement + table + certificates: {core:.2f} s, peak RSS {core_rss:.0f} MB (target ≤ 3 s, ≤ 300 MB)")
    print(f"RESULT pdf_core_s={core:.2f} s <=3")
    print(f"RESULT pdf_peak_rss_mb={core_rss:.0f} MB <=300")

    t = time.perf_counter()
    doc = documents.render("breakdown", rubric)
    size = len(documents.write(doc))
    bd = time.perf_counter() - t
    print(f"{'breakdowns':13s} {len(doc.pages):3d} pages {size / 1024:7.0f} KiB {bd:6.2f} s (76 provinces)")
    print(f"full set: {core + bd:.2f} s, peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
