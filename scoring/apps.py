from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = "การให้คะแนน / Scoring"

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
