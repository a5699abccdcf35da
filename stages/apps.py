from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StagesConfig(AppConfig):
    name = "stages"
    verbose_name = _("Selection in stages")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from contests.hooks import in_stages  # inline: see above
        from notices.hooks import picks_for  # inline: see above
        from schedule.hooks import person_owed, reminders_owed  # inline: see above

        from . import permissions, picks_owed, rights  # noqa: F401  (inline: see above; permissions registers the acts)

        # The lock (contests) and the notices never import stages: stages answers who picks here.
        in_stages.register(rights.in_stages)
        picks_for.register(rights.picks_for)
        # The schedule never imports stages: the picks and the picked entrants' files are owed through here.
        person_owed.register(picks_owed.person_owed)
        reminders_owed.register(picks_owed.pick_reminders)
