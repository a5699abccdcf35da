from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "การดูแลระบบ / Operations"

    def ready(self) -> None:
        from . import exporters, metrics, permissions  # noqa: F401  (exporters, signal receivers and rules)
