"""Media housekeeping: files that no evidence row names, left by processes that died mid-upload."""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import groupby

from django.utils import timezone

from core import files

from .models import Evidence

logger = logging.getLogger(__name__)


@dataclass
class SweepReport:
    temp_removed: list[str] = field(default_factory=list)
    orphans_removed: list[str] = field(default_factory=list)
    kept_young: int = 0


def media_sweep(*, older_than: timedelta = timedelta(hours=24), now: datetime | None = None, dry_run: bool = False):
    """Removes (a) temp files of uploads whose process was killed, (b) stored files no Evidence row names,
    from the media folder or the object store alike (core.files).

    Only files older than `older_than`: a younger one may belong to an upload still committing. Evidence
    rows are never touched, and a file a row names is never removed.
    """
    cutoff = (now or timezone.now()) - older_than
    report = SweepReport()

    def old(modified: datetime) -> bool:
        if modified < cutoff:
            return True
        report.kept_young += 1
        return False

    temp = [p for p in sorted(files.upload_tmp_dir().glob("*")) if p.is_file()]
    for path in temp:
        if old(datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)):
            report.temp_removed.append(f"tmp/{path.name}")
    # One query per entrant's folder (evidence/<year>/<unit code>/<name>), not one per file; the age of an
    # unnamed file only (in an object store, each is a request).
    for _, group in groupby(files.names_under("evidence"), key=posixpath.dirname):
        names = list(group)
        named = set(Evidence.objects.filter(stored_path__in=names).values_list("stored_path", flat=True))
        report.orphans_removed += [n for n in names if n not in named and old(files.modified(n))]
    if not dry_run:
        for path in temp:
            if f"tmp/{path.name}" in report.temp_removed:
                path.unlink(missing_ok=True)
        for name in report.orphans_removed:
            files.delete(name)
    if report.temp_removed or report.orphans_removed:
        logger.warning(
            "media sweep%s: %d temp files, %d unnamed stored files",
            " (dry run)" if dry_run else "",
            len(report.temp_removed),
            len(report.orphans_removed),
        )
    return report
