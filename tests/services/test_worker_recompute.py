import pytest

from rubrics.models import ContestPeriod
from scoring import tasks
from scoring.facts.imports import facts_import
from scoring.models import Standing

from .conftest import wait_for

pytestmark = pytest.mark.service


def test_worker_rescores_after_committed_import(worker):
    rubric = ContestPeriod.objects.get(year=2566)
    # Bootstrap queued a full recompute; let the worker finish it first.
    wait_for(lambda: not Standing.objects.filter(rubric=rubric, computed_at__isnull=True).exists())
    facts_import(
        rubric=rubric,
        rows=[
            {"province": "TH-83", "criterion": "3.3", "fact": "computers_total", "value": "100"},
            {"province": "TH-83", "criterion": "3.3", "fact": "computers_with_antivirus", "value": "100"},
        ],
    )
    result = wait_for(
        lambda: Standing.objects.filter(rubric=rubric, unit__code="TH-83", criteria__contains={"3.3": "5"}).first()
    )
    assert (result.rank, result.award, result.computed_seq) == (1, "winner", result.change_seq)


def test_beat_job_heals_results_whose_messages_were_lost(services_up, request):
    """The mark is written with the change; if the broker loses the message, the beat job re-queues it."""
    import redis
    from django.conf import settings

    rubric = ContestPeriod.objects.get(year=2566)
    facts_import(rubric=rubric, rows=[{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}])
    redis.Redis.from_url(settings.REDIS_URL).flushdb()  # every queued recompute is lost
    # The change is not counted (an earlier recompute on this database may have scored TH-50 before it).
    assert Standing.objects.get(rubric=rubric, unit__code="TH-50").criteria.get("1.1") != "5"
    request.getfixturevalue("worker")
    assert tasks.recompute_dirty.apply().get() == [rubric.pk]
    wait_for(
        lambda: Standing.objects.filter(rubric=rubric, unit__code="TH-50", criteria__contains={"1.1": "5"}).exists()
    )
