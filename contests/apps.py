from django.apps import AppConfig

from core.labels import bi


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = bi("การประกวด", "Contests")

    def ready(self) -> None:
        from contests import permissions  # noqa: F401  (inline: ready() runs once the models are loaded; registers the rules)
