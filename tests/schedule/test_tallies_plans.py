"""On PostgreSQL, the rounds' counts of central's dashboard and missing list (`schedule.tallies`) are planned
without a nested loop whose both sides grow with the entrants: what made the dashboard 60–100 times slower at
7,255 entrants, and what no count of queries shows. The rows are those of a village contest
(tests/scale/contest.py) with the planner's statistics taken, as production's autovacuum takes them."""

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests.models import ChosenEntrant, Unit
from nominees.models import Nominee
from schedule.models import EntrantRounds
from scoring.models import Fact, Standing
from scoring.recompute import results_mark_dirty
from submissions.models import Evidence, Submission
from tests.scale.contest import on_the_day, scaled_contest

pytestmark = [
    pytest.mark.pg,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans: `make test-services`"),
]
ENTRANTS = 200
# The tables whose rows grow with the entrants: the entrants, their units and places on the list, what they sent,
# the rounds kept for them.
GROWING = {
    m._meta.db_table for m in (Standing, Unit, ChosenEntrant, Submission, Evidence, Fact, Nominee, EntrantRounds)
}
FEW = ENTRANTS // 4  # rows a side of a loop may give and still not be "the entrants" (a page, the stale few)
SETTINGS = "SET LOCAL enable_nestloop = off; SET LOCAL jit = off; "  # as `schedule.tallies._fetch` sends them


def _nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def _loops_over_entrants(plan: dict) -> list[str]:
    """Each Nested Loop node that runs more than `FEW` times over rows that grow with the entrants (its outer
    side's rows: the actual rows of a loop times its loops) and reads more than `FEW` rows that grow with them
    each time (its inner side's rows read, filtered out or handed on, by every scan and materialised set under
    it, and the pairs its own join filter threw away, over its outer rows): a loop over entrants inside a loop
    over entrants or what they sent, whose work grows with their square. A loop with a side of a few rows (the
    rounds' windows, the stale entrants, one row looked up by its key for each of a page's) grows with the
    entrants at most once, and passes. "Grow with the entrants": the side reads a `GROWING` table, or a CTE made
    from one."""
    ctes = {}
    for node in _nodes(plan):
        if node.get("Subplan Name", "").startswith("CTE "):
            ctes[node["Subplan Name"].removeprefix("CTE ")] = node

    def grows(node: dict, seen: frozenset = frozenset()) -> bool:
        for n in _nodes(node):
            if n.get("Relation Name") in GROWING:
                return True
            name = n.get("CTE Name")
            if name in ctes and name not in seen and grows(ctes[name], seen | {name}):
                return True
        return False

    def read(node: dict) -> int:
        return sum(
            (n["Actual Rows"] + n.get("Rows Removed by Filter", 0) + n.get("Rows Removed by Index Recheck", 0))
            * n["Actual Loops"]
            for n in _nodes(node)
            if n["Node Type"].endswith("Scan") or n["Node Type"] in ("Materialize", "Memoize")
        )

    found = []
    for node in _nodes(plan):
        if node["Node Type"] != "Nested Loop":
            continue
        sides = {side["Parent Relationship"]: side for side in node["Plans"]}
        outer, inner = sides["Outer"], sides["Inner"]
        runs = outer["Actual Rows"] * outer["Actual Loops"]
        each = (read(inner) + node.get("Rows Removed by Join Filter", 0)) / max(runs, 1)
        if runs > FEW and each > FEW and grows(outer) and grows(inner):
            found.append(f"{runs} loops over {outer['Node Type']}, {each:.0f} rows each from {inner['Node Type']}")
    return found


def _counts(client, url: str) -> list[tuple[str, dict]]:
    """Each statement of the rounds' counts (`schedule.tallies`) a request for `url` runs: its text and its plan as
    run (EXPLAIN ANALYZE) with the settings it is sent with, and no other (the test's one transaction would
    otherwise keep what an earlier statement set for its own)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    plans = []
    for query in captured.captured_queries:
        sql, settings = query["sql"], "RESET enable_nestloop; RESET jit; "
        if sql.startswith(SETTINGS):
            settings, sql = SETTINGS, sql.removeprefix(SETTINGS)
        if "WITH windows(" not in sql:
            continue
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(f"{settings}EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
            (found,) = cursor.fetchone()
        plans.append((sql, (json.loads(found) if isinstance(found, str) else found)[0]["Plan"]))
    return plans


@pytest.mark.parametrize("kept", [True, False], ids=["rounds kept, two entrants stale", "never counted"])
@pytest.mark.parametrize("view", ["schedule:dashboard", "schedule:missing"])
def test_the_rounds_counted_for_central_s_pages_are_planned_without_a_loop_over_entrants_inside_another(
    client, monkeypatch, kept, view
):
    on_the_day(monkeypatch)
    scaled = scaled_contest(ENTRANTS, kept=kept)
    if kept:  # sent since: counted live beside the kept rows, in the same statement
        results_mark_dirty(rubric_id=scaled.rubric.pk, unit_ids=scaled.units[3:5])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(sorted(GROWING))}")
    client.force_login(scaled.sender)
    plans = _counts(client, reverse(view, args=[scaled.key]))
    assert plans, "the rounds were not counted in the database"
    assert {sql[:120]: found for sql, plan in plans if (found := _loops_over_entrants(plan))} == {}
