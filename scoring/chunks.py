"""A full recompute in parallel (`coalesce.parallel`): each worker scores a chunk of the entrants and stages
their points (`StagedPoints`); the chord's end ranks them all once and writes the standings in one transaction."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from core.bulk import pg_array, update_values
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from scoring import coalesce, hooks
from scoring.models import StagedPoints, Standing
from scoring.ranking import (
    FULL_FROM,
    PLACE,
    Scored,
    no_flush_wait,
    placed,
    ranked_all,
    standings_apply,
    standings_write_lock,
    ties_tell,
)
from scoring.recompute import ENTRANT, no_cyclic_gc, recompute_recorded, rubric_locked, scored_by_parts


def chunk_score(*, rubric_id: int, low: int, high: int) -> list[Scored]:
    """One chunk of a parallel full recompute: the entrants with unit ids low..high, scored, nothing written."""
    rubric = ContestPeriod.objects.get(pk=rubric_id)
    rows = Standing.objects.filter(rubric=rubric, unit_id__gte=low, unit_id__lte=high).order_by()
    with no_cyclic_gc():
        return scored_by_parts(rubric, list(rows.values_list(*ENTRANT)))


def chunk_stage(*, rubric_id: int, low: int, high: int, run: int) -> int:
    """One chunk of a parallel recompute (`run`: its start in microseconds): the entrants with unit ids low..high
    scored and their points staged (`StagedPoints`), the standings untouched. Each chunk writes its own rows, so
    the workers share the writing as they share the scoring, and only a count crosses the broker. Run again (a
    worker lost), it replaces what it staged. Returns how many it staged."""
    scored = chunk_score(rubric_id=rubric_id, low=low, high=high)
    with transaction.atomic():
        StagedPoints.objects.filter(rubric_id=rubric_id, run=run, unit__gte=low, unit__lte=high).delete()
        _stage(rubric_id, run, scored)
    return len(scored)


STAGED = ("rubric", "run", "standing", "unit", "seq", "total", "level", "dimensions", "criteria", "rank_key")


def _stage(rubric_id: int, run: int, scored: list[Scored]) -> None:
    if connection.vendor != "postgresql":
        rows = [
            StagedPoints(
                rubric_id=rubric_id,
                run=run,
                standing=s.pk,
                unit=s.unit,
                seq=s.seq,
                total=Decimal(s.total),
                level=s.level,
                dimensions=s.dimensions,
                criteria=s.criteria,
                rank_key=s.rank_key,
            )
            for s in scored
        ]
        StagedPoints.objects.bulk_create(rows, batch_size=1000)
        return
    # COPY, the fastest way in: tab-separated text, JSON's backslashes escaped as COPY reads them.
    out = io.StringIO()
    for s in scored:
        level = "\\N" if s.level is None else s.level
        dimensions = json.dumps(s.dimensions).replace("\\", "\\\\")
        criteria = json.dumps(s.criteria).replace("\\", "\\\\")
        out.write(
            f"{rubric_id}\t{run}\t{s.pk}\t{s.unit}\t{s.seq}\t{s.total}\t{level}\t{dimensions}\t{criteria}\t{s.rank_key}\n"
        )
    out.seek(0)
    meta, qn = StagedPoints._meta, connection.ops.quote_name
    column = {field.name: field.column for field in meta.concrete_fields}
    columns = ", ".join(qn(column[name]) for name in STAGED)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {qn(meta.db_table)} ({columns}) FROM STDIN", out)


def chunks_apply(*, rubric_id: int, run: int, started_at: float) -> int:
    """The end of a parallel recompute (`coalesce.parallel`): every chunk's staged points (`chunk_stage`) in,
    ranked once and written in one transaction, so the standings never show a half-done recompute. Entrants
    that turned stale while the chunks ran stay stale, and another run is queued for them."""
    started = datetime.fromtimestamp(started_at, tz=UTC)  # a POSIX time: JSON-safe through the broker
    with transaction.atomic(), no_cyclic_gc():
        try:
            rubric = rubric_locked(rubric_id)
        except ContestPeriod.DoesNotExist:
            return 0
        rescored = staged_apply(rubric, run)
    coalesce.parallel_done(rubric_id)
    # The rounds' count first (the schedule's, queued as it hears this): one statement of the database's
    # (everyone's, after a mark of everyone), it runs beside the explanation pass's parts, which the other worker
    # takes one after another, rather than after them.
    hooks.recomputed(rubric_id)
    recompute_recorded(rubric_id, started, rescored)
    if Standing.objects.filter(rubric_id=rubric_id, change_seq__gt=F("computed_seq")).exists():
        coalesce.schedule(rubric_id)
    return rescored


def staged_apply(rubric: ContestPeriod, run: int) -> int:
    """`standings_apply` for the points the chunks of a parallel recompute staged (`chunk_stage`), in the caller's
    transaction under the year's lock. On PostgreSQL only the keys come to Python: the entrants are ranked here
    and the staged points go from their table to the standings in one UPDATE, with the places beside them."""
    staged = StagedPoints.objects.filter(rubric_id=rubric.pk, run=run)
    if connection.vendor != "postgresql":
        rows = staged.values_list("standing", "unit", "seq", "total", "level", "dimensions", "criteria", "rank_key")
        scored = [Scored(pk, unit, seq, str(total), *rest) for pk, unit, seq, total, *rest in rows]
        rescored = standings_apply(rubric, scored)
        StagedPoints.objects.filter(rubric_id=rubric.pk, run__lte=run).delete()
        return rescored
    qn = connection.ops.quote_name
    table, points = qn(Standing._meta.db_table), qn(StagedPoints._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.id, r.province_id, r.total, r.rank_key, r.computed_seq, r.rank, r.tied, r.award, r.award_tie,"
            f" s.seq, s.total, s.rank_key FROM {table} r LEFT JOIN {points} s"
            f" ON s.standing = r.id AND s.rubric_id = %s AND s.run = %s WHERE r.rubric_id = %s",
            [rubric.pk, run, rubric.pk],
        )
        stored = cursor.fetchall()
    keys, totals, others, fresh = {}, {}, [], []
    for pk, unit, total, key, computed, rank, tied, award, award_tie, seq, staged_total, staged_key in stored:
        if seq is not None and seq >= computed:  # else its stored points are newer than the staged: kept
            keys[unit], totals[unit] = staged_key, staged_total
            fresh.append((pk, unit))
        else:
            keys[unit], totals[unit] = key, total
            others.append((pk, unit, [rank, tied, award, award_tie]))
    del stored
    spec = rubric_spec(rubric)
    placings = ranked_all(rubric, spec, keys, totals)
    _, moved = placed((), others, placings)
    places = [placings[unit] for _, unit in fresh]
    now = timezone.now()
    standings_write_lock(rubric.pk)
    if len(fresh) >= FULL_FROM:
        no_flush_wait()
    with connection.cursor() as cursor:
        # The join below hashes every staged row (about 450 bytes each): 75,000 of them fit in 64 MB, where the
        # default 4 MB spills them to temporary files (a tenth of this UPDATE's time). For this transaction only.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(
            f"UPDATE {table} r SET total = s.total, level = s.level, dimensions = s.dimensions,"
            f" criteria = s.criteria, rank_key = s.rank_key, computed_seq = s.seq, rank = p.rank, tied = p.tied,"
            f" award = p.award, award_tie = p.award_tie, explained = false, computed_at = %s"
            f" FROM {points} s JOIN unnest(%s::bigint[], %s::integer[], %s::boolean[], %s::varchar[], %s::boolean[])"
            f" AS p(id, rank, tied, award, award_tie) ON p.id = s.standing"
            f" WHERE s.rubric_id = %s AND s.run = %s AND r.id = s.standing",
            [
                now,
                pg_array([pk for pk, _ in fresh]),
                pg_array([p.rank for p in places]),
                pg_array([p.tied for p in places]),
                pg_array([p.award or "" for p in places]),
                pg_array([p.award_tie for p in places]),
                rubric.pk,
                run,
            ],
        )
    update_values(Standing, PLACE, moved)
    ContestPeriod.objects.filter(pk=rubric.pk).update(standings_computed_at=now)
    StagedPoints.objects.filter(rubric_id=rubric.pk, run__lte=run).delete()  # this run's, and any a lost run left
    ties_tell(rubric, spec, placings)
    return len(fresh)
