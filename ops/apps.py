from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from . import exporters, metrics, permissions  # noqa: F401  (inline: see above)
