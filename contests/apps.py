from django.apps import AppConfig


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = "การประกวด / Contests"

    def ready(self) -> None:
        from contests import permissions  # noqa: F401  (inline: ready() runs once the models are loaded; registers the rules)
