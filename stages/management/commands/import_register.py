from pathlib import Path
from typing import cast

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from core.management.base import TranslatedCommand
from stages.data import register_import


class Command(TranslatedCommand):
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
        imported = _("imported %(rows)s rows from “%(name)s” (sha256 %(sha)s)")
        self.stdout.write(imported % {"rows": made.rows, "name": made.name_th, "sha": made.sha256[:12]})
