from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StagesConfig(AppConfig):
    name = "stages"
    verbose_name = _("Selection in stages")

    def ready(self) -> None:
        from stages import permissions  # noqa: F401  (inline: ready() runs once the models are loaded; registers the acts)
