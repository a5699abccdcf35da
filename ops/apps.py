from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "การดูแลระบบ / Operations"

    def ready(self) -> None:
        from . import metrics, permissions  # noqa: F401  (signal receivers and rules)
