"""The paged standings of a large contest (75,000 villages): each page in the whole ranking's order (rank, then
code) found without sorting the whole table, and the counts over every entrant kept until anything changes."""

import random
from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import F

from rubrics.selectors import work_calendar
from rulebook import engine
from schedule import dashboard
from scoring import entrant_counts
from scoring import pages as paging
from scoring.models import Standing
from scoring.recompute import standings_rerank

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked(rubric):
    """The 76 entrants on few totals (many ties), ranked."""
    rng = random.Random(64)
    rows = list(Standing.objects.filter(rubric=rubric))
    for row in rows:
        row.total = Decimal(rng.choice((0, 5, 5, 10, 12, 20)))
        row.rank_key = engine.rank_key(row.total, {}, ())
    Standing.objects.bulk_update(rows, ["total", "rank_key"])
    with transaction.atomic():
        standings_rerank(rubric_id=rubric.pk)
    return rubric


def page(rubric, number: int) -> list[tuple]:
    ctx = dashboard.dashboard(rubric, today=date(2023, 6, 27), calendar=work_calendar(), page=number)
    return [(row["r"].rank, row["r"].unit.code) for row in ctx["rows"]]


def test_pages_hold_every_entrant_once_in_rank_then_code_order(ranked, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 7)  # pages that begin and end inside ties
    pages = [page(ranked, n) for n in range(1, 12)]
    whole = sorted(Standing.objects.filter(rubric=ranked).values_list("rank", "unit__code"))
    assert [row for p in pages for row in p] == whole
    assert [len(p) for p in pages] == [7] * 10 + [6]  # 76 = 10 × 7 + 6
    assert page(ranked, 12) == pages[-1]  # past the last page: the last
    assert len({rank for rank, _ in whole}) < 10  # ties on every page


def test_a_large_contests_counts_are_kept_until_an_entrant_is_marked(ranked, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(entrant_counts, "KEPT_FROM", 50)
    tiers, dimensions = list(ranked.award_tiers.all()), list(ranked.dimensions.all())
    counted = entrant_counts.summary(ranked, tiers, dimensions)
    with django_assert_num_queries(1):  # the stale entrants' marks alone
        assert entrant_counts.summary(ranked, tiers, dimensions) is counted
    Standing.objects.filter(rubric=ranked, unit__code="TH-50").update(change_seq=F("change_seq") + 1)
    with django_assert_num_queries(3):  # the marks, every count again, the marks it is kept under
        again = entrant_counts.summary(ranked, tiers, dimensions)
    assert (again.entrants, again.stale, counted.stale) == (76, 1, 0)
    with django_assert_num_queries(1):
        assert entrant_counts.summary(ranked, tiers, dimensions) is again


def test_pages_hold_a_tie_decided_in_order_across_their_boundary(ranked, monkeypatch):
    """A tie at an award line settled in order (scoring.ties): one rank key, each entrant its own rank, in
    no order of codes. The pages still follow the ranks."""
    monkeypatch.setattr(paging, "PAGE_SIZE", 7)
    rows = list(Standing.objects.filter(rubric=ranked).order_by("-rank_key", "unit__code"))
    top, rest = rows[:12], rows[12:]
    key = engine.rank_key(Decimal(99), {}, ())  # above every other entrant's
    for rank, row in enumerate(random.Random(5).sample(top, len(top)), 1):  # ranks 1–12: pages 1 and 2 split them
        Standing.objects.filter(pk=row.pk).update(rank_key=key, rank=rank, tied=True)
    for row in rest:  # the rest below them, each counting those above it
        above = 12 + sum(other.rank_key > row.rank_key for other in rest)
        Standing.objects.filter(pk=row.pk).update(rank=above + 1)
    pages = [page(ranked, n) for n in range(1, 3)]
    whole = sorted(Standing.objects.filter(rubric=ranked).values_list("rank", "unit__code"))
    assert [row for p in pages for row in p] == whole[:14]
    assert [rank for rank, _ in pages[0]] == [1, 2, 3, 4, 5, 6, 7]


def test_a_large_contests_page_bounds_are_kept_with_its_counts_and_read_again_once_it_is_ranked_again(
    ranked, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(entrant_counts, "KEPT_FROM", 50)
    monkeypatch.setattr(paging, "PAGE_SIZE", 7)
    whole = sorted(Standing.objects.filter(rubric=ranked).values_list("rank", "unit__code"))
    first = [page(ranked, n) for n in range(1, 12)]  # the bounds read with the first page, then kept
    assert [row for p in first for row in p] == whole
    assert [len(p) for p in first] == [7] * 10 + [6]
    calendar = work_calendar()
    for number in (5, 11):  # the kept counts' marks, the page's rows, the rest of the dashboard: no walk to the page
        with django_assert_num_queries(10) as done:  # the rounds owed now are the page's, not the partial's
            dashboard.dashboard(ranked, today=date(2023, 6, 27), calendar=calendar, page=number)
        assert not [q["sql"] for q in done.captured_queries if "OFFSET" in q["sql"]]

    bottom = Standing.objects.filter(rubric=ranked).order_by("rank_key", "unit__code").first()
    Standing.objects.filter(pk=bottom.pk).update(rank_key=engine.rank_key(Decimal(99), {}, ()))
    with transaction.atomic():
        standings_rerank(rubric_id=ranked.pk)
    ranked.refresh_from_db()  # its standings_computed_at: the kept counts and bounds are read again
    again = [page(ranked, n) for n in range(1, 12)]
    assert again[0][0] == (1, bottom.unit.code)
    assert [row for p in again for row in p] == sorted(
        Standing.objects.filter(rubric=ranked).values_list("rank", "unit__code")
    )
    monkeypatch.setattr(entrant_counts, "KEPT_FROM", 77)  # a contest below it walks to its page each time
    assert paging.page_bounds(ranked, entrant_counts.summary(ranked, [], [])) is None
