from django.apps import AppConfig

from core.i18n import _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core import checks

        from core.checks import old_chains_finished

        checks.register(old_chains_finished, checks.Tags.database)
