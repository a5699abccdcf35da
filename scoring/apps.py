from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = _("Scoring")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from contests.hooks import results_stale  # inline: see above
        from scoring import exporters, permissions, recompute, tasks  # noqa: F401  (inline: see above)

        # The packages below scoring never import it: what they change makes the results stale through here.
        results_stale.register(recompute.results_mark_dirty)
