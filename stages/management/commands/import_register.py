from pathlib import Path
from typing import cast

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from stages.data import register_import


class Command(BaseCommand):
    help = cast(str, _("import a register of past models (code,year,level) with its source, all or none"))

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", required=True, help=_("where the register comes from"))
        parser.add_argument("--register", default="model-subdistrict", help=_("register (model-subdistrict)"))

    def handle(self, file, source, register, **options):
        path = Path(file)
        try:
            made = register_import(
                program=register, data=path.read_bytes(), filename=path.name, source_name=source, user=None
            )
        except (OSError, PortalError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"นำเข้า {made.rows} แถว จาก “{made.name_th}” / imported {made.rows} rows (sha256 {made.sha256[:12]})"
        )
