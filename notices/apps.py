from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notices"
    verbose_name = _("Notices")

    def ready(self) -> None:
        from . import tasks  # noqa: F401  (inline: registers the Celery tasks once the models are loaded)
