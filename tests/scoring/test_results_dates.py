"""The published results say when, in B.E., never as "published 2026-11-23"."""

import pytest

from scoring import snapshots
from scoring.recompute import standings_recompute

pytestmark = pytest.mark.django_db


def test_results_page_shows_the_publication_date_in_buddhist_era(client, rubric, central_user, clock):
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen = snapshots.standings_freeze(user=central_user, rubric=rubric)
    clock(2026, 11, 23, 14, 5)  # after freezing: the preview names the frozen moment as it was stored
    snapshots.publication_publish(
        user=central_user, rubric=rubric, confirmed=True, previewed_frozen_at=frozen.frozen_at.isoformat()
    )
    html = client.get("/standings/2566/results/").content.decode()
    assert "ประกาศเมื่อ ๒๓ พฤศจิกายน ๒๕๖๙ ๑๔:๐๕ น.</p>" in html
