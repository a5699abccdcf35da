"""`bootstrap` is an ops command: its demo spans scoring and committee, which only the top app may import."""

import io

from django.contrib.auth.models import User
from django.core.management import call_command

from committee.models import Judgment
from scoring import services, snapshots
from scoring.models import Criterion, Fact, Province, ProvinceResult, Rubric, StandingsSnapshot
from submissions.models import Evidence


def test_bootstrap_twice_changes_nothing(db):  # the test database was bootstrapped once already
    call_command("bootstrap", "--no-units", stdout=io.StringIO())  # the units: tests/scoring/test_units_real.py
    assert (Province.objects.count(), Rubric.objects.count(), Criterion.objects.count()) == (76, 1, 18)
    assert ProvinceResult.objects.count() == 76


def test_demo_starts_again_on_a_frozen_then_published_year(db, settings, tmp_path):
    """Issue #26: once central staff froze the year, `make run` stopped at "ผลปี 2566 ตรึงไว้แล้ว"."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("bootstrap", "--no-units", demo=True, stdout=io.StringIO())
    rubric = Rubric.objects.get(year=2566)
    services.standings_recompute(rubric_id=rubric.pk, full=True)  # what on_commit would have run
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
        assert "เกณฑ์ 2566.json: ผลปี 2566 ตรึงไว้แล้ว ใช้เกณฑ์เดิม / 2566 results frozen: rubric kept" in out.getvalue()
        assert "ข้อมูลตัวอย่าง 2566: ผลปี 2566 ตรึงไว้แล้ว คงข้อมูลเดิม / 2566 results frozen: data kept" in out.getvalue()
        frozen_at = StandingsSnapshot.objects.get(rubric=rubric).frozen_at.isoformat()
        snapshots.publication_publish(user=central, rubric=rubric, confirmed=True, previewed_frozen_at=frozen_at)
    assert len(before[1]) > 80 and len(before[2]) > 0
