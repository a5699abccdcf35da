"""The full recompute: points alone, ranked once, explanations built when read or by their pass. What it costs an
entrant at N and 10 × N entrants, and one entrant's change whatever the number of others, is
tests/scale/scoring/test_services_recompute.py's."""

import pytest
from django.db.models import F

from rubrics.selectors import _CALENDARS, _CODES, _SPECS
from scoring import demo, explanations, recompute
from scoring.explanations import explanations_build
from scoring.facts.imports import facts_import
from scoring.models import Standing
from scoring.recompute import standings_recompute
from scoring.standings import standings_rows

from .test_services_standings import rows_for_total

STANDING = ("unit__code", "total", "rank", "tied", "award", "award_tie", "level", "dimensions", "criteria")


def standings(rubric) -> dict[str, tuple]:
    rows = Standing.objects.filter(rubric=rubric).values_list(*STANDING)
    return {code: tuple(rest) for code, *rest in rows}


def marks(rubric) -> set[tuple[int, int]]:
    return set(Standing.objects.filter(rubric=rubric).values_list("computed_seq", "change_seq"))


def test_full_recompute_counts_at_most_20_queries_cold(rubric, django_assert_max_num_queries):
    demo.demo_facts(rubric=rubric)
    _SPECS.clear()  # cold: the rubric, its criteria and the holidays are read too
    _CALENDARS.clear()
    _CODES.clear()
    with django_assert_max_num_queries(20):
        assert standings_recompute(rubric_id=rubric.pk, full=True) == 76


@pytest.mark.parametrize("part", [10_000, 10])  # explained all at once, or 10 entrants at a time
def test_explanations_read_before_their_pass_are_the_ones_it_stores(rubric, part, monkeypatch):
    monkeypatch.setattr(explanations, "PART", part)
    demo.demo_facts(rubric=rubric)
    facts_import(rubric=rubric, rows=rows_for_total("TH-50", 23))
    standings_recompute(rubric_id=rubric.pk, full=True)
    assert not any(Standing.objects.filter(rubric=rubric).values_list("explained", flat=True))  # none current

    read = standings_rows(rubric)

    assert explanations_build(rubric_id=rubric.pk) == 76
    assert explanations_build(rubric_id=rubric.pk) == 0  # nothing left unbuilt
    stored = standings_rows(rubric)
    assert [r["explanations"] for r in read] == [r["explanations"] for r in stored]
    assert [r["explanations_en"] for r in read] == [r["explanations_en"] for r in stored]
    th50 = next(r for r in stored if r["province"] == "TH-50")
    assert th50["explanations"]["1.3"] == "ผ่านขั้นที่ 1, 2, 3; ขั้นที่ 4 ไม่ผ่าน → 3 คะแนน"


def test_the_pass_shared_in_parts_explains_each_entrant_once(rubric):
    standings_recompute(rubric_id=rubric.pk, full=True)
    (first, low), (second, high) = recompute.chunk_bounds(rubric_id=rubric.pk, chunks=2)
    assert explanations_build(rubric_id=rubric.pk, low=first, high=low) == 38
    assert explanations_build(rubric_id=rubric.pk, low=second, high=high) == 38
    assert explanations_build(rubric_id=rubric.pk) == 0
    assert set(Standing.objects.filter(rubric=rubric).values_list("explained", flat=True)) == {True}


def test_the_pass_leaves_an_entrant_whose_facts_changed_after_its_points(rubric):
    standings_recompute(rubric_id=rubric.pk, full=True)
    Standing.objects.filter(rubric=rubric, unit__code="TH-50").update(change_seq=F("change_seq") + 1)

    assert explanations_build(rubric_id=rubric.pk) == 75

    th50 = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    assert th50.explained is False  # its text waits for its points: the next recompute, then the pass


def test_texts_left_from_before_a_change_are_never_shown_with_the_new_points(rubric):
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    explanations_build(rubric_id=rubric.pk)
    before = Standing.objects.get(rubric=rubric, unit__code="TH-50").explanations

    facts_import(rubric=rubric, rows=rows_for_total("TH-50", 23))
    assert standings_recompute(rubric_id=rubric.pk) == 1

    th50 = Standing.objects.select_related("rubric").get(rubric=rubric, unit__code="TH-50")
    assert (th50.explained, th50.explanations) == (False, before)  # left in place, no longer its points' own
    fresh = explanations.explanations_of(rubric, {th50.unit_id: th50.unit.size_group})[th50.unit_id]
    assert fresh != before
    assert explanations.texts_of(th50) == fresh
    row = next(r for r in standings_rows(rubric) if r["province"] == "TH-50")
    assert row["explanations"] == {code: text["th"] for code, text in fresh.items()}
    assert explanations_build(rubric_id=rubric.pk) == 1
    th50.refresh_from_db()
    assert (th50.explained, th50.explanations) == (True, fresh)


def test_a_full_recompute_scored_part_by_part_equals_one_scored_whole(rubric, monkeypatch):
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    whole = standings(rubric)
    Standing.objects.filter(rubric=rubric).update(total=0, rank=None, dimensions={}, criteria={})
    monkeypatch.setattr(recompute, "PART", 10)  # 76 entrants in 8 parts, each part's facts read alone
    assert standings_recompute(rubric_id=rubric.pk, full=True) == 76
    assert standings(rubric) == whole
    assert len({row[1] for row in whole.values()}) > 10  # totals that differ: parts really mattered
