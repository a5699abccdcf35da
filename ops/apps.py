from importlib import import_module

from celery import current_app
from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from . import exporters, metrics, permissions  # noqa: F401  (inline: see above)

        # Every task the worker runs, known to every process: each app's tasks and CELERY_IMPORTS, as the worker
        # imports them. The embedded default runs the tasks it queues in its web process (eager), where
        # `schedule.rounds_keep`, queued by name after each recompute (scoring.coalesce), was unknown, and the
        # rounds were never kept. Here, in the last app's ready(): every model is loaded.
        tasks = [f"{a.name}.tasks" for a in apps.get_app_configs() if module_has_submodule(a.module, "tasks")]
        for module in [*tasks, *current_app.conf.imports]:
            import_module(module)
