"""Ranking the scored entrants: their places from every entrant's rank key, the rows written at once, and each
tie left open at an award line told. A full recompute and a rescore of a few (scoring.shift) rank with these."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import NamedTuple, TypeVar

from django.db import connection
from django.utils import timezone

from contests.models import Unit
from contests.region_ranking import rank_groups
from core.bulk import update_documents, update_values
from notices import events
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook import engine
from scoring import selectors
from scoring.models import Standing, TieDecision, TieMethod

PLACE = ("rank", "tied", "award", "award_tie")
R = TypeVar("R")


class Scored(NamedTuple):
    """One entrant's points, as a chunk hands them to the ranking (JSON-safe: a Celery result)."""

    pk: int
    unit: int
    seq: int  # the entrant's change mark when its facts were read: written as computed_seq
    total: str
    level: int | None
    dimensions: dict[str, str]
    criteria: dict[str, str]
    rank_key: str


FULL_FROM = 500  # stale entrants from which a recompute asks whether they are all of them


def standings_apply(rubric: ContestPeriod, scored: list[Scored], *, every: bool = False) -> int:
    """Writes the scored entrants and re-ranks every entrant, in the caller's transaction under the year's
    lock (`rubric_locked`): the standings change at once, never chunk by chunk. An entrant scored from facts older
    than those its stored points came from (a slower run finishing after a newer one) is left as stored.

    Thousands of entrants: the rows not rescored are ranked by their stored rank key, never
    decoded, and only their place is written, only if it moved. A row that turned stale since its facts were
    read is written with the mark it had then, so it stays stale and the next run rescores it. `every`: the
    scored are every entrant, read under this same lock, so nothing stored is read again."""
    spec = rubric_spec(rubric)
    values = Standing.objects.filter(rubric=rubric).order_by()
    stored = () if every else values.values_list("pk", "unit_id", "total", "rank_key", "computed_seq", *PLACE)
    fresh = {s.pk: s for s in scored}
    keys, totals, others = {}, {}, []
    for pk, unit, total, key, computed, *place in stored:
        s = fresh.get(pk)
        if s is not None and s.seq < computed:
            del fresh[pk]
            s = None
        if s is None:
            keys[unit], totals[unit] = key, total
            others.append((pk, unit, place))
        else:
            keys[unit], totals[unit] = s.rank_key, Decimal(s.total)
    if every:
        for s in scored:
            keys[s.unit], totals[s.unit] = s.rank_key, Decimal(s.total)
    placings = ranked_all(rubric, spec, keys, totals)
    rows, moved = placed(fresh.values(), others, placings)
    now = timezone.now()
    standings_write_lock(rubric.pk)
    if len(rows) >= FULL_FROM:
        no_flush_wait()
    # The explanations no longer the points' own: built when read, or by the explanation pass (scoring.explanations).
    update_documents(Standing, WRITTEN, rows, same={"explained": False, "computed_at": now})
    update_values(Standing, PLACE, moved)  # no query when nothing moved, as after any full recompute
    ContestPeriod.objects.filter(pk=rubric.pk).update(standings_computed_at=now)
    ties_tell(rubric, spec, placings)
    return len(fresh)


def ranked_all(rubric: ContestPeriod, spec, keys: dict[int, str], totals: dict[int, Decimal]) -> dict:
    """Every entrant's place (unit id → engine.Placing) from the rank keys and totals of all of them."""
    floor = Decimal(rubric.award_min or 0)  # type: ignore[attr-defined]  # annotated by rubric_locked
    # Ranked by unit id, not code: entrants of one tie get the same place whatever their order, and
    # the ids need no join to the units.
    groups = _groups(rubric, keys)

    def ranked(decided) -> dict:
        return {
            p.unit: p
            for group in groups
            for p in engine.rank_keys(group, totals, awards=spec.awards, minimum=floor, decided=decided)
        }

    placings = ranked({})
    # Settled ties (scoring.ties.settle) are read only when a tie sits at an award line: rarely, so seldom a query.
    if any(p.award_tie for p in placings.values()) and (decided := decided_ties(rubric)):
        placings = ranked(decided)
    # Awards corrected after publication (scoring.snapshots.awards_correct) hold whatever a later ranking finds.
    if getattr(rubric, "corrected", False):
        for unit, award in selectors.corrected_awards(rubric).items():
            if unit in placings:
                placings[unit] = placings[unit]._replace(award=award or None, award_tie=False)
    return placings


STANDINGS_WRITE = 0x5354  # the advisory locks' class: a year's standings being written (its id is the object)


def standings_write_lock(rubric_id: int, *, shared: bool = False) -> None:
    """On PostgreSQL, the year's standings held for writing until the caller's transaction ends. A recompute
    writes its rows in two or three statements, each in the order its plan reads them, and a mark
    (`results_mark_dirty`) updates every entrant's in the table's order: taking rows one by one, the two
    deadlocked. So a recompute's writing takes the year exclusively and every mark takes it shared: a mark
    waits for a recompute's writing to commit, as its rows' locks made it wait already, and marks never wait
    for each other. The recompute's scoring, before its writing, holds up no one."""
    if connection.vendor != "postgresql":
        return
    lock = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {lock}(%s, %s)", [STANDINGS_WRITE, rubric_id])


# Seconds between the writes of rows another held, by those that pass a held row by (`SKIP LOCKED`: the texts
# of the explanation pass, the rounds' count's marks) rather than wait for it: each other's transactions last
# about two seconds at most at 75,000 villages (a count marking everyone, a recompute's writing), so a row is
# written once its holder commits; one held past these is left to what reads it (built, or counted, live).
HELD_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2)


def written_once_free(write: Callable[[list[R]], tuple[int, list[R]]], rows: list[R]) -> int:
    """`write(rows)` gives how many it wrote and the rows it passed by, held by another; those are written again
    after each of `HELD_PAUSES`, holding nothing meanwhile. How many were written in all."""
    written = 0
    for pause in (*HELD_PAUSES, None):
        done, rows = write(rows)
        written += done
        if not rows or pause is None:
            break
        time.sleep(pause)
    return written


def no_flush_wait() -> None:
    """Derived data: were the server to crash before this commit reached the disk, the rows would be stale
    again (their marks roll back with them) and the next run would redo it. So the commit of thousands of rows
    does not wait for the WAL flush (https://www.postgresql.org/docs/current/wal-async-commit.html)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def placed(fresh: Iterable[Scored], others: list[tuple], placings: dict) -> tuple[list[tuple], list[tuple]]:
    """The rows to write: each rescored entrant whole (WRITTEN), and each other entrant ((pk, unit, stored
    place)) whose place moved (PLACE)."""
    moved = []
    for pk, unit, place in others:
        p = placings[unit]
        now_at = [p.rank, p.tied, p.award or "", p.award_tie]
        if place != now_at:
            moved.append((pk, *now_at))
    rows = []
    for s in fresh:
        p = placings[s.unit]
        place = (p.rank, p.tied, p.award or "", p.award_tie)
        rows.append((s.pk, s.total, s.level, s.dimensions, s.criteria, s.rank_key, *place, s.seq))
    return rows, moved


def ties_tell(rubric: ContestPeriod, spec, placings: dict) -> None:
    """Each tie open at an award line, as the standings now hold it, told to whoever runs the contest, once while
    it is the same tie (notices.events.tie_waiting), and a tie notice naming no open tie settled (decided, or a
    tie no more: notices.events.ties_open). A regional stage's ties are each region's own: entrants of two
    regions at the same place are two ties. Nothing is read when no tie is open or waits."""
    if not any(p.award_tie for p in placings.values()) and not events.ties_waiting(rubric=rubric):
        return
    rows = list(Standing.objects.filter(rubric=rubric, award_tie=True).values_list("unit_id", "rank", "award"))
    within = rubric.rank_within or ""  # type: ignore[attr-defined]  # annotated by rubric_locked
    regions = rank_groups(within, [unit for unit, _, _ in rows]) or {}
    tied: dict[tuple, list[int]] = {}
    for unit, rank, award in rows:
        tied.setdefault((rank, regions.get(unit, 0), award or ""), []).append(unit)
    events.ties_open(rubric=rubric, ties=list(tied.values()))
    if not tied:
        return
    names = {a.code: a.name_th for a in spec.awards}
    units = Unit.objects.in_bulk([u for group in tied.values() for u in group])
    for (_, _, award), ids in sorted(tied.items()):
        events.tie_waiting(rubric=rubric, award=names.get(award, award), units=[units[u] for u in sorted(ids)])


def decided_ties(rubric: ContestPeriod) -> dict[tuple[str, frozenset], engine.TieDecided]:
    """The ties at award lines settled for the rubric (scoring.ties.settle), the latest decision on each."""
    out: dict[tuple[str, frozenset], engine.TieDecided] = {}
    rows = TieDecision.objects.filter(rubric=rubric).values_list("rank_key", "entrants", "method")
    for key, entrants, method in rows:  # newest first
        out.setdefault((key, frozenset(entrants)), engine.TieDecided(method == TieMethod.SHARED, tuple(entrants)))
    return out


def _groups(rubric: ContestPeriod, keys: dict[int, str]) -> list[dict[int, str]]:
    """The rank keys split into the groups ranked among themselves, each with its own award lines: one group
    unless the contest's stage ranks within each inspection region (`Stage.rank_within`)."""
    groups = rank_groups(rubric.rank_within or "", keys)  # type: ignore[attr-defined]  # annotated by rubric_locked
    if groups is None:
        return [keys]
    split: dict[int, dict[int, str]] = {}
    for unit, key in keys.items():
        split.setdefault(groups.get(unit, 0), {})[unit] = key
    return [split[g] for g in sorted(split)]


WRITTEN = ("total", "level", "dimensions", "criteria", "rank_key", *PLACE, "computed_seq")
