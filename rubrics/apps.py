from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RubricsConfig(AppConfig):
    name = "rubrics"
    verbose_name = _("Rubrics")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these declares the acts
        from rubrics import permissions  # noqa: F401  (inline: see above)
