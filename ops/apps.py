from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them. schedule is a
        # package, not an app: its tasks (the day's reminders, the rounds' count after each recompute) are
        # registered here for every process that queues them or runs them in-process, as the worker's
        # CELERY_IMPORTS registers them for it.
        from schedule import tasks  # noqa: F401  (inline: see above)

        from . import exporters, metrics, permissions  # noqa: F401  (inline: see above)
