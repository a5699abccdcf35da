from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notices"
    verbose_name = _("Notices")

    def ready(self) -> None:
        # inline: registers the Celery tasks and the acts once the models are loaded
        from . import permissions, tasks  # noqa: F401
