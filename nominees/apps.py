from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NomineesConfig(AppConfig):
    name = "nominees"
    verbose_name = _("Nominees")

    def ready(self) -> None:
        from nominees import permissions  # noqa: F401  (inline: ready() runs once the models are loaded; registers the acts)
