from django.apps import AppConfig

from core.i18n import _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core import checks

        from core.migration_ops import replaced_chains_finished

        checks.register(replaced_chains_finished, checks.Tags.database)
