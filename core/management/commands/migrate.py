"""`migrate`, which first finishes a chain a squashed migration replaces when the database stopped partway
through it (a deployment of a release before the squash, or one stopped in the middle of an upgrade), then
migrates on as usual. Every caller (compose's migrate job, `make run`, the rehearsal) upgrades with the one plain
command (docs/operations.md, "Squashed migrations")."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management.commands import migrate

from core.migration_ops import replaced_chains_finished, replaced_modules


class Command(migrate.Command):
    def handle(self, *args, **options):
        if replaced_chains_finished(databases=[options["database"]]):
            if options["verbosity"]:
                self.stdout.write("The database stopped partway through a replaced chain: finishing it first.")
            self._finish_replaced_chains(options)
        return super().handle(*args, **options)

    def _finish_replaced_chains(self, options) -> None:
        kept, kept_env = settings.MIGRATION_MODULES, os.environ.get("CDD4_REPLACED_MIGRATIONS")
        settings.MIGRATION_MODULES = replaced_modules()
        os.environ["CDD4_REPLACED_MIGRATIONS"] = "1"  # the check that refuses a partway database stands aside
        try:
            super().handle(**{**options, "app_label": None, "migration_name": None})
        finally:
            settings.MIGRATION_MODULES = kept
            if kept_env is None:
                os.environ.pop("CDD4_REPLACED_MIGRATIONS", None)
            else:
                os.environ["CDD4_REPLACED_MIGRATIONS"] = kept_env
