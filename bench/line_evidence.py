"""Evidence from the LINE chat at a rush: 200 offices each send a set of 10 pictures to the Official Account
within one minute, each taps the first criterion offered, and the workers fetch and file all 2,000 pictures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x REDIS_URL=redis://127.0.0.1:6379/6 \\
        python bench/line_evidence.py [OFFICES] [PICTURES]   # default 200 × 10 (drops/creates BENCH_DB)

The contest: a Department contest of the first OFFICES CDD offices by DOPA code (bench/contest.py's 20 criteria,
open, its period the fiscal year of today, its timeliness criteria due on 31 January), each office with one staff
account whose LINE is linked. LINE is the stand-in (tests/line_standin.py), through the real SDK, holding every
picture (a distinct small JPEG each) for its content endpoint. The webhook is posted as LINE posts it (signed,
one event a post: LINE may batch an image set's events, or not) through Django's request handler in this process,
by four threads at the offices' pace: office i starts at i × 60 / OFFICES s and sends its pictures one after the
other. A fifth thread is the people: as soon as the stand-in holds the quick reply answering a set, it posts the
postback of its first button (the criterion due soonest), as a tap. The workers: the production topology
(docker-compose.yml), one Celery worker with two prefork processes, on PostgreSQL and Redis.

Figures: each webhook's time to answer (median, 99th percentile, most: LINE waits for an answer, and retries a
webhook it does not get one for); from the first picture sent to the last filed as evidence; the pictures filed
(once each: distinct evidence rows and contents per office), refused, never filed; the pictures fetched twice; the
replies told; the workers' CPU and the load average. Targets: every webhook answered within 1 s; all filed within
300 s of the first sent; each filed once, none lost, none refused.
"""

from __future__ import annotations

import io
import os
import random
import resource
import statistics
import sys
import threading
import time
from collections import Counter
from datetime import date

os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/6")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from _setup import celery_worker, django_with_fresh_db, exit_status, office_staff_make, smoke

SPREAD_S = 60  # the offices start sending within this minute
TARGET_WEBHOOK_S, TARGET_ALL_FILED_S = 1.0, 300
POSTERS = 4


def picture(n: int) -> bytes:
    """A 32 × 32 JPEG of noise drawn from `n`: each picture different bytes (the portal refuses one twice)."""
    from PIL import Image

    out = io.BytesIO()
    Image.frombytes("RGB", (32, 32), random.Random(n).randbytes(32 * 32 * 3)).save(out, "JPEG")
    return out.getvalue()


def ready(worker) -> None:
    """Waits until the worker answers a ping (its processes up and the broker read)."""
    from cdd4.celery import app

    end = time.monotonic() + 120
    while time.monotonic() < end:
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited ({worker.returncode})")
        if app.control.ping(timeout=1):
            return
    raise RuntimeError("the worker did not answer")


def contest_make(units: list):
    """bench/contest.py's contest among these offices, in the fiscal year of today, open."""
    from contest import rubric_data

    from contests.models import Contest, ContestState
    from rubrics import services

    today = date.today()
    fiscal = today.year + 1 if today.month >= 10 else today.year
    data = rubric_data([u.dopa_code for u in units])
    data |= {"year": fiscal + 543, "starts_on": f"{fiscal - 1}-10-01", "ends_on": f"{fiscal}-09-30"}
    data["contest"] = {**data["contest"], "slug": "bench-line-evidence"}
    for dimension in data["dimensions"]:
        for criterion in dimension["criteria"]:
            if criterion["deadline"]:
                criterion["deadline"] = f"{fiscal}-01-31"
    rubric = services.rubric_load(data=data)
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.OPEN)
    return rubric


def main() -> int:
    import redis

    offices = int(sys.argv[1]) if len(sys.argv) > 1 else (4 if smoke() else 200)
    per_set = int(sys.argv[2]) if len(sys.argv) > 2 else (3 if smoke() else 10)
    spread = 2 if smoke() else SPREAD_S
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # our own database number: stale queues only
    url = django_with_fresh_db(os.environ.get("BENCH_DB", "cdd4_bench_line"), units=not smoke())
    import tempfile

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from contests.models import Level, Unit
    from notices.channels.line.models import LineLink
    from submissions.line.models import LineItem
    from submissions.models import Evidence
    from tests.line_standin import SECRET, TOKEN, LineStandIn, content_event, postback_event, sign, webhook_body

    t0 = time.perf_counter()
    media = tempfile.mkdtemp(prefix="cdd4-bench-line-media-")
    found = Unit.objects.filter(is_cdd_office=True, level__in=[Level.PROVINCE, Level.DISTRICT, Level.SUBDISTRICT])
    units = list(found.order_by("dopa_code")[:offices])
    users = office_staff_make([u.pk for u in units], name="line")
    LineLink.objects.bulk_create([LineLink(user=u, line_user_id=f"U{u.pk:032x}") for u in users])
    contest_make(units)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"database: {connection.vendor} ({url.split('@')[-1]}); Redis {os.environ['REDIS_URL']}")
    print(f"set-up: {len(units)} offices, each {per_set} pictures, {time.perf_counter() - t0:.1f} s")

    with LineStandIn() as line:
        sets = []  # per office: its LINE user and its events
        for o, user in enumerate(users):
            line_user = f"U{user.pk:032x}"
            events = []
            for i in range(1, per_set + 1):
                msg = f"{o:04d}{i:03d}{time.time_ns() % 10**9:09d}"
                line.hold(msg, picture(o * per_set + i), "image/jpeg")
                events.append(content_event(line_user, "image", msg, image_set=(f"set{o}", i, per_set)))
            sets.append((line_user, events))
        token_user = {e["replyToken"]: lu for lu, events in sets for e in events}
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "CDD4_MEDIA_ROOT": media,
            "CDD4_LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
            "CDD4_LINE_CHANNEL_SECRET": SECRET,
            "CDD4_LINE_API_HOST": line.url,
        }
        # This process answers the webhook: LINE on here too, its files kept where the workers keep them.
        settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN, settings.CDD4_LINE_CHANNEL_SECRET = TOKEN, SECRET
        settings.CDD4_LINE_API_HOST, settings.MEDIA_ROOT = line.url, media
        worker = celery_worker(2, env)
        try:
            ready(worker)
            answered: list[float] = []
            statuses: Counter[int] = Counter()
            lock = threading.Lock()
            # LINE's "Verify" first (an empty signed body), as the Developers Console's button does: the SDK's
            # webhook models load on a process's first webhook, once, not at the rush.
            verify = webhook_body()
            Client(HTTP_HOST="localhost").post(
                "/line/webhook/", verify, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(verify)
            )
            start = time.perf_counter()

            def post(body: bytes) -> None:
                client = Client(HTTP_HOST="localhost")
                began = time.perf_counter()
                response = client.post(
                    "/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body)
                )
                took = time.perf_counter() - began
                with lock:
                    answered.append(took)
                    statuses[response.status_code] += 1

            def poster(share: int) -> None:
                for o in range(share, len(sets), POSTERS):
                    wait = start + o * spread / len(sets) - time.perf_counter()
                    if wait > 0:
                        time.sleep(wait)
                    for event in sets[o][1]:
                        post(webhook_body(event))
                connection.close()

            tapped: set[str] = set()
            done = threading.Event()

            def people() -> None:
                """Each offer answered by a tap of its first button, as soon as the stand-in holds it."""
                seen = 0
                while not done.is_set():
                    replies = line.replies()
                    for reply in replies[seen:]:
                        who = token_user.get(reply.body["replyToken"])
                        if who and reply.choices and who not in tapped:
                            tapped.add(who)
                            post(webhook_body(postback_event(who, reply.choices[0]["data"])))
                    seen = len(replies)
                    time.sleep(0.05)
                connection.close()

            threads = [threading.Thread(target=poster, args=(share,)) for share in range(POSTERS)]
            tapper = threading.Thread(target=people)
            for thread in [*threads, tapper]:
                thread.start()
            for thread in threads:
                thread.join()
            sent_s = time.perf_counter() - start
            total = offices * per_set
            deadline = start + (120 if smoke() else TARGET_ALL_FILED_S + 60)
            filed = 0
            while time.perf_counter() < deadline:
                filed = Evidence.objects.filter(sent_through="line").count()
                settled = LineItem.objects.exclude(evidence=None, refusal="").count()
                if settled >= total:
                    break
                time.sleep(0.25)
            all_filed_s = time.perf_counter() - start
            time.sleep(1)  # a file filed twice shows after the last first one
            done.set()
            tapper.join()
        finally:
            worker.terminate()
            worker.wait(60)
        workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        fetched = Counter(line.fetched)
        told = [r for r in line.replies() if r.text.startswith("รับหลักฐาน")]

    rows = list(Evidence.objects.filter(sent_through="line").values_list("submission__unit_id", "sha256"))
    filed = len(rows)
    twice = filed - len(set(rows))
    refused = LineItem.objects.exclude(refusal="").count()
    never = LineItem.objects.filter(evidence=None, refusal="").count() + (total - LineItem.objects.count())
    fetched_twice = sum(1 for n in fetched.values() if n > 1)
    ordered = sorted(answered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(
        f"sent: {total:,} pictures as {len(answered) - len(tapped):,} webhooks and {len(tapped)} taps,"
        f" the last {sent_s:.1f} s after the first; answered {dict(statuses)}"
    )
    print(
        f"webhook answered in: median {statistics.median(ordered) * 1000:.0f} ms, 99th percentile {p99 * 1000:.0f} ms,"
        f" most {ordered[-1] * 1000:.0f} ms"
    )
    print(
        f"filed: {filed:,} of {total:,} ({twice} twice), refused {refused}, never filed {never};"
        f" {all_filed_s:.1f} s after the first picture sent; fetched twice {fetched_twice}; chats told {len(told)}"
    )
    cpu_workers = workers_cpu.ru_utime + workers_cpu.ru_stime
    print(f"CPU: workers {cpu_workers:.1f} s; this process (webhook, stand-in, people) {time.process_time():.1f} s")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores shared with other work)")
    n = f"{offices}x{per_set}"
    print(f"RESULT line_evidence_{n}_webhook_most_s={ordered[-1]:.3f} s <={TARGET_WEBHOOK_S}")
    print(f"RESULT line_evidence_{n}_webhook_p99_s={p99:.3f} s info")
    print(f"RESULT line_evidence_{n}_all_filed_s={all_filed_s:.1f} s <={TARGET_ALL_FILED_S}")
    print(f"RESULT line_evidence_{n}_filed_twice={twice} files ==0")
    print(f"RESULT line_evidence_{n}_not_filed={never + refused} files ==0")
    correct = twice == 0 and never == 0 and refused == 0 and len(told) == offices
    met = ordered[-1] <= TARGET_WEBHOOK_S and all_filed_s <= TARGET_ALL_FILED_S
    return exit_status(correct=correct, targets_met=met)


if __name__ == "__main__":
    sys.exit(main())
