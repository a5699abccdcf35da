from importlib import import_module

from celery import current_app
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from schedule.hooks import dashboard_prompts  # inline: see above

        from . import contacts, exporters, metrics, permissions  # noqa: F401  (inline: see above)

        # The schedule never imports ops: a contest's dashboard asks for its contacts through here.
        dashboard_prompts.register(contacts.contacts_prompt)

        # The tasks of packages that are not apps (CELERY_IMPORTS: schedule's), known to every process as the
        # worker knows them: the embedded default runs the tasks it queues in its web process (eager), where
        # `schedule.rounds_keep`, queued by name after each recompute (scoring.coalesce), was unknown and the
        # rounds were never kept. Each app's own tasks are imported by its ready() where a web process queues them.
        for module in current_app.conf.imports:
            import_module(module)
