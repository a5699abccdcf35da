"""`make run` loads the demo again over what central staff did with it since: a year frozen, then published."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from committee.models import Judgment
from rubrics.models import ContestPeriod
from scoring import snapshots
from scoring.models import Fact, StandingsSnapshot
from scoring.recompute import standings_recompute
from submissions.models import Evidence
from tests.demo_world import demo_world  # noqa: F401  (the demo, loaded once per worker)

pytestmark = pytest.mark.usefixtures("demo_world")


def test_demo_starts_again_on_a_frozen_then_published_year(db):
    """`make run` starts again after central staff froze the year, never stopping at "ผลปี 2566 ตรึงไว้แล้ว"."""
    rubric = ContestPeriod.objects.get(year=2566)
    standings_recompute(rubric_id=rubric.pk, full=True)  # what on_commit would have run
    central = User.objects.get(username="central")
    snapshots.standings_freeze(user=central, rubric=rubric)

    def kept():
        return (
            list(Fact.objects.filter(rubric=rubric).order_by("pk").values_list("pk", "value")),
            list(Evidence.objects.order_by("pk").values_list("pk", "sha256")),
            list(Judgment.objects.order_by("pk").values_list("pk", "points")),
            StandingsSnapshot.objects.get(rubric=rubric).rows,
        )

    before = kept()
    for step in ("frozen", "published"):
        out = io.StringIO()
        call_command("bootstrap", "--no-units", demo=True, stdout=out)  # raised CommandError before the fix
        assert kept() == before, step
        assert "เกณฑ์ 2566.json: ผลปี 2566 ตรึงไว้แล้ว ใช้เกณฑ์เดิม" in out.getvalue()
        assert "ข้อมูลตัวอย่าง 2566: ผลปี 2566 ตรึงไว้แล้ว คงข้อมูลเดิม" in out.getvalue()
        frozen_at = StandingsSnapshot.objects.get(rubric=rubric).frozen_at.isoformat()
        snapshots.publication_publish(user=central, rubric=rubric, confirmed=True, previewed_frozen_at=frozen_at)
    assert len(before[1]) == 80 and len(before[2]) > 0
