from typing import cast

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from ops.retention import retention_run


class Command(TranslatedCommand):
    help = cast(
        str,
        _("remove evidence and stage files past the retention period, keeping their rows, audit trail and a tombstone"),
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, do not remove")

    def handle(self, *args, dry_run, **options):
        report = retention_run(dry_run=dry_run)
        for e in report.due:
            s = e.submission
            self.stdout.write(f"{s.rubric.year} {s.unit.code} {s.criterion.code} v{e.version} {e.stored_path} {e.size}")
        for f in report.stage_due:
            self.stdout.write(f"{f.entry.stage.contest.slug} {f.entry.unit.code} {f.requirement.code} {f.file.name}")
        verb = _("would remove") if dry_run else _("removed")
        counted = _("%(verb)s: %(count)s files (kept %(years)s years after the fiscal year)")
        count = len(report.due) + len(report.stage_due)
        self.stdout.write(counted % {"verb": verb, "count": count, "years": settings.CDD4_RETENTION_YEARS})
