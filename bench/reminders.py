"""One day's reminders for every entrant: computed from the schedule and queued in the outbox.

    python bench/reminders.py [ENTRANTS] [--profile]           # SQLite (a temporary file); default 7,255
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python bench/reminders.py 7255    # drops/creates BENCH_DB
    DATABASE_URL=… python bench/reminders.py 75000            # villages (bench/villages.py makes them)

Entrants: the first ENTRANTS CDD-office subdistricts (up to 7,255), or that many villages made under them; each
with one office staff account with an e-mail address (a third of them choosing the daily digest). The contest is
bench/contest.py's 20 criteria with dates set so that on the day timed, Thu 26 May 2565, three obligations fall
to every entrant: 1.1's second round and 2.1 due Tue 31 May (3 working days: "due"), 1.3 due Fri 20 May ("overdue",
4 working days late). Figures: the day's `schedule.reminders.reminders_send` (every obligation read from the
schedule, the lock's answer for every entrant, the notices, inbox rows, reminder records and outbox rows written),
its queries and time, the same day again (nothing new: the records say so), and this process's peak memory
before and after. The send itself is the outbox's (its workers, not timed here): the one task it queues goes to
a broker nobody reads. Target: 7,255 entrants ≤ 10 s in a bounded number of queries; 75,000 ≤ 60 s.
`--profile`: cProfile of the day's run, the 40 functions with the most cumulative time.
"""

import os
import resource
import sys
import time
from datetime import date

from _setup import django_with_fresh_db, office_staff_make, profiled, smoke

TODAY = date(2022, 5, 26)
SUBDISTRICTS = 7255


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dated(data: dict) -> dict:
    """bench/contest.py's contest with this bench's dates: 1.1 in two rounds, 2.1 due 31 May, 1.3 due 20 May."""
    dates = {"1.1": "2022-05-31", "2.1": "2022-05-31", "1.3": "2022-05-20"}
    for dimension in data["dimensions"]:
        for criterion in dimension["criteria"]:
            criterion["deadline"] = dates.get(criterion["code"])
            if criterion["code"] == "1.1":
                criterion["rounds"] = [
                    {"label_th": "รายงานครั้งที่ ๑", "label_en": "Report 1", "due": "2022-03-31"},
                    {"label_th": "รายงานครั้งที่ ๒", "label_en": "Report 2", "due": "2022-05-31"},
                ]
    return data


def staff_make(unit_ids: list[int]) -> None:
    """One office staff account per entrant, made in bulk (a password no one can use: they are never signed in)."""
    from notices.models import Mode, Preference

    users = office_staff_make(unit_ids, name="staff")
    Preference.objects.bulk_create(
        [Preference(user=u, channel="email", mode=Mode.DIGEST) for u in users[::3]], batch_size=5000
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else (300 if smoke() else SUBDISTRICTS)
    url = django_with_fresh_db(os.environ.get("BENCH_DB", "cdd4_bench_reminders"))
    from contest import rubric_data
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cdd4.celery import app
    from contests.models import Contest, ContestState, Level, Unit
    from notices.models import Delivery, Notice, Receipt, Reminder
    from rubrics import services
    from schedule.reminders import reminders_send

    app.conf.task_always_eager = False  # the send is the outbox workers' part: queued, not run here
    app.conf.broker_url = "memory://"

    t0 = time.perf_counter()
    if count <= SUBDISTRICTS:
        units = Unit.objects.filter(level=Level.SUBDISTRICT, is_cdd_office=True).order_by("dopa_code")[:count]
        codes, level = [u.dopa_code for u in units], "subdistrict"
    else:
        from villages import villages

        codes, level = villages(count), "village"
    data = dated(rubric_data(codes))
    data["contest"] = {**data["contest"], "entrant_level": level}
    rubric = services.rubric_load(data=data)
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.OPEN)
    unit_ids = list(rubric.results.values_list("unit_id", flat=True))
    staff_make(unit_ids)
    print(f"database: {connection.vendor} ({url.split('@')[-1]})")
    print(f"set-up: {len(unit_ids)} {level} entrants, each with a staff account, {time.perf_counter() - t0:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    reverse("submissions:home")  # the URLs loaded and the send task imported, as in a running worker
    from villages import server_cpu

    import notices.tasks

    pg = connection.vendor == "postgresql"
    before = rss_mb()
    server = server_cpu() if pg else 0.0
    with CaptureQueriesContext(connection) as ctx:
        start, cpu = time.perf_counter(), time.process_time()
        with profiled(40):
            told = reminders_send(TODAY)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
    server = server_cpu() - server if pg else 0.0
    queries = len(ctx.captured_queries)
    after = rss_mb()
    notices, receipts = Notice.objects.count(), Receipt.objects.count()
    print(
        f"one day's reminders: {told} people told, {notices} notices, {receipts} inbox rows,"
        f" {Reminder.objects.count()} records, {Delivery.objects.count()} outbox rows;"
        f" {took:.2f} s ({cpu:.2f} s CPU; PostgreSQL's connection {server:.2f} s CPU), {queries} queries"
    )
    start, cpu = time.perf_counter(), time.process_time()
    again = reminders_send(TODAY)
    print(
        f"the same day again: {again} told, {time.perf_counter() - start:.2f} s ({time.process_time() - cpu:.2f} s CPU)"
    )
    print(f"load average: {os.getloadavg()[0]:.2f} (other work shares the machine's cores)")
    print(f"peak memory: {before:.0f} MB before, {after:.0f} MB after")
    target = 10 if count <= SUBDISTRICTS else 60
    print(f"RESULT reminders_{count}_{connection.vendor}_s={took:.2f} s <={target}")
    print(f"RESULT reminders_{count}_{connection.vendor}_queries={queries} queries <=200")


if __name__ == "__main__":
    main()
