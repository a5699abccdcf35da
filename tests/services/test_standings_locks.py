"""Who waits for whom while the standings are written: a mark, a recompute's writing, the explanation pass and
the rounds' count never hold each other's rows in opposite orders (scoring.ranking.standings_write_lock), and
the pass and the count, which pass a held row by, write it once its holder commits (scoring.ranking.HELD_PAUSES)."""

import threading

import psycopg2
import pytest
from django.db import connection, transaction
from django.db.models import F

from rubrics.models import ContestPeriod
from schedule.kept import rounds_keep
from schedule.models import EntrantRounds, RoundsKept
from scoring import demo
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
    rubric = ContestPeriod.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)
    pids: list[int] = []
    done: list = []

    def recompute() -> None:
        try:
            connection.ensure_connection()
            pids.append(connection.connection.get_backend_pid())
            done.append(standings_recompute(rubric_id=rubric.pk, full=True))
        except Exception as error:  # shown by the assertion below rather than lost with the thread
            done.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        results_mark_dirty(rubric_id=rubric.pk)  # every entrant's row now held until this commits
        marker = connection.connection.get_backend_pid()
        thread = threading.Thread(target=recompute)
        thread.start()
        wait_for(lambda: (pids and waits_of(pids[0])) or not thread.is_alive())
        # It waits for the mark's year, taking no row: holding some while waiting for the mark's, as it did,
        # deadlocked.
        assert waits_of(pids[0]) == [("advisory", [marker])], (done, activity())
    thread.join(timeout=30)
    assert done == [76]


def waits_of(pid: int) -> list[tuple[str, list[int]]]:
    """What backend `pid` waits for: each lock's kind, and who holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT locktype, pg_blocking_pids(pid) FROM pg_locks WHERE pid = %s AND NOT granted", [pid])
        return [(kind, sorted(blockers)) for kind, blockers in cursor.fetchall()]


def activity() -> list[tuple]:
    """Every other backend on this database, for a failure's message."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, wait_event_type, left(query, 120) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchall()


def lock_wait_bounded() -> None:
    """This thread's connection fails a lock wait rather than hang the test."""
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '5s'")


def in_thread(work, *, holding: threading.Event | None = None, release: threading.Event | None = None):
    """`work` run in a thread of its own connection; with `holding`/`release`, inside a transaction held open
    after it (set `holding`) until `release` is set. Its result, or its error, lands in the returned list."""
    out: list = []

    def run() -> None:
        try:
            lock_wait_bounded()
            if holding is None or release is None:
                out.append(work())
                return
            with transaction.atomic():
                out.append(work())
                holding.set()
                release.wait(timeout=30)
        except Exception as error:  # the assertion on `out` reports it
            out.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def unexplained(rubric) -> list[str]:
    return list(Standing.objects.filter(rubric=rubric, explained=False).values_list("unit__code", flat=True))


def test_the_explanation_pass_passes_by_a_held_entrant_and_writes_it_once_its_holder_commits(services_up):
    rubric = ContestPeriod.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)
    held = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    db = connection.settings_dict
    other = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    try:
        with other.cursor() as cursor:  # a mark or a recompute in the middle of writing it
            cursor.execute("SELECT id FROM scoring_provinceresult WHERE id = %s FOR NO KEY UPDATE", [held.pk])
        thread, written = in_thread(lambda: explanations_build(rubric_id=rubric.pk))
        wait_for(lambda: unexplained(rubric) == ["TH-50"])  # the others written without waiting for it
    finally:
        other.rollback()
        other.close()
    thread.join(timeout=30)
    assert written == [76]
    assert unexplained(rubric) == []


def rounds_stale(rubric) -> list[str]:
    stale = Standing.objects.filter(rubric=rubric, change_seq__gt=F("rounds_seq"))
    return list(stale.values_list("unit__code", flat=True))


def test_the_explanation_pass_beside_a_rounds_count_holding_an_entrant_writes_every_text(services_up):
    rubric = ContestPeriod.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rounds_keep(rubric_id=rubric.pk)
    Standing.objects.filter(rubric=rubric, unit__code="TH-50").update(rounds_seq=F("change_seq") - 1)
    holding, release = threading.Event(), threading.Event()
    counter, counted = in_thread(lambda: rounds_keep(rubric_id=rubric.pk), holding=holding, release=release)
    try:
        assert holding.wait(timeout=30)  # the count has marked TH-50 and holds it until it commits
        explainer, written = in_thread(lambda: explanations_build(rubric_id=rubric.pk))
        wait_for(lambda: unexplained(rubric) == ["TH-50"])
    finally:
        release.set()
    counter.join(timeout=30)
    explainer.join(timeout=30)
    assert (counted, written) == ([1], [76])
    assert (unexplained(rubric), rounds_stale(rubric)) == ([], [])


def count_pausing() -> bool:
    """A rounds' count between two tries of its marks (`schedule.kept._marked`), in its transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND state = 'idle in transaction' AND query LIKE 'UPDATE %% SET rounds_seq = %%'"
        )
        return cursor.fetchone()[0] == 1


def test_a_rounds_count_beside_a_part_of_the_texts_holding_every_entrant_marks_them_all(services_up):
    rubric = ContestPeriod.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)
    results_mark_dirty(rubric_id=rubric.pk)
    standings_recompute(rubric_id=rubric.pk)  # every entrant's rounds stale, its text to be built
    holding, release = threading.Event(), threading.Event()
    explainer, written = in_thread(lambda: explanations_build(rubric_id=rubric.pk), holding=holding, release=release)
    try:
        assert holding.wait(timeout=30)  # the texts written, every row held until they commit
        counter, counted = in_thread(lambda: rounds_keep(rubric_id=rubric.pk))
        wait_for(count_pausing)  # it passed them by, and marks them again once they commit
    finally:
        release.set()
    explainer.join(timeout=30)
    counter.join(timeout=30)
    assert (written, counted) == ([76], [76])
    assert (unexplained(rubric), rounds_stale(rubric)) == ([], [])


def test_a_rounds_count_waits_for_a_deadline_move_before_it_holds_an_entrant(services_up):
    rubric = ContestPeriod.objects.get(year=2566)
    demo.demo_facts(rubric=rubric)  # with the criteria's deadlines: rounds to count
    standings_recompute(rubric_id=rubric.pk, full=True)
    EntrantRounds.objects.filter(rubric=rubric).delete()  # never counted: the count writes every entrant's rows
    RoundsKept.objects.filter(rubric=rubric).delete()
    db = connection.settings_dict
    move = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    try:
        with move.cursor() as cursor:  # a deadline move holds its criterion (rubrics.timetable), then marks
            cursor.execute("SELECT id FROM scoring_criterion WHERE rubric_id = %s FOR UPDATE", [rubric.pk])
            counter, counted = in_thread(lambda: rounds_keep(rubric_id=rubric.pk))
            wait_for(lambda: blocked_on(move.get_backend_pid()) != [])
            cursor.execute("SET lock_timeout = '5s'")  # held by the count, an entrant would fail the move here
            cursor.execute(
                "UPDATE scoring_provinceresult SET change_seq = change_seq + 1 WHERE rubric_id = %s", [rubric.pk]
            )
            assert cursor.rowcount == 76
        move.commit()
    finally:
        move.close()
    counter.join(timeout=30)
    assert counted == [76]
