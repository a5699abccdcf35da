"""What one message costs the outbox's sender itself when telling everyone, whatever the machine's load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python bench/outbox_profile.py [ACCOUNTS] [--profile]

bench/broadcast.py's change (central staff move 2.1's deadline in a Department contest among the first ACCOUNTS
CDD offices, default 1,000; each office one staff account with an e-mail address, every third with LINE linked),
then the sender's loop run in this process, not by workers: `notices.outbox.send_due` until nothing is due, e-mail
through Django's SMTP backend to an aiosmtpd server in this process, LINE through the SDK to the stand-in
(tests/line_standin.py). Figures per message: this process's CPU time (the sink's and the stand-in's threads
included: they answer in this process; the workers' share is the rest), wall time and queries. `--profile`:
cProfile of the loop, the 35 functions with the most cumulative time.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("LOG_LEVEL", "WARNING")

from _setup import django_with_fresh_db, profiled, smoke


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else (30 if smoke() else 1000)
    url = django_with_fresh_db(os.environ.get("BENCH_DB", "cdd4_bench_outbox"), units=True)
    from aiosmtpd.controller import Controller
    from broadcast import MOVED_TO, Sink, accounts_make, central_make, contest_make, free_port
    from django.conf import settings
    from django.db import connection, transaction
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from contests.models import Level, Unit
    from notices import outbox
    from notices.channels.line.client import _sdk
    from notices.models import Delivery
    from rubrics import timetable
    from rubrics.letters import Letter
    from tests.line_standin import SECRET, TOKEN, LineStandIn

    offices = Unit.objects.filter(is_cdd_office=True, level__in=[Level.PROVINCE, Level.DISTRICT, Level.SUBDISTRICT])
    units = list(offices.order_by("dopa_code")[:count])
    emails, lines = accounts_make(units)
    rubric = contest_make(units)
    central = central_make()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"database: {connection.vendor} ({url.split('@')[-1]}); {len(emails):,} accounts, {len(lines):,} on LINE")

    sink, port = Sink(), free_port()
    smtp = Controller(sink, hostname="127.0.0.1", port=port)
    smtp.start()
    with LineStandIn(per_second=2000) as line:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN, settings.CDD4_LINE_CHANNEL_SECRET = TOKEN, SECRET
        settings.CDD4_LINE_API_HOST, settings.CDD4_LINE_MONTHLY_QUOTA = line.url, 25000
        from cdd4.celery import app

        app.conf.task_always_eager, app.conf.broker_url = False, "memory://"  # the loop below sends, not a task
        with transaction.atomic():
            timetable.criterion_deadline_set(
                user=central, rubric=rubric, code="2.1", deadline=MOVED_TO, reason="ขยายเวลาส่งทั่วประเทศ",
                letter=Letter("มท 0410.4/ว 6001", MOVED_TO), also=[],
            )  # fmt: skip
        _sdk()  # the SDK, the templates and the catalogue loaded, as in a running worker
        first = outbox.send_due(limit=1)
        with CaptureQueriesContext(connection) as ctx:
            start, cpu = time.perf_counter(), time.process_time()
            sent = 0
            with profiled(35):
                while batch := outbox.send_due(limit=500):
                    sent += batch
            took, cpu = time.perf_counter() - start, time.process_time() - cpu
        smtp.stop()
        pushes = len(line.pushes())
    expected = len(emails) + len(lines)
    states = dict(Delivery.objects.values_list("state").order_by().annotate(n=Count("pk")))
    out = f"{sum(sink.taken.values()):,} e-mails, {pushes:,} pushes"
    print(f"sent {first + sent:,} of {expected:,} ({out}); states {states}")
    per = max(sent, 1)
    print(
        f"the loop: {took:.2f} s ({cpu:.2f} s CPU), {len(ctx.captured_queries):,} queries;"
        f" per message {took / per * 1000:.2f} ms ({cpu / per * 1000:.2f} ms CPU),"
        f" {len(ctx.captured_queries) / per:.2f} queries; load {os.getloadavg()[0]:.2f}"
    )
    print(f"RESULT outbox_per_message_cpu_ms={cpu / per * 1000:.2f} ms info")
    print(f"RESULT outbox_per_message_queries={len(ctx.captured_queries) / per:.2f} queries info")


if __name__ == "__main__":
    main()
