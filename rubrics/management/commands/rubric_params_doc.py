from pathlib import Path
from typing import cast

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from rulebook.rules import KINDS
from rulebook.rules.declare import with_table

DOC = Path(settings.BASE_DIR) / "docs" / "rubric-format.md"


class Command(TranslatedCommand):
    help = cast(
        str,
        _("write docs/rubric-format.md's parameter table from the rule kinds' declarations (--check: only compare)"),
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="fail if the document is out of date")

    def handle(self, check=False, **options):
        old = DOC.read_text(encoding="utf-8")
        new = with_table(old, KINDS)
        if new == old:
            self.stdout.write(_("the parameter table is up to date"))
        elif check:
            raise CommandError(_("docs/rubric-format.md's parameter table is stale: run manage.py rubric_params_doc"))
        else:
            DOC.write_text(new, encoding="utf-8")
            self.stdout.write(_("parameter table written"))
