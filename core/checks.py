"""The portal's system checks (Django's checks framework), registered in core/apps.py."""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core import checks
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import get_language, gettext, override

from core.i18n import pick
from core.thai import thai_date

# The last commit that carries the chains each app's `0001_squashed_…` migration replaced: git keeps them there.
# There `CDD4_REPLACED_MIGRATIONS=1 manage.py migrate` finishes a database stopped inside them, and a plain
# `migrate` then records the squashed migrations as applied.
OLD_CHAINS_COMMIT = "98896e80"
OLD_CHAINS_DATE = date(2026, 11, 28)

Key = tuple[str, str]


def stopped_inside_old_chains(recorded: Iterable[Key], on_disk: Iterable[Key], *, alias: str) -> list[checks.Error]:
    """Refuses a database that records migrations of an app's old chain (names no longer on disk) but not the
    squashed migration that replaced them: `migrate` would run the squashed one and make tables that are there
    already. A fresh database records nothing, and one that went through the squashed migrations records them.

    In the active language, Thai where none is (`migrate` turns translation off in its handle)."""
    recorded, on_disk = set(recorded), set(on_disk)
    squashed = {app: name for app, name in on_disk if name.startswith("0001_squashed_")}
    stopped = sorted(
        app
        for app, name in squashed.items()
        if (app, name) not in recorded and any(key[0] == app and key not in on_disk for key in recorded)
    )
    if not stopped:
        return []
    with override(get_language() or settings.LANGUAGE_CODE):
        message = gettext(
            "The database %(alias)s stopped inside the older migrations of %(apps)s: it records them but not the "
            "migration that replaced them."
        ) % {"alias": alias, "apps": ", ".join(stopped)}
        hint = gettext(
            "Migrate it first with the portal as of commit %(commit)s (%(date)s), which still carries the older "
            "migrations: CDD4_REPLACED_MIGRATIONS=1 manage.py migrate finishes them, then manage.py migrate records "
            "the migrations that replaced them; then migrate with this one (docs/operations.md, “Migrations”)."
        ) % {
            "commit": OLD_CHAINS_COMMIT,
            "date": pick(thai_date(OLD_CHAINS_DATE, short=True), OLD_CHAINS_DATE.isoformat()),
        }
    return [checks.Error(message, hint=hint, id="core.E001")]


def old_chains_finished(app_configs=None, databases=None, **kwargs) -> list[checks.Error]:
    """`stopped_inside_old_chains` for each database a command names (the database tag: `migrate` names its
    database; `manage.py check` asks it with `--database`)."""
    errors = []
    for alias in databases or []:
        loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
        errors += stopped_inside_old_chains(loader.applied_migrations, loader.disk_migrations, alias=alias)
    return errors
