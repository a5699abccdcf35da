from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "contests"
    verbose_name = _("Contests")

    def ready(self) -> None:
        from contests import permissions  # noqa: F401  (inline: ready() runs once the models are loaded; registers the rules)
