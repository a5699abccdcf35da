from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NomineesConfig(AppConfig):
    name = "nominees"
    verbose_name = _("Nominees")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from nominees import eligibility, permissions, selectors  # noqa: F401  (inline: see above; permissions registers the acts)
        from rubrics.hooks import contest_block_problems  # inline: see above
        from schedule.hooks import nominated_sources  # inline: see above
        from scoring.hooks import named_people  # inline: see above

        # The schedule never imports nominees: a nominee meets the criteria it answers through here.
        nominated_sources.register(selectors.active_nominees)
        # Nor does scoring: the results name a contest's nominees beside their offices through here.
        named_people.register(selectors.nominees_by_unit)
        # Nor do the rubrics: a rubric file's nominee rules are checked here.
        contest_block_problems.register(eligibility.block_problems)
