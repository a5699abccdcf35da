from django.apps import AppConfig

from core.labels import bi


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = bi("พื้นฐาน", "Core")

    def ready(self) -> None:
        from django.core import checks

        from core.migration_ops import replaced_chains_finished

        checks.register(replaced_chains_finished, checks.Tags.database)
