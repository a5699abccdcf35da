"""A recompute of many entrants split over the workers: chunks scored in parallel, ranked once."""

import os
import signal
import sys
import threading
from pathlib import Path

import psycopg2
import pytest
from django.db import connection
from django.db.models import F

from rubrics.models import ContestPeriod
from scoring import demo, tasks
from scoring.models import Standing
from scoring.recompute import standings_recompute

from .conftest import wait_for

pytestmark = pytest.mark.service

STANDING = ("unit__code", "total", "rank", "tied", "award", "award_tie", "level", "dimensions", "criteria")


def standings(rubric: ContestPeriod) -> list[tuple]:
    return list(Standing.objects.filter(rubric=rubric).order_by("unit__code").values_list(*STANDING))


def parallel_worker(procs, concurrency: int = 2):
    """A prefork worker (pool children, as in production) that splits every recompute into 4 chunks."""
    args = [sys.executable, "-m", "celery", "-A", "cdd4", "worker", "-P", "prefork", "-c", str(concurrency)]
    args += ["--without-mingle", "--without-gossip", "-l", "info"]
    return procs.start(args, "worker", CDD4_RECOMPUTE_PARALLEL_FROM="1", CDD4_RECOMPUTE_CHUNKS="4", LOG_LEVEL="INFO")


def undisturbed(rubric: ContestPeriod) -> list[tuple]:
    """The standings a plain, in-process full recompute gives: what every parallel run must end with."""
    demo.demo_facts(rubric=rubric)
    wait_for(lambda: settled(rubric), timeout=60)  # the recompute the facts queued, on the worker
    standings_recompute(rubric_id=rubric.pk, full=True)
    expected = standings(rubric)
    assert len({row[2] for row in expected}) > 10  # a real ranking, not 76 ties at 0
    Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)  # all stale again
    return expected


def settled(rubric: ContestPeriod) -> bool:
    return not Standing.objects.filter(rubric=rubric, change_seq__gt=F("computed_seq")).exists()


class Watch:
    """Polls the standings while a recompute runs: every read must show none or all of the entrants rescored."""

    def __init__(self, rubric: ContestPeriod):
        self.rubric, self.seen, self.stop = rubric, set(), threading.Event()
        db = connection.settings_dict
        self.conn = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
        self.conn.autocommit = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        with self.conn.cursor() as cursor:
            while not self.stop.is_set():
                cursor.execute(
                    "SELECT count(*) FILTER (WHERE computed_seq = change_seq), count(*) FROM scoring_provinceresult"
                    " WHERE rubric_id = %s",
                    [self.rubric.pk],
                )
                self.seen.add(cursor.fetchone())

    def close(self) -> set:
        self.stop.set()
        self.thread.join(timeout=10)
        self.conn.close()
        return self.seen


def test_parallel_recompute_ends_as_the_plain_one_and_is_never_seen_half_done(procs):
    rubric = ContestPeriod.objects.get(year=2566)
    parallel_worker(procs)
    wait_for(lambda: settled(rubric), timeout=60)  # bootstrap's own recompute
    expected = undisturbed(rubric)
    watch = Watch(rubric)
    tasks.recompute.delay(rubric.pk)
    wait_for(lambda: settled(rubric), timeout=60)
    seen = watch.close()
    assert standings(rubric) == expected
    assert seen <= {(0, 76), (76, 76)}  # never some entrants rescored and others not
    assert (76, 76) in seen
    # Then the explanation pass the worker queued after the standings builds every entrant's text.
    wait_for(lambda: not Standing.objects.filter(rubric=rubric, explained=False).exists(), timeout=60)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def test_a_worker_killed_mid_chunk_gives_the_same_standings(procs):
    """SIGKILL of the pool process scoring a chunk: the chunk is run again, the rank waits for it, and the
    standings end as an undisturbed run's; nothing half-done is shown meanwhile."""
    rubric = ContestPeriod.objects.get(year=2566)
    worker = parallel_worker(procs)
    wait_for(lambda: settled(rubric), timeout=60)
    expected = undisturbed(rubric)
    db = connection.settings_dict
    blocker = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    watch = Watch(rubric)
    try:
        with blocker.cursor() as cursor:
            # Holds every chunk at its read of the facts, so the kill lands mid-chunk, never before or after it.
            cursor.execute("LOCK TABLE scoring_fact IN ACCESS EXCLUSIVE MODE")
            tasks.recompute.delay(rubric.pk)
            wait_for(lambda: _waiting_on_facts() >= 2, timeout=30)  # both pool processes in a chunk
            children = wait_for(lambda: _children(worker.pid), timeout=10)
            os.kill(children[0], signal.SIGKILL)
            wait_for(lambda: children[0] not in _children(worker.pid), timeout=10)
            assert settled(rubric) is False  # nothing written while a chunk is missing
        blocker.rollback()  # the facts readable again: the surviving chunks go on, the lost one runs again
        wait_for(lambda: settled(rubric), timeout=60)
    finally:
        blocker.close()
        seen = watch.close()
    assert standings(rubric) == expected
    assert seen <= {(0, 76), (76, 76)}
    log = b"".join(p.read_bytes() for p in procs.tmp_path.glob("worker-*.log"))
    assert b"WorkerLostError" in log  # the kill did hit a running chunk, which was then run again


def _waiting_on_facts() -> int:
    """Sessions of the test database waiting for a lock on the facts (asked outside any transaction: within
    one, PostgreSQL answers from the snapshot of the statistics it took first)."""
    db = connection.settings_dict
    probe = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    try:
        with probe.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"
                " AND query LIKE %s",
                [db["NAME"], "%scoring_fact%"],
            )
            return cursor.fetchone()[0]
    finally:
        probe.close()
