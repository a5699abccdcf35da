from django.apps import AppConfig

from core.labels import bi


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = bi("การดูแลระบบ", "Operations")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from . import exporters, metrics, permissions  # noqa: F401  (inline: see above)
