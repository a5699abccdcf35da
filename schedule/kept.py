"""A contest's rounds met, kept per entrant and criterion (`schedule.models.EntrantRounds`), so that central's
missing list and dashboard count by round without reading every sending of the year on each request.

The rows are counted by the same statement and rule the live count uses (`sendings.sent_days`, the rounds'
windows from `obligations.round_windows`), only per entrant and kept. They are read only while current:
- the year's windows are those they were counted with (`RoundsKept.windows`, `windows_key`: a deadline moved,
  a holiday changed or the rubric revised gives other windows, and nothing kept is read until they are
  counted again);
- an entrant's rows stand for what it sent while its change mark (`Standing.change_seq`) is the one they were
  counted at (`Standing.rounds_seq`): every write of what an entrant sends (an upload, a withdrawal, a fact, a
  receipt, a nominee) bumps its mark in its own transaction (`scoring.recompute.results_mark_dirty`), and the
  mark is read before the sendings, so a write the count missed always leaves the entrant stale.
A stale entrant is counted live beside the kept rows (`schedule.tallies`); `rounds_keep` counts the stale ones
again, in a task of its own (`schedule.rounds_keep`) queued after each recompute, so the standings never wait for
it. While the rows are not current (other windows, or more stale entrants than a page counts live), pages read
them as they were counted and say when (`Kept.as_of`); while they were never counted, pages count a contest of
at most `STALE_MOST` entrants live and say a larger one's rounds are not counted yet (`few_to_count_live`): a
page never counts every sending of a large contest."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import connection, transaction
from django.db.models import Count, F, QuerySet
from django.utils import timezone

from contests.models import Unit
from core import bulk
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import criterion_codes
from scoring.models import Standing
from scoring.ranking import written_once_free

from .contest import ContestSchedule, DueRound
from .models import EntrantRounds, RoundsKept
from .obligations import round_windows
from .sendings import receipt_name, sent_days

BITS = 62  # rounds a criterion may have and still be kept (bits of a signed 64-bit integer, with room)
# The edition of the rule that counts a sending for a round (`meets`): rows kept by an earlier one are counted
# again. 2: a report meets the round it names; a file sent for a criterion a nominee answers meets nothing.
RULE = 2
STALE_MOST = 500  # more stale entrants than this (a change to everyone): read as last counted, then all counted again


def bit(r: DueRound) -> int:
    """The bit of a round in `EntrantRounds.met` (round i: bit i − 1; a criterion without rounds: bit 0)."""
    return 1 << max(r.index - 1, 0)


def meets(sent: str, window: str) -> str:
    """The SQL of `obligations.rounds_met`'s rule, of a sending `sent` (a row of `sent_union`) and a round's window
    `window` (a row with criterion_id, after, until and the round's `bit`): the round the sending names
    (`sent_round`), else the round whose window (`round_windows`) its day falls in. Every count by round joins
    by it, kept or live."""
    s, w = sent, window
    return (
        f"{w}.criterion_id = {s}.sent_criterion AND ({s}.sent_round IS NULL AND {s}.sent_day > {w}.after"
        f" AND {s}.sent_day <= {w}.until OR {w}.bit = (CAST(1 AS BIGINT) << ({s}.sent_round - 1)))"
    )


def windows_key(contest: ContestSchedule, ids: dict[str, int]) -> str:
    """What the kept rows were counted with, as text: each criterion's rounds' windows (`round_windows`) and
    what counts as its sending (its receipt's name, whether it asks evidence, whether a nominee answers it),
    after the rule's own edition (`RULE`); "" when a criterion has more rounds than a row keeps."""
    parts: list = [RULE]
    for rounds in contest.dues:
        c = rounds[0].criterion
        if len(rounds) > BITS:
            return ""
        spans = round_windows([r.due for r in rounds])
        parts.append(
            [ids[c.code], receipt_name(c), bool(c.evidence_th or c.evidence_en), c.nominee]
            + [[r.index, _text(after), _text(until)] for r, (after, until) in zip(rounds, spans, strict=True)]
        )
    return json.dumps(parts)


def _text(day: date | None) -> str:
    return day.isoformat() if day else ""


def _stale(rubric: ContestPeriod) -> QuerySet:
    """The year's entrants whose kept rows do not stand for what they sent now (or that have none): found by
    the index of the few (`result_rounds_stale`), not by reading every entrant."""
    return Standing.objects.filter(rubric=rubric, change_seq__gt=F("rounds_seq")).order_by()


@dataclass(frozen=True)
class Kept:
    """How a page reads the kept rows: with `stale` entrants counted live beside them (exact), or, when they
    are not current (`as_of` set: counted with other windows, or too many entrants changed since), as they were
    counted then, until the worker counts them again: a page never waits on that count."""

    stale: list[int]
    as_of: datetime | None
    sums: list[tuple[int, int, int]] = field(default_factory=list, compare=False)  # (criterion id, bits, entrants)


def kept_stale(rubric: ContestPeriod, key: str) -> Kept | None:
    """How the kept rows are to be read, or None when they were never counted (nothing to read: every sending
    is counted). 1 query, 2 when they are current."""
    kept = RoundsKept.objects.filter(rubric=rubric).values_list("windows", "counted_at", "sums").first()
    if kept is None or kept[1] is None:
        return None
    windows, counted_at, sums = kept
    sums = [(c, m, n) for c, m, n in sums]
    if not key or windows != key:
        return Kept([], counted_at, sums)
    stale = list(_stale(rubric).values_list("unit_id", flat=True)[: STALE_MOST + 1])
    return Kept([], counted_at, sums) if len(stale) > STALE_MOST else Kept(stale, None, sums)


def few_to_count_live(rubric: ContestPeriod) -> bool:
    """Whether a page may count every sending of a year whose rounds were never counted: at most `STALE_MOST`
    entrants, the most it counts live beside the kept rows. A larger contest waits for the worker's first count
    (`rounds_keep`): counted live, 75,000 villages' 2.7 million sendings took a page a second. 1 query, reading
    at most `STALE_MOST` + 1 of the year's entrants from an index."""
    return Standing.objects.filter(rubric=rubric).order_by()[: STALE_MOST + 1].count() <= STALE_MOST


def windows_forget(rubric: ContestPeriod) -> None:
    """Scoring's `entrants_left` heard (registered by ScheduleConfig.ready): the sums still count the entrants whose
    rows left, so every entrant is counted again (the windows kept match no year's), in the caller's transaction."""
    RoundsKept.objects.filter(rubric=rubric).update(windows="")


@transaction.atomic
def rounds_keep(*, rubric_id: int) -> int:
    """Counts again the kept rounds that are not current: every entrant's when the year's windows are not
    those kept (or more entrants are stale than a page counts live), else the stale entrants'; and the rows'
    sums by criterion and bits (`RoundsKept.sums`). A row is written only where its bits changed: after a mark
    of everyone (a full recompute) that sent nothing new, nothing is. Serialised per year by a lock on its
    `RoundsKept` row; how many entrants were counted."""
    rubric = ContestPeriod.objects.filter(pk=rubric_id).first()
    if rubric is None:
        return 0
    _criteria_held(rubric)
    RoundsKept.objects.get_or_create(rubric=rubric)
    kept = RoundsKept.objects.select_for_update().get(rubric=rubric)
    contest = ContestSchedule(rubric, None)
    ids = {code: pk for pk, code in criterion_codes(rubric).items()}
    key = windows_key(contest, ids)
    every = kept.windows != key or kept.counted_at is None
    entrants = Standing.objects.filter(rubric=rubric).order_by() if every else _stale(rubric)
    stale = list(entrants.values_list("pk", "unit_id", "change_seq"))  # the marks before what was sent
    if not key or not (stale or every):
        return 0
    everyone = every or len(stale) > STALE_MOST  # then one count of every sending, not thousands of ids asked
    rows = EntrantRounds.objects.filter(rubric=rubric)
    if every:  # a criterion no longer scored (archived) keeps no rows
        rows.exclude(criterion_id__in=list(ids.values())).delete()
    mine = rows if everyone else EntrantRounds.objects.filter(standing_id__in=[pk for pk, _, _ in stale])
    before = {} if everyone else _summed(mine)
    if stale:
        _write(rubric, contest, ids, None if everyone else [unit for _, unit, _ in stale])
        _marked([(pk, seq) for pk, _, seq in stale])
    if everyone:
        sums = Counter(_summed(rows))
    else:  # what the recounted entrants' rows held, moved to what they hold now
        sums = Counter({(c, m): n for c, m, n in kept.sums})
        sums.update(_summed(mine))
        sums.subtract(before)
    kept.sums = sorted([c, m, n] for (c, m), n in sums.items() if n > 0)
    kept.windows, kept.counted_at = key, timezone.now()
    kept.save(update_fields=["windows", "counted_at", "sums"])
    return len(stale)


def _criteria_held(rubric: ContestPeriod) -> None:
    """The year's criteria held against a change (`FOR KEY SHARE`) before anything else. The rows written name
    their criterion, a key PostgreSQL checks at the commit: a deadline move holds its criterion
    (`rubrics.timetable`) and then marks every entrant, so a count that took the criterion only at its commit,
    holding the entrants it marked, deadlocked with it (as it could with a change that holds the criteria and
    then this year's `RoundsKept`, `rubrics.hooks.results_ensure`). Now the count waits for such a change
    before it holds anything, and a change waits for the count's commit: one order."""
    if connection.vendor != "postgresql":
        return
    table = connection.ops.quote_name(Criterion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE rubric_id = %s ORDER BY id FOR KEY SHARE", [rubric.pk])


def _marked(rows: list[tuple[int, int]]) -> None:
    """Each counted entrant's mark (`Standing.rounds_seq`) set to the change mark its rows were counted at. A
    recompute and the explanation pass write the standings' rows too, in their own order: on PostgreSQL a row
    another holds is passed by (`SKIP LOCKED`) rather than waited for, so they never wait on each other or
    deadlock, and marked again once the holder commits (a part of the texts holds its rows for under a second;
    `HELD_PAUSES`). One still held past those stays stale, to be counted live by a page and again by the next
    count."""
    if connection.vendor != "postgresql":
        bulk.update_values(Standing, ["rounds_seq"], rows)
        return
    written_once_free(_marked_unless_held, rows)


def _marked_unless_held(rows: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """`_marked`'s rows marked on PostgreSQL but those another holds: how many were, and those passed by."""
    table = connection.ops.quote_name(Standing._meta.db_table)
    ids = [pk for pk, _ in rows]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} s SET rounds_seq = v.seq FROM UNNEST(%s::bigint[], %s::bigint[]) AS v(id, seq)"
            f" WHERE s.id = v.id AND s.id IN"
            f" (SELECT id FROM {table} WHERE id = ANY(%s::bigint[]) FOR UPDATE SKIP LOCKED) RETURNING s.id",
            [ids, [seq for _, seq in rows], ids],
        )
        marked = {pk for (pk,) in cursor.fetchall()}
    return len(marked), [row for row in rows if row[0] not in marked]


def _summed(rows: QuerySet) -> dict[tuple[int, int], int]:
    """The rows counted by (criterion id, bits met)."""
    summed = rows.order_by().values_list("criterion_id", "met").annotate(n=Count("*"))
    return {(c, m): n for c, m, n in summed}


def _write(rubric: ContestPeriod, contest: ContestSchedule, ids: dict[str, int], units: list[int] | None) -> None:
    """Every entrant's (of `units`, or all) row for every criterion: the bits of the rounds one of its
    sendings falls in (one statement), inserted, or updated where its bits or code changed. The rounds met
    are counted once (`MATERIALIZED`), then joined to every entrant and criterion: inlined, the count was run
    again for each of them. On PostgreSQL a count of everyone sorts in memory (its default work_mem spilled 7,255
    entrants' 261,000 sendings to disk) and joins by hashes (its estimate of the sendings, a union filtered by
    expressions, is off by thousands: a loop chosen on it runs for seconds)."""
    params: list = []
    values = []
    for rounds in contest.dues:
        for r, (after, until) in zip(rounds, round_windows([r.due for r in rounds]), strict=True):
            values.append("(%s, %s, %s, %s)")
            params += [ids[r.criterion.code], bit(r), after or date.min, until or date.max]
    sent_sql, more = sent_union(rubric, contest, set(ids), units)
    params += more
    table, standing, unit = EntrantRounds._meta.db_table, Standing._meta.db_table, Unit._meta.db_table
    chosen = f"AND st.province_id IN ({', '.join(['%s'] * len(units))})" if units else ""
    criteria = ", ".join(["%s"] * len(ids))
    params += [*ids.values(), rubric.pk, *(units or [])]
    columns = "(standing_id, rubric_id, criterion_id, unit_id, code, met)"
    counted = f"""
        windows(criterion_id, bit, after, until) AS (VALUES {", ".join(values)}),
        met(unit_id, criterion_id, met) AS MATERIALIZED (
            SELECT s.sent_unit, w.criterion_id, {_bits_met("w.bit")} FROM ({sent_sql}) s
            JOIN windows w ON {meets("s", "w")}
            GROUP BY s.sent_unit, w.criterion_id
        )"""
    rows = f"""
        SELECT st.id, st.rubric_id, c.criterion_id, st.province_id, u.code, COALESCE(m.met, 0)
        FROM {standing} st JOIN {unit} u ON u.id = st.province_id
        CROSS JOIN (SELECT DISTINCT criterion_id FROM windows WHERE criterion_id IN ({criteria})) c
        LEFT JOIN met m ON m.unit_id = st.province_id AND m.criterion_id = c.criterion_id
        WHERE st.rubric_id = %s {chosen}"""
    upsert = f"""
        ON CONFLICT (standing_id, criterion_id) DO UPDATE SET met = excluded.met, code = excluded.code
        WHERE {table}.met <> excluded.met OR {table}.code <> excluded.code"""
    sql = f"INSERT INTO {table} {columns} WITH {counted} {rows} {upsert}"
    if connection.vendor == "postgresql" and units is None:  # a few entrants' rows are found by their indexes
        # Everyone's rows (1.5 million at 75,000 villages): an upsert of each locks it and finds it by the index
        # before it can tell its bits are the same (10.6 s); joined to the counted rows by hashes, only the rows
        # whose bits changed are updated and only the missing inserted (7.1 s), in one statement.
        sql = f"""
            SET LOCAL work_mem = '64MB'; SET LOCAL enable_nestloop = off; SET LOCAL jit = off;
            WITH {counted},
            fresh{columns} AS MATERIALIZED ({rows}),
            changed AS (
                UPDATE {table} e SET met = f.met, code = f.code FROM fresh f
                WHERE e.standing_id = f.standing_id AND e.criterion_id = f.criterion_id
                AND (e.met <> f.met OR e.code <> f.code)
            )
            INSERT INTO {table} {columns} SELECT * FROM fresh f WHERE NOT EXISTS (
                SELECT 1 FROM {table} e WHERE e.standing_id = f.standing_id AND e.criterion_id = f.criterion_id
            ) {upsert}
        """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _bits_met(bit: str) -> str:
    """The SQL of the rounds met by a group's sendings, each naming its round's `bit`: PostgreSQL ORs them
    (BIT_OR: 5.2-5.3 s rather than 5.9-6.1 s for 2.7 million sendings of 75,000 villages, whose SUM(DISTINCT …)
    sorted within every group); SQLite has no such aggregate and sums the distinct ones, each a power of two:
    the same number."""
    return f"BIT_OR({bit})" if connection.vendor == "postgresql" else f"SUM(DISTINCT {bit})"


def sent_union(
    rubric: ContestPeriod, contest: ContestSchedule, codes: set[str], units: Iterable[int] | None
) -> tuple[str, list]:
    """`sendings.sent_days` of the criteria `codes` (of the entrants `units`, or all) as one SQL text with its
    parameters: rows of `sent_unit`, `sent_criterion`, `sent_day`, `sent_round`."""
    params: list = []
    sent: list[str] = []
    chosen = list(units) if units is not None else None
    nothing = (
        "SELECT 0 AS sent_unit, 0 AS sent_criterion, CAST(NULL AS DATE) AS sent_day,"
        " CAST(NULL AS INTEGER) AS sent_round WHERE 1 = 0"
    )
    if chosen == []:
        return nothing, []
    for part in sent_days(rubric, contest.spec, codes, chosen):
        if chosen is not None:
            part = part.filter(sent_unit__in=chosen)
        sql, more = part.values_list("sent_unit", "sent_criterion", "sent_day", "sent_round").query.sql_with_params()
        sent.append(f"SELECT * FROM ({sql}) s{len(sent)}")
        params += more
    return " UNION ALL ".join(sent) or nothing, params
