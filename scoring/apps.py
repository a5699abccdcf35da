from django.apps import AppConfig

from core.labels import bi


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = bi("การให้คะแนน", "Scoring")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from scoring import exporters, tasks  # noqa: F401  (inline: see above)
