from celery import shared_task

from . import services
from .models import ProvinceResult


@shared_task(name="scoring.recompute", acks_late=True)
def recompute(rubric_id: int) -> int:
    """Idempotent: rescoring finds nothing stale the second time and does nothing."""
    return services.standings_recompute(rubric_id=rubric_id)


@shared_task(name="scoring.recompute_dirty")
def recompute_dirty() -> list[int]:
    """Beat job: re-queues every year with stale results (heals after a broker or worker outage)."""
    from django.db.models import F

    rubric_ids = sorted(
        set(ProvinceResult.objects.filter(change_seq__gt=F("computed_seq")).values_list("rubric_id", flat=True))
    )
    for rubric_id in rubric_ids:
        recompute.delay(rubric_id)
    return rubric_ids
