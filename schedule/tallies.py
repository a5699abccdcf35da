"""A contest's rounds counted: for each round of each criterion, how many entrants owe it, met it or are
late, with a page of the owing ones (central's dashboard, "due soon", and the missing list, by round)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db import connection
from django.db.models import F, QuerySet

from scoring.models import Rubric, Standing
from scoring.selectors import criterion_codes

from .contest import ContestSchedule, DueRound, within
from .obligations import Obligation, round_windows
from .sendings import sent_days
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

    @property
    def more(self) -> int:
        return self.owed - len(self.shown)


def round_tallies(
    rubric: Rubric,
    *,
    criteria: Iterable[str] | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    shown: int = 30,
    offset: int = 0,
    today: date | None = None,
) -> list[RoundTally]:
    """Each round (of the criteria asked, falling due in the window) with its entrants counted by state and
    the owing ones listed from `offset`, `shown` of them, by unit code: central's dashboard ("due soon") and
    the missing list, by round. In rubric order, each criterion's rounds in due order.

    Counted in the database, whatever the number of entrants: an entrant met a round when one of its
    sendings (`sendings.sent_days`: what `sendings` reads) falls in the round's window (`round_windows`, the
    rule `rounds_met` applies to one entrant). A round not met stands as it does for an entrant that sent
    nothing, so the owing ones shown are made from that standing. 4 queries (the moves, frozen or not, the
    receipts' days, the counts with each round's page of names), 3 when no criterion takes a receipt."""
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
                windows.append(Window(ids[r.criterion.code], after, until, stand.state in OWING))
    if not counted:
        return []
    parts = sent_days(rubric, contest.spec, {rounds[0].criterion.code for rounds in chosen})
    entrants, met, names = _count(rubric, windows, parts, offset=offset, shown=shown)
    for n, (tally, rounds, place) in enumerate(counted):
        tally.met = met.get(n, 0)
        unsent = contest.shared(rounds).unsent
        if windows[n].owed:
            tally.owed = entrants - tally.met
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


def _count(
    rubric: Rubric,
    windows: list[Window],
    parts: list[QuerySet],
    *,
    offset: int,
    shown: int,
) -> tuple[int, dict[int, int], dict[int, list[tuple[int, str]]]]:
    """The contest's entrants, how many met each window (by its place in `windows`), and each owed window's
    entrants that did not meet it, by unit code, from `offset`, `shown` of them: one statement, over the
    sendings `parts` give (`sendings.sent_days`)."""
    params: list = []
    values = []
    for n, (criterion, after, until, owed) in enumerate(windows):
        values.append("(%s, %s, %s, %s, %s)")
        params += [n, criterion, after or date.min, until or date.max, int(owed)]
    rows = Standing.objects.filter(rubric=rubric).order_by().annotate(entrant=F("unit_id"), code=F("unit__code"))
    entrants_sql, more = rows.values_list("entrant", "code").query.sql_with_params()
    params += more
    sent: list[str] = []
    for part in parts:
        sql, more = part.values_list("sent_unit", "sent_criterion", "sent_day").query.sql_with_params()
        sent.append(f"SELECT * FROM ({sql}) s{len(sent)}")
        params += more
    nothing = "SELECT 0 AS sent_unit, 0 AS sent_criterion, CAST(NULL AS DATE) AS sent_day WHERE 1 = 0"
    sent_sql = " UNION ALL ".join(sent) or nothing
    params += [offset, offset + shown]
    sql = f"""
        WITH windows(n, criterion_id, after, until, owed) AS (VALUES {", ".join(values)}),
        entrants(unit_id, code, place) AS (
            SELECT e.entrant, e.code, ROW_NUMBER() OVER (ORDER BY e.code) FROM ({entrants_sql}) e
        ),
        met(n, unit_id) AS (
            SELECT w.n, s.sent_unit FROM ({sent_sql}) s
            JOIN windows w ON w.criterion_id = s.sent_criterion AND s.sent_day > w.after AND s.sent_day <= w.until
            WHERE s.sent_unit IN (SELECT unit_id FROM entrants)
            GROUP BY w.n, s.sent_unit
        ),
        unmet(n, unit_id, code, place) AS (
            SELECT w.n, e.unit_id, e.code, ROW_NUMBER() OVER (PARTITION BY w.n ORDER BY e.place)
            FROM windows w CROSS JOIN entrants e
            LEFT JOIN met m ON m.n = w.n AND m.unit_id = e.unit_id
            WHERE w.owed = 1 AND m.n IS NULL
        )
        SELECT n, unit_id, code, place FROM unmet WHERE place > %s AND place <= %s
        UNION ALL SELECT n, NULL, NULL, COUNT(*) FROM met GROUP BY n
        UNION ALL SELECT -1, NULL, NULL, COUNT(*) FROM entrants
    """
    entrants, met = 0, {}
    names: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # by the page's place: (place, id, code)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for n, unit_id, code, count in cursor.fetchall():
            if n == -1:
                entrants = count
            elif unit_id is None:
                met[n] = count
            else:
                names[n].append((count, unit_id, code))
    return entrants, met, {n: [(u, c) for _, u, c in sorted(rows)] for n, rows in names.items()}
