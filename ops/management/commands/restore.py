from typing import cast

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from ops.backup import SnapshotError
from ops.restore import restore_run


class Command(BaseCommand):
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
        self.stdout.write(
            f"กู้คืนแล้ว / restored: {len(manifest['files'])} ไฟล์ / files, {rows} แถว / rows "
            f"(สำเนาเมื่อ / snapshot of {manifest['created_at']})"
        )
