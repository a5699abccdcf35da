"""Moving one national deadline (the one act, rubrics.timetable.criterion_deadline_set): the move written with
its letter, every entrant's staff and whoever runs the contest told (a receipt in each inbox and a delivery per
channel in the outbox), then, as the change commits, every entrant rescored and the notices sent.

    python bench/deadline_move.py                        # SQLite: 76 offices, two staff each
    python bench/deadline_move.py --subdistricts 7255    # and a contest among that many subdistricts
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x python bench/deadline_move.py --subdistricts 7255
Target: 76 offices, the recompute and every notice queued ≤ 5 s. The subdistrict case is stated, not targeted.

Measured on 2026-11-27, PostgreSQL, a 2-core machine shared with six other sessions, one move each (BENCH_RUNS=1):
76 offices (152 people) 0.71–1.18 s; 400 subdistricts (800 people) 1.32–1.48 s; 1,000 (2,000 people) 8.8 s under
a profiler; 2,000 (4,000 people) 9.0 s, of which 6.1 s writing the receipts and deliveries and 2.9 s the commit
with the recompute. The 7,255-entrant case (14,510 people) was not run here (`make bench` runs it): by those
figures about 30 s, spent on a receipt object and a lock question per person (notices.services.notice_record,
notices.recipients) and the recompute of 7,255 entrants. Before a contest's chosen entrants were read once per
list (contests.entrants), 400 subdistricts took 43 s.
"""

import argparse
import json
import statistics
import time
from datetime import timedelta

from _setup import django_with_fresh_db, runs, smoke

RUNS = runs(3)
STAFF_PER_OFFICE = 2
HANDED: list[int] = []  # the notices handed to the broker for the outbox worker to send


def _staff(units, prefix: str) -> int:
    """STAFF_PER_OFFICE accounts with an address for each unit, made in bulk (what accounts_provision makes)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from people.models import Membership, Role

    users = get_user_model()
    password = make_password(None)
    made = users.objects.bulk_create(
        [
            users(username=f"{prefix}{u.pk}-{n}", email=f"{prefix}{u.pk}-{n}@example.org", password=password)
            for u in units
            for n in range(STAFF_PER_OFFICE)
        ],
        batch_size=2000,
    )
    by_name = dict(users.objects.filter(username__startswith=prefix).values_list("username", "pk"))
    Membership.objects.bulk_create(
        [
            Membership(user_id=by_name[f"{prefix}{u.pk}-{n}"], role=Role.OFFICE_STAFF, unit=u)
            for u in units
            for n in range(STAFF_PER_OFFICE)
        ],
        batch_size=2000,
    )
    return len(made)


def _subdistrict_contest(count: int):
    """The Department's contest among the first `count` subdistricts (the model-subdistrict rubric, every
    deadline 31 May 2565), their staff made as for the offices."""
    from contests.models import Level, Unit
    from rubrics import services

    units = list(Unit.objects.filter(level=Level.SUBDISTRICT).order_by("pk")[:count])
    with open("rubrics/rubric_files/model-subdistrict-2565.json", encoding="utf-8") as f:
        data = json.load(f)
    data["contest"] = {**data["contest"], "slug": "bench-subdistricts-2565", "entrants": [u.code for u in units]}
    rubric = services.rubric_load(data=data)
    return rubric, units


def _move(rubric, central, code: str, n: int) -> tuple[float, float, int, float]:
    """One move: seconds until the change is written with every receipt and delivery, seconds until it has
    committed, every entrant rescored (the recompute runs on commit in this process) and the notices handed
    to the broker, the receipts made, and this process's CPU seconds until then."""
    from django.db import transaction

    from notices.models import Receipt
    from rubrics import timetable
    from rubrics.letters import Letter
    from rubrics.models import Criterion

    written = Criterion.objects.get(rubric=rubric, code=code).deadline
    assert written is not None, f"{code} has no deadline to move"
    day = written + timedelta(days=1 + n)
    receipts = Receipt.objects.count()
    start, cpu = time.perf_counter(), time.process_time()
    with transaction.atomic():
        timetable.criterion_deadline_set(
            user=central, rubric=rubric, code=code, deadline=day, reason=f"ขยายเวลา ครั้งที่ {n + 1}",
            letter=Letter(f"มท 0410.4/ว {6001 + n}", day - timedelta(days=20)), also=[],
        )  # fmt: skip
        queued = time.perf_counter() - start
    done, cpu = time.perf_counter() - start, time.process_time() - cpu
    return queued, done, Receipt.objects.count() - receipts, cpu


def _timed(label: str, rubric, central, code: str, entrants: int, people: int) -> float:
    # The first move of a process loads the URLs, the notices' templates and the mail backend: a server has.
    _move(rubric, central, code, 0)
    rows = [_move(rubric, central, code, n) for n in range(1, RUNS + 1)]
    queued = statistics.median(r[0] for r in rows)
    done = statistics.median(r[1] for r in rows)
    cpu = statistics.median(r[3] for r in rows)
    print(f"{label:<24} {entrants:>9,} {people:>8,} {rows[0][2]:>9,} {queued:>9.2f} {done:>9.2f} {cpu:>9.2f}")
    return done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subdistricts", type=int, default=0, help="also a contest among this many subdistricts")
    args = parser.parse_args()
    url = django_with_fresh_db(units=bool(args.subdistricts) or not smoke())
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection

    from contests.models import Unit
    from core.acts import as_confirmed
    from people.models import Membership, Role
    from rubrics.models import ContestPeriod

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # nothing printed
    # Queued is the outbox's rows written and the send handed to the broker; the sending itself is the outbox
    # worker's (its own bench): the hand-off is kept here, not run in this process as the embedded mode would.
    from notices import services as notice_services

    notice_services._queue = HANDED.append
    central = get_user_model().objects.create(username="bench-central", email="central@example.org")
    Membership.objects.create(user=central, role=Role.CENTRAL)
    central = as_confirmed(central)
    rubric = ContestPeriod.objects.get(year=2566)
    offices = list(Unit.objects.provinces())
    people = _staff(offices, "office")

    print(f"database: {connection.vendor} ({url.split('@')[-1]}), median of {RUNS} moves each")
    print(f"{'move':<24} {'entrants':>9} {'people':>8} {'receipts':>9} {'written s':>9} {'done s':>9} {'CPU s':>9}")
    done = _timed("national 4.1.1", rubric, central, "4.1.1", len(offices), people)
    print(f"RESULT deadline_move_76_offices_{connection.vendor}_s={done:.2f} s <=5")
    if args.subdistricts:
        contest, units = _subdistrict_contest(args.subdistricts)
        people = _staff(units, "sub")
        done = _timed("subdistricts 1.1", contest, central, "1.1", len(units), people)
        print(f"RESULT deadline_move_{len(units)}_subdistricts_{connection.vendor}_s={done:.2f} s info")
    print("written: the move, its record and letter, a receipt per person and a delivery per channel;")
    print("done: committed, every entrant rescored, every notice queued for the outbox worker (not yet sent)")


if __name__ == "__main__":
    main()
