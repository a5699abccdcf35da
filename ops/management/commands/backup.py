from pathlib import Path
from typing import cast

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from ops import services
from ops.backup import SnapshotError


class Command(TranslatedCommand):
    help = cast(
        str,
        _(
            "back up the database, evidence files and documents. DIR: the snapshot "
            "folder; or --into ROOT --keep N for dated snapshots keeping the N "
            "newest"
        ),
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", nargs="?", help="the snapshot folder (must not exist or be empty)")
        parser.add_argument("--into", help="a folder of dated snapshots (cdd4-YYYYmmdd-HHMMSS)")
        parser.add_argument("--keep", type=int, default=14, help="with --into: how many snapshots to keep")

    def handle(self, *args, dir, into, keep, **options):
        if (dir is None) == (into is None):
            raise CommandError(_("give either DIR or --into"))
        target = Path(dir) if dir else Path(into) / timezone.now().strftime("cdd4-%Y%m%d-%H%M%S")
        try:
            snapshot = services.backup_create(target=target, keep=keep if into else None)
        except SnapshotError as exc:
            raise CommandError(str(exc)) from exc
        written = _("snapshot written: %(path)s (%(files)s files, %(size)s bytes)")
        self.stdout.write(written % {"path": snapshot.path, "files": snapshot.files, "size": snapshot.size})
        for path in snapshot.missing:
            self.stderr.write(_("a file the database names is missing: %(path)s") % {"path": path})
