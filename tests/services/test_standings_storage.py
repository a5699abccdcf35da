"""How PostgreSQL stores the standings: re-ranking rows that carry their explanations (2-3 KB once the pass after
a recompute has built them) updates them in place on their pages (HOT updates, no index touched), because half of
each page is kept free for their new versions (scoring migration 0033)."""

import random
import string

import pytest
from django.db import connection, transaction
from django.db.models import F

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


def test_standings_with_their_explanations_built_are_re_ranked_in_place_on_their_pages(
    reloaded, transactional_db, rubric
):
    if connection.vendor != "postgresql":
        pytest.fail(f"this test needs DATABASE_URL=postgres://… (got {connection.vendor}); run `make test-services`")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [Standing._meta.db_table])
        assert cursor.fetchone()[0] == ["fillfactor=50"]
    # Built explanations as large as a village's (1.2 KB stored, compressed, of 3 KB of text): random letters,
    # which PostgreSQL's compression leaves as they are.
    rng = random.Random(33)
    rows = list(Standing.objects.filter(rubric=rubric))
    for row in rows:
        row.explanations = {"1.1": {"th": "".join(rng.choices(string.ascii_letters, k=1400)), "en": ""}}
    Standing.objects.bulk_update(rows, ["explanations"])
    with connection.cursor() as cursor:  # the table rewritten, each page filled up to its fillfactor, whatever
        cursor.execute(f"VACUUM FULL {Standing._meta.db_table}")  # the tests before this one left in it
    with transaction.atomic():  # the counts are this transaction's; rolled back, as every test's writes are
        before = _hot_updates()
        moved = Standing.objects.filter(rubric=rubric).update(rank=F("rank") + 1)  # what scoring.shift writes
        updated, in_place = (a - b for a, b in zip(_hot_updates(), before, strict=True))
        transaction.set_rollback(True)
    assert (moved, updated, in_place) == (76, 76, 76)
