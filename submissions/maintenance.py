"""Media housekeeping: files that no evidence row names, left by processes that died mid-upload."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .models import Evidence

logger = logging.getLogger(__name__)


@dataclass
class SweepReport:
    temp_removed: list[str] = field(default_factory=list)
    orphans_removed: list[str] = field(default_factory=list)
    kept_young: int = 0


def media_sweep(*, older_than: timedelta = timedelta(hours=24), now: datetime | None = None, dry_run: bool = False):
    """Removes (a) temp files of uploads whose process was killed, (b) stored files no Evidence row names.

    Only files older than `older_than`: a younger one may belong to an upload still committing. Evidence
    rows are never touched, and a file a row names is never removed.
    """
    cutoff = (now or timezone.now()).timestamp() - older_than.total_seconds()
    media = Path(settings.MEDIA_ROOT)
    report = SweepReport()

    def old(path: Path) -> bool:
        if path.stat().st_mtime < cutoff:
            return True
        report.kept_young += 1
        return False

    tmp = media / "tmp"
    for path in sorted(tmp.glob("*")) if tmp.is_dir() else []:
        if path.is_file() and old(path):
            report.temp_removed.append(str(path.relative_to(media)))
    # One query per province folder (evidence/<year>/<province>/<name>), not one per file.
    for folder in sorted((media / "evidence").glob("*/*")):
        files = {str(p.relative_to(media)): p for p in folder.iterdir() if p.is_file()}
        named = set(Evidence.objects.filter(stored_path__in=list(files)).values_list("stored_path", flat=True))
        for relative, path in files.items():
            if relative not in named and old(path):
                report.orphans_removed.append(relative)
    if not dry_run:
        for relative in report.temp_removed + report.orphans_removed:
            (media / relative).unlink(missing_ok=True)
    if report.temp_removed or report.orphans_removed:
        logger.warning(
            "media sweep%s: %d temp files, %d unnamed stored files",
            " (dry run)" if dry_run else "",
            len(report.temp_removed),
            len(report.orphans_removed),
        )
    return report
