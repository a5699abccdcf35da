"""A contest's rounds counted: for each round of each criterion, how many entrants owe it, met it or are
late, with a page of the owing ones (central's dashboard, "due soon", and the missing list, by round)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import F

from contests.models import Unit
from rubrics.models import ContestPeriod
from rubrics.selectors import criterion_codes
from scoring.models import Standing

from .contest import ContestSchedule, DueRound, within
from .kept import Kept, bit, few_to_count_live, kept_stale, meets, sent_union, windows_key
from .models import EntrantRounds
from .obligations import Obligation, round_windows
from .states import ObligationState

OWING = (ObligationState.OPEN, ObligationState.LATE)


@dataclass
class RoundTally:
    """One round of one criterion across a contest's entrants: how many owe it (open or late), met it, are
    late, and the owing entrants' obligations shown (`shown`, by unit code: one page of them)."""

    round: DueRound
    owed: int = 0
    met: int = 0
    late: int = 0
    shown: list[Obligation] = field(default_factory=list)
    as_of: datetime | None = None  # counted then, not now: the kept rows were not current (`schedule.kept.Kept`)
    uncounted: bool = False  # not counted at all: a large contest's rounds before the worker's first count

    @property
    def more(self) -> int:
        return self.owed - len(self.shown)


def round_tallies(
    rubric: ContestPeriod,
    *,
    criteria: Iterable[str] | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    shown: int = 30,
    offset: int = 0,
    today: date | None = None,
    live_when_uncounted: bool = False,
) -> list[RoundTally]:
    """Each round (of the criteria asked, falling due in the window) with its entrants counted by state and
    the owing ones listed from `offset`, `shown` of them, by unit code: central's dashboard ("due soon") and
    the missing list, by round. In rubric order, each criterion's rounds in due order.

    Counted in the database, whatever the number of entrants: an entrant met a round when one of its
    sendings (`sendings.sent_days`: what `sendings` reads) falls in the round's window (`round_windows`, the
    rule `rounds_met` applies to one entrant). A round not met stands as it does for an entrant that sent
    nothing, so the owing ones shown are made from that standing. 4 queries (the moves, frozen or not, the
    receipts' days, the counts with each round's page of names), 3 when no criterion takes a receipt.

    While the rounds were never counted (no kept rows: a year's first minutes, or the worker down since), a
    contest of more entrants than a page counts live (`kept.few_to_count_live`) is not counted: each tally comes
    `uncounted`, with nothing owed, met or shown (4 queries: the moves, frozen or not, the kept rows, the
    entrants), and the page says the rounds are being counted. `live_when_uncounted`: counted live even then,
    for a task that must be exact (reminding the late), never for a page."""
    contest = ContestSchedule(rubric, today)
    chosen = contest.chosen(criteria, due_from, due_to)
    ids = {code: pk for pk, code in criterion_codes(rubric).items()}
    counted: list[tuple[RoundTally, list[DueRound], int]] = []  # each tally, its criterion's rounds, its place
    windows: list[Window] = []
    for rounds in chosen:
        unsent = contest.shared(rounds).unsent  # where a round not met stands
        spans = round_windows([r.due for r in rounds])
        for place, (r, (after, until), stand) in enumerate(zip(rounds, spans, unsent, strict=True)):
            if not (due_from or due_to) or within(r.due, due_from, due_to):
                counted.append((RoundTally(r), rounds, place))
                windows.append(Window(ids[r.criterion.code], after, until, stand.state in OWING, bit(r)))
    if not counted:
        return []
    codes = {rounds[0].criterion.code for rounds in chosen}
    kept = kept_stale(rubric, windows_key(contest, ids))
    if kept is None and not live_when_uncounted and not few_to_count_live(rubric):
        for tally, _, _ in counted:
            tally.uncounted = True
        return [tally for tally, _, _ in counted]
    if kept is None:  # never counted, and few enough entrants (or a task's exact count): every sending counted
        entrants, met, names = _count(rubric, contest, windows, codes, offset=offset, shown=shown)
    else:
        entrants, met, names = _count_kept(rubric, contest, windows, codes, kept, offset=offset, shown=shown)
    for n, (tally, rounds, place) in enumerate(counted):
        tally.met = met.get(n, 0)
        tally.as_of = kept.as_of if kept is not None else None
        unsent = contest.shared(rounds).unsent
        if windows[n].owed:
            tally.owed = entrants.get(windows[n].criterion_id, 0) - tally.met
            tally.late = tally.owed if unsent[place].state == ObligationState.LATE else 0
            tally.shown = [contest.made(unit_id, code, rounds, unsent)[place] for unit_id, code in names.get(n, [])]
    return [tally for tally, _, _ in counted]


class Window(NamedTuple):
    """A round's window in the database's terms: met by a sending of criterion `criterion_id` after `after`
    and by `until` (None: no bound); `owed` when an entrant that did not meet it owes it (open or late)."""

    criterion_id: int
    after: date | None
    until: date | None
    owed: bool
    bit: int  # the round's bit in the kept rows (`schedule.kept.bit`)


def _count(
    rubric: ContestPeriod,
    contest: ContestSchedule,
    windows: list[Window],
    codes: set[str],
    *,
    offset: int,
    shown: int,
) -> tuple[dict[int, int], dict[int, int], dict[int, list[tuple[int, str]]]]:
    """The contest's entrants (by criterion id: all alike), how many met each window (by its place in
    `windows`), and each owed window's entrants that did not meet it, by unit code, from `offset`, `shown` of
    them: one statement, over the criteria `codes` sent (`sendings.sent_days`). An entrant did not meet a window
    when no row of `met` says so (NOT EXISTS): SQLite then looks `met` up by an index it builds, where for the
    same anti-join written `LEFT JOIN … IS NULL` it read every row of `met` for each entrant and window (the
    dashboard 137 ms at 200 entrants, 2.4 s at 2,000); PostgreSQL plans both as one anti-join."""
    values, params = _windows(windows)
    rows = Standing.objects.filter(rubric=rubric).order_by().annotate(entrant=F("unit_id"), code=F("unit__code"))
    entrants_sql, selected = rows.values_list("entrant", "code").query.sql_with_params()
    params += selected
    sent_sql, sent = sent_union(rubric, contest, codes, None)
    params += sent
    params += [offset, offset + shown]
    sql = f"""
        WITH windows(n, criterion_id, after, until, owed, bit) AS (VALUES {values}),
        entrants(unit_id, code, place) AS (
            SELECT e.entrant, e.code, ROW_NUMBER() OVER (ORDER BY e.code) FROM ({entrants_sql}) e
        ),
        met(n, unit_id) AS (
            SELECT w.n, s.sent_unit FROM ({sent_sql}) s
            JOIN windows w ON {meets("s", "w")}
            WHERE s.sent_unit IN (SELECT unit_id FROM entrants)
            GROUP BY w.n, s.sent_unit
        ),
        unmet(n, unit_id, code, place) AS (
            SELECT w.n, e.unit_id, e.code, ROW_NUMBER() OVER (PARTITION BY w.n ORDER BY e.place)
            FROM windows w CROSS JOIN entrants e
            WHERE w.owed = 1 AND NOT EXISTS (SELECT 1 FROM met m WHERE m.n = w.n AND m.unit_id = e.unit_id)
        )
        SELECT n, unit_id, code, place FROM unmet WHERE place > %s AND place <= %s
        UNION ALL SELECT n, NULL, NULL, COUNT(*) FROM met GROUP BY n
        UNION ALL SELECT -1, NULL, NULL, COUNT(*) FROM entrants
    """
    entrants, met = 0, {}
    names: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # by the page's place: (place, id, code)
    for n, unit_id, code, count in _fetch(sql, params):
        if n == -1:
            entrants = count
        elif unit_id is None:
            met[n] = count
        else:
            names[n].append((count, unit_id, code))
    counted = dict.fromkeys({w.criterion_id for w in windows}, entrants)
    return counted, met, {n: [(u, c) for _, u, c in sorted(rows)] for n, rows in names.items()}


def _count_kept(
    rubric: ContestPeriod,
    contest: ContestSchedule,
    windows: list[Window],
    codes: set[str],
    kept: Kept,
    *,
    offset: int,
    shown: int,
) -> tuple[dict[int, int], dict[int, int], dict[int, list[tuple[int, str]]]]:
    """What `_count` gives, read from the kept rows (`schedule.kept`). The counts come from the rows' sums by
    criterion and bits (`RoundsKept.sums`, read with the windows: a few hundred numbers, whatever the number of
    entrants), less the `kept.stale` entrants' kept rows, plus those entrants' sendings counted live. Each owed
    window's page is the kept rows of its criterion without its bit, by code (an index's order: the scan stops at
    the page's end), merged with the stale entrants that did not meet it; a window no kept row owes asks no page.
    When the rows are not current (`kept.as_of`), they are read as they were counted: no entrant counted live,
    and the entrants those that were counted; else they are those counted and the stale ones no row counts yet
    (never a count of every entrant). "Without its bit" is written `met & bit <> bit`: the planner took
    `= 0` of an expression for a rare match and sorted every row of the criterion rather than read the index in
    order. 1 query; none when no entrant is counted live and no kept row owes a round asked."""
    rows = kept.sums
    counted: dict[int, int] = defaultdict(int)  # criterion id → the entrants its kept rows stand for
    for criterion, _, n in rows:
        counted[criterion] += n
    met = defaultdict[int, int](int)
    for n, w in enumerate(windows):
        met[n] = sum(e for c, m, e in rows if c == w.criterion_id and m & w.bit)
    stale, live = kept.stale, kept.as_of is None
    out = [-1, *stale]  # -1: no unit, so that the lists are never empty
    marks = ", ".join(["%s"] * len(out))
    table, standing, unit = EntrantRounds._meta.db_table, Standing._meta.db_table, Unit._meta.db_table
    values, params = _windows(windows)
    parts: list[str] = []
    if live:
        sent_sql, more = sent_union(rubric, contest, codes, stale)
        params += [rubric.pk, *out, *more, rubric.pk, *out, rubric.pk]  # the CTEs' (stale, live), then the parts'
        parts += [
            "SELECT w.n, e.unit_id, e.code, 0 FROM windows w CROSS JOIN stale e WHERE w.owed = 1"
            " AND NOT EXISTS (SELECT 1 FROM live l WHERE l.n = w.n AND l.unit_id = e.unit_id)",
            f"SELECT w.n, NULL, NULL, -COUNT(*) FROM {table} r JOIN windows w ON w.criterion_id = r.criterion_id"
            f" AND (r.met & w.bit) <> 0 WHERE r.rubric_id = %s AND r.unit_id IN ({marks}) GROUP BY w.n",
            "SELECT n, NULL, NULL, COUNT(*) FROM live GROUP BY n",
            # The stale entrants no kept row counts yet (joined since the last count): the others are in the sums.
            f"SELECT -1, NULL, NULL, COUNT(*) FROM stale e WHERE NOT EXISTS"
            f" (SELECT 1 FROM {table} r WHERE r.rubric_id = %s AND r.unit_id = e.unit_id)",
        ]
    for n, w in enumerate(windows):
        if w.owed and counted[w.criterion_id] > met[n]:
            parts.append(
                f"SELECT * FROM (SELECT {n} AS n, r.unit_id, r.code, 0 FROM {table} r WHERE r.rubric_id = %s"
                f" AND r.criterion_id = %s AND (r.met & %s) <> %s AND r.unit_id NOT IN ({marks})"
                f" ORDER BY r.code LIMIT %s) p{n}"
            )
            params += [rubric.pk, w.criterion_id, w.bit, w.bit, *out, offset + shown]
    entrants = dict(counted)
    names: dict[int, list[tuple[str, int]]] = defaultdict(list)
    if parts:
        ctes = f"WITH windows(n, criterion_id, after, until, owed, bit) AS (VALUES {values})"
        if live:
            ctes += f""",
            stale(unit_id, code) AS MATERIALIZED (
                SELECT st.province_id, u.code FROM {standing} st JOIN {unit} u ON u.id = st.province_id
                WHERE st.rubric_id = %s AND st.province_id IN ({marks})
            ),
            live(n, unit_id) AS MATERIALIZED (
                SELECT w.n, s.sent_unit FROM ({sent_sql}) s
                JOIN windows w ON {meets("s", "w")}
                WHERE s.sent_unit IN (SELECT unit_id FROM stale)
                GROUP BY w.n, s.sent_unit
            )"""
        for n, unit_id, code, count in _fetch(f"{ctes} " + " UNION ALL ".join(parts), params):
            if n == -1:
                entrants = {c: counted.get(c, 0) + count for c in counted.keys() | {w.criterion_id for w in windows}}
            elif unit_id is None:
                met[n] += count
            else:
                names[n].append((code, unit_id))
    return entrants, met, {n: [(u, c) for c, u in sorted(rows)[offset : offset + shown]] for n, rows in names.items()}


def _fetch(sql: str, params: list) -> list[tuple]:
    """The statement's rows, planned without nested loops on PostgreSQL: its estimates of the sendings (a
    union of uploads, facts and receipts, filtered by expressions) are off by thousands, and a loop it then
    chose over entrants × sendings took seconds where hash joins take milliseconds. Where a loop is the only
    plan (a few stale entrants), its cost as disabled would set off the JIT's compiling (hundreds of ms): off
    too. The settings are the statement's transaction's (requests run in autocommit: a transaction of its
    own), sent with it in one call."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = off; SET LOCAL jit = off; " + sql, params)
        return cursor.fetchall()


def _windows(windows: list[Window]) -> tuple[str, list]:
    """The windows as a `VALUES` list (n, criterion_id, after, until, owed, bit), with their parameters."""
    params: list = []
    values = []
    for n, (criterion, after, until, owed, flag) in enumerate(windows):
        values.append("(%s, %s, %s, %s, %s, %s)")
        params += [n, criterion, after or date.min, until or date.max, int(owed), flag]
    return ", ".join(values), params
