"""What a read costs, for the scale guards (tests/scale/): a read at N and again at 10 × N entrants of the contest
tests/scale/contest.py makes and grows.

A read's cost (`Cost`) is counted, not timed: its queries, the Python calls it makes outside the database, and
the instructions SQLite runs for it. The same request makes the same calls and instructions on any machine and
at any load, where its time on these 2 shared cores moved by a third from one batch of reads to the next; the
least CPU time of a few reads is given beside them, for the reader of a failure."""

from __future__ import annotations

import gc
import sqlite3
import sys
import time
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.scale.contest import Scaled, tenfold

RATIO = 1.5  # the most a read at 10 × N may cost over the same read at N (`assert_same_cost`)
LINEAR = 1.3  # the most an entrant may cost a read of every entrant at 10 × N over what it cost at N


@dataclass(frozen=True)
class Cost:
    """What a read cost: its queries, the Python calls it made outside the database, the instructions SQLite ran
    for it (`STEP` at a time), and its least CPU time of a few reads (ms)."""

    queries: int
    calls: int
    instructions: int
    ms: float

    def __str__(self) -> str:
        return f"{self.queries} queries, {self.calls:,} calls, {self.instructions:,} SQLite steps, {self.ms:.1f} ms"


STEP = 10  # SQLite's instructions counted at a time (its progress handler's period)
DATABASE = {"execute", "executemany", "fetchone", "fetchmany", "fetchall"}  # sqlite3.Cursor's: SQLite at work


def measure(client, url: str, reads: int = 3, status: int = 200) -> Cost:
    """A page's `cost`, after a first request that warms what a process keeps (the facts' counts, the rubric's
    spec and calendar) and answers `status`."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return cost(lambda: client.get(url), reads)


def cost(read, reads: int = 3) -> Cost:
    """A read's queries and work, each counted once, and the least CPU time of `reads` more."""
    with CaptureQueriesContext(connection) as captured:
        read()
    # Counted now: the log is emptied again by the next request. A statement that only sets how its transaction
    # runs is no query of rows (scoring.ranking.no_flush_wait: a recompute of many rows on PostgreSQL).
    queries = sum(not q["sql"].startswith("SET ") for q in captured.captured_queries)
    calls, instructions = _work(read)
    times = []
    for _ in range(reads):
        gc.collect()  # no read pays for another's garbage
        start = time.process_time()
        read()
        times.append((time.process_time() - start) * 1000)
    return Cost(queries, calls, instructions, min(times))


def _work(read) -> tuple[int, int]:
    """The Python calls `read` makes outside the database, and the instructions SQLite runs for it. A call made
    while SQLite runs (a function of Django's it calls for each row, this counter's own) is SQLite's work, and
    shows in its instructions."""
    counted = {"calls": 0, "steps": 0, "inside": 0}

    def step() -> int:
        counted["steps"] += 1
        return 0  # go on

    def profile(frame, event, arg) -> None:
        if event in ("c_call", "c_return", "c_exception") and getattr(arg, "__name__", "") in DATABASE:
            if isinstance(getattr(arg, "__self__", None), sqlite3.Cursor):
                counted["inside"] += 1 if event == "c_call" else -1
                return
        if event in ("call", "c_call") and not counted["inside"]:
            counted["calls"] += 1

    raw = connection.connection if connection.vendor == "sqlite" else None
    if raw is not None:
        raw.set_progress_handler(step, STEP)
    sys.setprofile(profile)
    try:
        read()
    finally:
        sys.setprofile(None)
        if raw is not None:
            raw.set_progress_handler(None, 0)
    return counted["calls"], counted["steps"] * STEP


def assert_page_scales(client, scaled: Scaled, url: str, user=None, status: int = 200) -> None:
    """The page at `url`, asked by `user` (None: nobody signed in), costs the same at the contest's N entrants
    and at 10 × N (`assert_same_cost`)."""
    if user is not None:
        client.force_login(user)
    small = measure(client, url, status=status)
    n = tenfold(scaled)
    assert_same_cost(url, n, small, measure(client, url, status=status))


def assert_linear_cost(read: str, n: int, small: Cost, large: Cost) -> None:
    """A read of every entrant (an export, a recompute) asked the same queries at 10 × N entrants as at N, and an
    entrant cost it at most `LINEAR` times in Python calls and SQLite's instructions what it cost at N: the
    cost grows with the entrants, never with the entrants twice over."""
    assert (
        large.queries == small.queries
        and large.calls / (10 * n) <= LINEAR * small.calls / n
        and large.instructions / (10 * n) <= LINEAR * small.instructions / n
    ), f"{read}: {small} at {n} vs {large} at {10 * n} entrants"


def assert_same_cost(read: str, n: int, small: Cost, large: Cost) -> None:
    """The read at 10 × N entrants asked the queries it asked at N, made at most `RATIO` times its Python calls
    (an entrant costs nothing in Python), and SQLite ran at most ten times its instructions and `RATIO` more (an
    entrant costs at most its rows in the database, with room for sorting them: never a loop over entrants)."""
    assert (
        large.queries == small.queries
        and large.calls <= RATIO * small.calls
        and large.instructions <= 10 * RATIO * small.instructions
    ), f"{read}: {small} at {n} vs {large} at {10 * n} entrants"
