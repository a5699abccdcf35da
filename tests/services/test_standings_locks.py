"""Who waits for whom while the standings are written: a mark, a recompute's writing and the explanation pass
never hold each other's rows in opposite orders (scoring.ranking.standings_write_lock)."""

import threading

import psycopg2
import pytest
from django.db import connection, transaction

from rubrics.models import Rubric
from scoring.explanations import explanations_build
from scoring.models import Standing
from scoring.recompute import results_mark_dirty, standings_recompute

from .conftest import wait_for

pytestmark = pytest.mark.service


def blocked_on(pid: int) -> list[tuple[int, str]]:
    """The backends `pid` blocks, each with the kind of lock it waits for."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.pid, l.locktype FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted"
            " WHERE %s = ANY(pg_blocking_pids(a.pid))",
            [pid],
        )
        return cursor.fetchall()


def test_a_recompute_writes_only_after_a_mark_commits_and_holds_no_entrant_meanwhile(services_up):
    rubric = Rubric.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)
    done: list = []

    def recompute() -> None:
        try:
            done.append(standings_recompute(rubric_id=rubric.pk, full=True))
        finally:
            connection.close()

    with transaction.atomic():
        results_mark_dirty(rubric_id=rubric.pk)  # every entrant's row now held until this commits
        marker = connection.connection.get_backend_pid()
        thread = threading.Thread(target=recompute)
        thread.start()
        wait_for(lambda: blocked_on(marker) != [])
        # It waits for the year, taking no row: holding some while waiting for the mark's, as it did, deadlocked.
        assert [kind for _, kind in blocked_on(marker)] == ["advisory"]
    thread.join(timeout=30)
    assert done == [76]


def test_the_explanation_pass_passes_by_a_held_entrant_and_waits_for_none(services_up):
    rubric = Rubric.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)
    held = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    db = connection.settings_dict
    other = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    try:
        with other.cursor() as cursor:  # a mark or a recompute in the middle of writing it
            cursor.execute("SELECT id FROM scoring_provinceresult WHERE id = %s FOR NO KEY UPDATE", [held.pk])
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '5s'")  # a wait would fail the pass, not hang the test
        assert explanations_build(rubric_id=rubric.pk) == 75
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    unexplained = Standing.objects.filter(rubric=rubric, explained=False)
    assert list(unexplained.values_list("unit__code", flat=True)) == ["TH-50"]
