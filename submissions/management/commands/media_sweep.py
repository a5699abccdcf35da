from datetime import timedelta
from typing import cast

from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from submissions.maintenance import media_sweep


class Command(TranslatedCommand):
    help = cast(str, _("remove files no evidence row names (dead uploads)"))

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24, help="only files older than this (default 24)")
        parser.add_argument("--dry-run", action="store_true", help="list, do not remove")

    def handle(self, *args, hours, dry_run, **options):
        report = media_sweep(older_than=timedelta(hours=hours), dry_run=dry_run)
        verb = _("would remove") if dry_run else _("removed")
        for path in report.temp_removed + report.orphans_removed:
            self.stdout.write(f"{verb}: {path}")
        counts = {"temp": len(report.temp_removed), "orphans": len(report.orphans_removed), "kept": report.kept_young}
        self.stdout.write(
            str(_("temp files: %(temp)d, unnamed stored files: %(orphans)d, kept as recent: %(kept)d") % counts)
        )
