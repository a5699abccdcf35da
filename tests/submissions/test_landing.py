"""A visitor who is not signed in meets, at `/`, what the portal is, the announced results and the documents'
check, not the login page alone."""

import pytest

from scoring import snapshots
from scoring.recompute import standings_recompute

pytestmark = pytest.mark.django_db


def test_a_visitor_lands_on_the_announced_results_not_the_login_page(client, rubric, central_user):
    body = client.get("/").content.decode()
    assert 'id="sign-in"' in body and 'href="/accounts/login/"' in body
    assert "ยังไม่มีผลการประกวดที่ประกาศ" in body and 'href="/verify/"' in body
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen = snapshots.standings_freeze(user=central_user, rubric=rubric)
    snapshots.publication_publish(
        user=central_user, rubric=rubric, confirmed=True, previewed_frozen_at=frozen.frozen_at.isoformat()
    )
    published = client.get("/").content.decode()
    assert '<a href="/standings/2566/results/">โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖</a>' in published
    assert "ยังไม่มีผลการประกวดที่ประกาศ" not in published
    results = client.get("/standings/2566/results/")
    assert results.status_code == 200 and 'href="/"' in results.content.decode()  # its home is this page


def test_the_landing_page_costs_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/").status_code == 200
