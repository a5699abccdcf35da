from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = _("Schedule")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from scoring.hooks import entrants_left, recomputed  # inline: see above

        from . import kept, permissions, tasks  # noqa: F401  (inline: see above; permissions registers the acts)

        # Scoring never imports the schedule: after each recompute the rounds kept are counted again, and the sums
        # that still count entrants no longer entered are counted again, through here.
        recomputed.register(tasks.rounds_keep_queue)
        entrants_left.register(kept.windows_forget)
