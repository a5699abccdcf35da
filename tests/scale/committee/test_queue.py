"""What the committee's queue costs at N and 10 × N entrants (tests/scale/cost.py): a member's home, the scoring
matrix (filtered by name or by status, and the chair's with every judge's progress) and the next cell to score."""

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from committee.models import Judgment
from people.models import Role
from rubrics.models import Criterion
from rubrics.selectors import rubric_spec
from tests.factories import UserFactory
from tests.scale.contest import on_the_day, scaled_contest, tenfold
from tests.scale.cost import assert_page_scales, assert_same_cost, measure


@pytest.fixture
def scaled(db, monkeypatch):
    """A village contest of N entrants, to grow tenfold (tests/scale/contest.py)."""
    on_the_day(monkeypatch)
    return scaled_contest(kept=True)


@pytest.mark.pg  # queries counted
def test_a_member_s_home_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    assert_page_scales(client, scaled, reverse("submissions:home"), UserFactory(role=Role.COMMITTEE))


@pytest.mark.pg
def test_the_scoring_matrix_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    url = reverse("admin:committee_matrix") + f"?year={scaled.key}"
    assert_page_scales(client, scaled, url, UserFactory(role=Role.COMMITTEE))


@pytest.mark.pg
def test_the_next_cell_to_score_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    url = reverse("admin:committee_next") + f"?year={scaled.key}"
    assert_page_scales(client, scaled, url, UserFactory(role=Role.COMMITTEE), status=302)


@pytest.mark.pg
@pytest.mark.parametrize("filtered", [{"province": "บ้านขยาย"}, {"status": "todo"}], ids=["by name", "by status"])
def test_the_scoring_matrix_filtered_costs_the_same_at_n_and_10_n_entrants(client, scaled, filtered):
    """Every entrant matches (each village's name holds "บ้านขยาย"; each sent evidence no one scored): a page of
    them is shown at either size."""
    url = reverse("admin:committee_matrix") + "?" + urlencode({"year": scaled.key, **filtered})
    assert_page_scales(client, scaled, url, UserFactory(role=Role.COMMITTEE))


def _judged(scaled, members: list, since: int = 0) -> None:
    """Each member's score of every entrant's first judged criterion from entrant `since` on, the two apart on
    every other entrant's: every judge has progress to show, and the chair disagreements to settle."""
    rubric = scaled.rubric
    code = next(c.code for c in rubric_spec(rubric).criteria() if c.rule.committee_judges)
    criterion = Criterion.objects.get(rubric=rubric, code=code)
    Judgment.objects.bulk_create(
        Judgment(rubric=rubric, unit_id=unit, criterion=criterion, member=member, points=j * (i % 2))
        for i, unit in enumerate(scaled.units[since:], start=since)
        for j, member in enumerate(members)
    )


@pytest.mark.pg
def test_the_chair_s_matrix_with_every_judge_s_progress_costs_the_same_at_n_and_10_n_entrants(client, scaled):
    members = [UserFactory(role=Role.COMMITTEE) for _ in range(2)]
    _judged(scaled, members)
    client.force_login(UserFactory(role=Role.CHAIR))
    url = reverse("admin:committee_matrix") + f"?year={scaled.key}"
    small = measure(client, url)
    n = tenfold(scaled)
    _judged(scaled, members, since=n)
    assert_same_cost(url, n, small, measure(client, url))
