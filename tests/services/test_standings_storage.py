"""How PostgreSQL stores the standings: a standing's explanations (9 KB of text for a village once the pass after a
recompute has built them) live out of its row (scoring migration 0034), and re-ranking the rows updates them in
place on their pages (HOT updates, no index touched), because half of each page is kept free for their new
versions (0033)."""

import random

import pytest
from django.db import connection, transaction
from django.db.models import F

from core.bulk import pg_array
from scoring.explanations import _texts_write
from scoring.models import Standing

pytestmark = pytest.mark.service


def _hot_updates() -> tuple[int, int]:
    """(rows updated, of them in place) in the standings table by this transaction so far."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = %s",
            [Standing._meta.db_table],
        )
        return cursor.fetchone()


def toast_table() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltoastrelid::regclass FROM pg_class WHERE relname = %s", [Standing._meta.db_table])
        return cursor.fetchone()[0]


def test_standings_keep_their_explanations_out_of_their_rows_and_are_re_ranked_in_place_on_their_pages(
    reloaded, transactional_db, rubric
):
    if connection.vendor != "postgresql":
        pytest.fail(f"this test needs DATABASE_URL=postgres://… (got {connection.vendor}); run `make test-services`")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [Standing._meta.db_table])
        assert cursor.fetchone()[0] == ["fillfactor=50", "toast_tuple_target=512"]
    # Built explanations like a bench village's (bench/contest.py): 1,800 characters of Thai in lines that differ
    # in their figures, 5 KB that the pass's lz4 compresses to about 1 KB, which PostgreSQL keeps in the row (under
    # 2 KB with it) unless the value reaches the row uncompressed.
    rng = random.Random(33)
    rows = list(Standing.objects.filter(rubric=rubric))
    Standing.objects.filter(rubric=rubric).update(computed_seq=F("change_seq"))  # as a recompute leaves them
    built = []
    for row in rows:
        lines = [f"ตัวชี้วัด {i}.{rng.randint(1, 9)}: ทำได้ {rng.randint(0, 999)} จาก {rng.randint(1, 999)} รายการ"
                 f" ร้อยละ {rng.randint(0, 100)} ได้ {rng.randint(0, 5)} คะแนน" for i in range(35)]  # fmt: skip
        built.append((row.pk, row.change_seq, {"1.1": {"th": "\n".join(lines), "en": ""}}))
    assert _texts_write(built) == (76, [])  # as the explanation pass writes them, over rows without texts
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT avg(octet_length(explanations::text)), avg(pg_column_size(explanations)),"
            f" (SELECT count(DISTINCT chunk_id) FROM {toast_table()}) FROM {Standing._meta.db_table}"
        )
        text, stored, out_of_line = cursor.fetchone()
    assert 4500 < text < 5500 and stored < 1500 and out_of_line == len(rows) == 76
    with connection.cursor() as cursor:  # the table rewritten, each page filled up to its fillfactor, whatever
        cursor.execute(f"VACUUM FULL {Standing._meta.db_table}")  # the tests before this one left in it
    with transaction.atomic():  # the counts are this transaction's; rolled back, as every test's writes are
        before = _hot_updates()
        moved = Standing.objects.filter(rubric=rubric).update(rank=F("rank") + 1)  # what scoring.shift writes
        updated, in_place = (a - b for a, b in zip(_hot_updates(), before, strict=True))
        transaction.set_rollback(True)
    assert (moved, updated, in_place) == (76, 76, 76)


def test_the_standings_have_only_the_indexes_their_reads_need(db):
    """Each index is written again whenever a row is (a full recompute rewrites every row): none on the unit or
    the year alone, which every read names together (scoring.models.standings)."""
    if connection.vendor != "postgresql":
        pytest.fail(f"this test needs DATABASE_URL=postgres://… (got {connection.vendor}); run `make test-services`")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [Standing._meta.db_table])
        names = sorted(name for (name,) in cursor.fetchall())
    assert names == [
        "result_rank_key", "result_rounds_stale", "result_stale", "result_unique", "scoring_provinceresult_pkey",
    ]  # fmt: skip


def test_a_list_sent_as_one_array_literal_reads_back_as_sent(db):
    if connection.vendor != "postgresql":
        pytest.fail(f"this test needs DATABASE_URL=postgres://… (got {connection.vendor}); run `make test-services`")
    ids, flags = [1, 75_000, 9_007_199_254_740_993], [True, False, True]
    words = ["", "gold", 'say "hi"', "back\\slash", "a,b", "{x}", " spaced ", "รางวัลชมเชย", "NULL"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT %s::bigint[], %s::boolean[], %s::varchar[]", [pg_array(ids), pg_array(flags), pg_array(words)]
        )
        assert cursor.fetchone() == (ids, flags, words)
