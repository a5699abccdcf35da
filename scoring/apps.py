from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = _("Scoring")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from scoring import exporters, permissions, tasks  # noqa: F401  (inline: see above)
