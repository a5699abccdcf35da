"""Work no request should be able to cost: the contest builder's parse of a posted form, and a
count of working days, at the sizes an attacker sends.

    python bench/builder.py

The builder: one milestones criterion whose form claims 200 levels of 200 conditions each (more than the
builder's caps allow) and fills as many as fit in 6.5, 13 and 26 KB, and near Django's 1,000-field cap; timed,
the builder reading it (`Builder(post).data()`) and its preview scoring one criterion, both without a database.
A parse in rows × conditions × fields rather than linear in the form takes 5.4 s, 20.8 s and ~65 s at these
sizes (~100 s near 1,000 fields); the target is < 500 ms each. Such a form is refused for its counts, so the
preview has nothing to score: the last form stays within the caps (28 levels of 10 conditions) and is scored.

The page: every rule form of the largest shipped contest (Nong Khai's 25 missions, 1,371 boxes in all) drawn as
the builder page draws them (`builder/_rule_form.html`). Their boxes are drawn by Jinja2 (Django's
template widgets took about 60 % of the page). Target: within half a second, as the forms above.

Working days: a count over fiscal year 2566 ±1 (1 October 2021 to 30 September 2024, the widest a contest's
dates may span) against one from year 2 to 9999 (what unbounded dates would allow: 25 s and ~270 MB
kept). The wide count is still arithmetic, but every year's holidays must be made once: it is the figure the
fiscal-year bound keeps any request from asking for.
"""

import os
import statistics
import time
from datetime import date

from _setup import runs  # also puts the project on the path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")  # no database: the builder reads none
os.environ.setdefault("LOG_LEVEL", "WARNING")
import json
from pathlib import Path

import django

django.setup()

from django.template.loader import render_to_string  # noqa: E402

from builder.form import Builder  # noqa: E402
from builder.prefill import to_form  # noqa: E402
from builder.rule_forms import CONDITIONS_MAX  # noqa: E402
from rulebook import workdays  # noqa: E402
from tests.builder.builder_forms import fields, milestone_post, size  # noqa: E402

RUNS = runs(5)
CLAIMED = 200  # the rows a form says it has, levels and conditions, above the builder's caps
SIZES = (("6k5", 6_500), ("13k", 13_000), ("26k", 26_000))


def post_of(target: int, conditions: int = 6):
    """The form of fewest levels at least `target` bytes long."""
    levels = 1
    while size(post := milestone_post(levels, conditions, claimed=CLAIMED)) < target:
        levels += 1
    return post


def near_cap(claimed: int | None):
    """The form of most levels under Django's 1,000 posted fields; `claimed` None: within the caps, so that
    the preview scores it."""
    levels = 1
    while fields(milestone_post(levels + 1, CONDITIONS_MAX, claimed=claimed)) < 1_000:
        levels += 1
    return milestone_post(levels, CONDITIONS_MAX, claimed=claimed)


def median_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def parse_and_preview(post) -> None:
    builder = Builder(post)
    builder.data()
    builder.preview(builder.dimensions[0].criteria[0], workdays.WorkCalendar(), sample=True)


def main() -> None:
    forms = [(name, post_of(target)) for name, target in SIZES]
    forms += [("1000_fields", near_cap(CLAIMED)), ("1000_fields_valid", near_cap(None))]
    for name, post in forms:
        ms = median_ms(lambda post=post: parse_and_preview(post))
        print(f"builder form {name}: {size(post):,} bytes, {fields(post)} fields → {ms:.0f} ms")
        target = "<1000" if name.endswith("valid") else "<500"  # a valid rule's preview draws example facts
        print(f"RESULT builder_{name}_ms={ms:.0f} ms {target}")

    shipped = Path(__file__).resolve().parent.parent / "rubrics" / "rubric_files" / "nongkhai-missions-2565.json"
    page = Builder(to_form(json.loads(shipped.read_text(encoding="utf-8"))))
    rule_forms = [c.rule_form for d in page.dimensions for c in d.criteria]
    drawn = median_ms(lambda: [render_to_string("builder/_rule_form.html", {"form": f}) for f in rule_forms])
    print(f"builder page, the rule forms of {len(rule_forms)} criteria (Nong Khai's missions): {drawn:.0f} ms")
    print(f"RESULT builder_page_rule_forms_ms={drawn:.0f} ms <500")

    calendar = workdays.WorkCalendar()
    calendar.working_days_after(date(2021, 10, 1), date(2024, 9, 30))  # the years' holidays made once
    bounded = median_ms(lambda: calendar.working_days_after(date(2021, 10, 1), date(2024, 9, 30))) * 1000
    print(f"working days over a fiscal year ±1: {bounded:.0f} µs")
    print(f"RESULT workdays_fiscal_year_us={bounded:.0f} us <1000")
    workdays._holidays.cache_clear()
    started = time.perf_counter()
    calendar.working_days_after(date(2, 1, 1), date(9999, 12, 31))
    wide = (time.perf_counter() - started) * 1000
    print(f"working days from year 2 to 9999 (refused by the fiscal-year bound, timed once): {wide:.0f} ms")
    print(f"RESULT workdays_year_2_to_9999_ms={wide:.0f} ms info")


if __name__ == "__main__":
    main()
