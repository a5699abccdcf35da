"""PDPA retention: evidence files, and the files sent for a stage's picks (seed 002's videos of people and
places), are kept CDD4_RETENTION_YEARS fiscal years after their contest ends, then removed. The row (who sent
what, when, its SHA-256) and its audit trail stay, with a tombstone saying when and why the file went."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from core import files
from stages.models import StageUpload
from submissions.models import Evidence, EvidenceKind

from .models import RetentionTombstone

logger = logging.getLogger("cdd4.retention")


def retention_cutoff(today: date) -> date:
    """Contests that ended before this day are past the retention period."""
    years = settings.CDD4_RETENTION_YEARS
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def retention_due(*, today: date) -> QuerySet[Evidence]:
    return (
        Evidence.objects.filter(
            kind=EvidenceKind.FILE, tombstone__isnull=True, submission__rubric__ends_on__lt=retention_cutoff(today)
        )
        .select_related("submission__rubric", "submission__unit", "submission__criterion")
        .order_by("submission__rubric__year", "submission__unit__code", "id")
    )


def stage_files_due(*, today: date) -> QuerySet[StageUpload]:
    """Files sent for picks of stages whose contest ended before the cutoff (its whole-contest rubric's end)."""
    return (
        StageUpload.objects.filter(
            tombstone__isnull=True,
            entry__stage__contest__rubrics__period="",
            entry__stage__contest__rubrics__ends_on__lt=retention_cutoff(today),
        )
        .exclude(file="")
        .select_related("entry__stage__contest", "entry__unit", "requirement")
        .order_by("entry__stage__contest__slug", "entry__unit__code", "id")
    )


@dataclass
class RetentionReport:
    due: list[Evidence] = field(default_factory=list)
    stage_due: list[StageUpload] = field(default_factory=list)
    removed: int = 0
    bytes: int = 0


def retention_run(*, dry_run: bool, today: date | None = None) -> RetentionReport:
    """Lists (dry run) or removes the files past the period; each removal is its own transaction."""
    today = today or timezone.localdate()
    report = RetentionReport(due=list(retention_due(today=today)), stage_due=list(stage_files_due(today=today)))
    if dry_run:
        return report
    reason = f"พ้นระยะเวลาเก็บรักษา {settings.CDD4_RETENTION_YEARS} ปี / past the retention period"
    for evidence in report.due:
        _remove(evidence.stored_path, evidence.sha256, evidence.size, reason, report, evidence=evidence)
    for sent in report.stage_due:
        size = files.size(sent.file.name)
        _remove(sent.file.name, sent.sha256, size, reason, report, stage_upload=sent)
    return report


def _remove(name: str, sha256: str, size: int, reason: str, report: RetentionReport, **of) -> None:
    with transaction.atomic():
        RetentionTombstone.objects.create(removed_at=timezone.now(), sha256=sha256, size=size, reason=reason, **of)
        # Removed only once the tombstone is sure to commit with it; a crash leaves at worst a kept file.
        # A name leading out of the store removes nothing (core.files logs it).
        transaction.on_commit(lambda: files.delete(name))
    report.removed += 1
    report.bytes += size
    logger.info("retention: removed %s (%s)", next(iter(of.values())), name)
