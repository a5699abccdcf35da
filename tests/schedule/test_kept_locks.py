"""The rounds' count and a recompute write the same standings' rows: the count never waits on a row a recompute
holds (it passes it by, and that entrant stays stale until the next count), so neither holds the other up."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.db.models import F

from schedule.kept import rounds_keep
from scoring.models import Standing

pytestmark = pytest.mark.pg


def test_a_count_passes_by_a_standing_a_recompute_holds_and_counts_it_next_time(reloaded, transactional_db, rubric):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite writes one transaction at a time")
    rounds_keep(rubric_id=rubric.pk)
    held = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    Standing.objects.filter(rubric=rubric, unit__code__in=["TH-50", "TH-83"]).update(change_seq=F("change_seq") + 1)
    locked, release = threading.Event(), threading.Event()

    def recompute_holding_the_row() -> None:  # as a recompute's UPDATE of ranks holds it until its commit
        try:
            with transaction.atomic():
                Standing.objects.select_for_update().filter(pk=held.pk).update(rank=F("rank"))
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    holder = threading.Thread(target=recompute_holding_the_row)
    holder.start()
    try:
        assert locked.wait(10)
        assert rounds_keep(rubric_id=rubric.pk) == 2  # both counted, without waiting on the held row
        stale = set(
            Standing.objects.filter(rubric=rubric, change_seq__gt=F("rounds_seq")).values_list("unit__code", flat=True)
        )
        assert stale == {"TH-50"}
    finally:
        release.set()
        holder.join(10)
    assert rounds_keep(rubric_id=rubric.pk) == 1
    assert not Standing.objects.filter(rubric=rubric, change_seq__gt=F("rounds_seq")).exists()
