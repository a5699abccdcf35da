from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "scoring"
    verbose_name = _("Scoring")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from contests.hooks import results_stale  # inline: see above
        from rubrics import hooks as rubrics_hooks  # inline: see above
        from scoring import exporters, lifecycle, permissions, recompute, tasks  # noqa: F401  (inline: see above)
        from scoring.facts import imports  # inline: see above

        # The packages below scoring never import it: what they change makes the results stale through here.
        results_stale.register(recompute.results_mark_dirty)
        # A change of a contest's rules keeps the results' rows and facts, and is refused once they are frozen.
        rubrics_hooks.results_ensure.register(recompute.results_ensure)
        rubrics_hooks.facts_unread_blank.register(imports.facts_unread_blank)
        rubrics_hooks.ensure_changeable.register(lifecycle.ensure_changeable)
        rubrics_hooks.ensure_opens.register(lifecycle.ensure_opens)
