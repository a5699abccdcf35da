"""rubrics.hooks.scores_above_max: the committee's stored scores above their criterion's maximum, so that a
change to a contest that would leave any is refused before it lands (rubrics.revisions)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import F

from .models import ChairFinal, Judgment, Override


def scores_above_max(rubric_ids: Iterable[int]) -> dict[int, int]:
    """criterion id → how many members' judgments, chair's finals and overrides exceed its max_points (3 queries)."""
    ids = list(rubric_ids)
    counts: Counter = Counter()
    for model in (Judgment, ChairFinal, Override):
        above = model.objects.filter(
            rubric_id__in=ids, criterion__archived_at__isnull=True, points__gt=F("criterion__max_points")
        )  # an archived criterion is scored no more
        counts.update(above.values_list("criterion_id", flat=True))
    return dict(counts)
