"""Coalescing recomputes: a Redis `SET NX` debounce per year plus a per-year lock.

A burst of events queues one recompute per debounce window instead of one per event. The pending key
is deleted when the recompute *starts*, before it reads anything: an event committed after that
start finds no key and queues the next run, so none is missed. Redis is only an optimisation here:
the "needs recompute" mark is in the database and the beat job re-queues it if Redis loses anything.

Embedded default (no REDIS_URL, or eager Celery in tests): no debounce, no lock, run in-process.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from celery import chord, current_app
from django.conf import settings

log = logging.getLogger(__name__)

PENDING = "cdd4:recompute:pending:{}"
LOCK = "cdd4:recompute:lock:{}"
PARALLEL = "cdd4:recompute:parallel:{}"  # a parallel recompute of the year is running
_clients: dict[str, object] = {}


def _eager() -> bool:
    # The project's app (cdd4/celery.py) is the current one once Django has started; scoring never imports cdd4.
    return not settings.REDIS_URL or bool(current_app.conf.task_always_eager)


def client():
    """One Redis client per URL; short timeouts so a Redis outage never stalls a request."""
    import redis  # inline: only service mode (REDIS_URL set) talks to Redis

    url = settings.REDIS_URL
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=1)
    return _clients[url]


def task(name: str):
    """A task by the name it is registered under (scoring/tasks.py, loaded by ScoringConfig.ready): the tasks
    call this module, so it addresses them as a producer does, by name, and never imports them."""
    return current_app.tasks[name]


def debounce_seconds() -> float:
    return settings.CDD4_RECOMPUTE_DEBOUNCE_MS / 1000


def schedule(rubric_id: int) -> bool:
    """Queues a recompute unless one is already waiting. Call after commit. Never raises:
    the change is already committed, and a lost message is healed by the beat job."""
    recompute = task("scoring.recompute")
    if _eager():
        recompute.delay(rubric_id)
        return True
    key = PENDING.format(rubric_id)
    try:
        # The TTL only bounds how long a lost message can suppress new ones.
        if not client().set(key, "1", nx=True, px=settings.CDD4_RECOMPUTE_PENDING_TTL_MS):
            return False
    except Exception:  # Redis down: still try the broker (it may be a different server)
        log.warning("recompute debounce unavailable for rubric %s", rubric_id, exc_info=True)
    try:
        recompute.apply_async((rubric_id,), countdown=debounce_seconds())
        return True
    except Exception:
        log.warning("recompute not queued for rubric %s; the beat job will heal it", rubric_id, exc_info=True)
        with contextlib.suppress(Exception):
            client().delete(key)
        return False


def claim(rubric_id: int) -> None:
    """Called as a recompute starts: later events must queue a new run."""
    if _eager():
        return
    with contextlib.suppress(Exception):
        client().delete(PENDING.format(rubric_id))


@contextlib.contextmanager
def rubric_lock(rubric_id: int) -> Iterator[bool]:
    """Yields True while this process holds the year's lock, False if it could not get it in time.

    Two workers on the same year would only queue up on the rubric row lock in PostgreSQL, each
    holding a connection; this keeps the second one off the database. The TTL frees the lock of a
    killed worker. Correctness never depends on it: the row lock in `standings_recompute` does.
    """
    if _eager():
        yield True
        return
    try:
        lock = client().lock(
            LOCK.format(rubric_id),
            timeout=settings.CDD4_RECOMPUTE_LOCK_TTL_S,
            blocking_timeout=settings.CDD4_RECOMPUTE_LOCK_WAIT_S,
        )
        acquired = lock.acquire()
    except Exception:
        log.warning("recompute lock unavailable for rubric %s; relying on the row lock", rubric_id, exc_info=True)
        yield True
        return
    try:
        yield acquired
    finally:
        if acquired:
            with contextlib.suppress(Exception):
                lock.release()


def parallel_wanted() -> bool:
    """Whether a large recompute may be split over the workers: only with real workers and a result backend."""
    return not _eager() and bool(getattr(settings, "CELERY_RESULT_BACKEND", ""))


def parallel(rubric_id: int, bounds: list[tuple[int, int]]) -> bool:
    """Queues a parallel recompute: one `scoring.recompute_chunk` per range of entrants, every worker taking
    some and staging their points, then `scoring.recompute_rank` once all are in (a Celery chord). A chunk
    whose worker dies is run again (acks_late, reject on worker lost), and the chord waits for it. One at a
    time per year: a year already running one queues nothing; that run queues another if entrants turned
    stale meanwhile."""
    from django.utils import timezone

    recompute_chunk, recompute_rank = task("scoring.recompute_chunk"), task("scoring.recompute_rank")
    try:
        if not client().set(PARALLEL.format(rubric_id), "1", nx=True, ex=settings.CDD4_RECOMPUTE_PARALLEL_TTL_S):
            return False
    except Exception:
        log.warning("parallel recompute marker unavailable for rubric %s", rubric_id, exc_info=True)
    started = timezone.now().timestamp()
    run = round(started * 1_000_000)  # names the points the chunks stage (scoring.models.StagedPoints)
    header = [recompute_chunk.s(rubric_id, low, high, run) for low, high in bounds]
    try:
        chord(header)(recompute_rank.s(rubric_id, started, run))
        return True
    except Exception:
        log.warning("parallel recompute not queued for rubric %s; the beat job will heal it", rubric_id, exc_info=True)
        parallel_done(rubric_id)
        return False


def parallel_done(rubric_id: int) -> None:
    with contextlib.suppress(Exception):
        client().delete(PARALLEL.format(rubric_id))


def explain(rubric_id: int, parts: list[tuple[int, int]] | None = None) -> None:
    """Queues the explanation pass after a recompute (in-process in the embedded default): in `parts` (ranges
    of unit ids, one task each, shared by the workers as a parallel recompute's chunks are), or whole. Never
    raises: what the pass does not reach is built where it is read."""
    try:
        whole: list[tuple[int | None, int | None]] = [(None, None)]
        for low, high in parts or whole:
            task("scoring.explain").delay(rubric_id, low, high)
    except Exception:
        log.warning("explanation pass not queued for rubric %s; read pages build them", rubric_id, exc_info=True)
