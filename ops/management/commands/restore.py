from typing import cast

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from ops.backup import SnapshotError
from ops.restore import restore_run


class Command(TranslatedCommand):
    help = cast(
        str,
        _(
            "restore a snapshot into an EMPTY database and media folder; a damaged "
            "or partial snapshot is refused before anything is written"
        ),
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", help="a snapshot folder written by `manage.py backup`")

    def handle(self, *args, dir, **options):
        try:
            manifest = restore_run(source=dir)
        except SnapshotError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        restored = _("restored: %(files)s files, %(rows)s rows (the snapshot of %(at)s)")
        self.stdout.write(restored % {"files": len(manifest["files"]), "rows": rows, "at": manifest["created_at"]})
