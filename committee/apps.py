from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committee"
    verbose_name = _("committee scoring")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from rubrics.hooks import scores_above_max  # inline: see above
        from scoring.hooks import admin_entry, nav_extra, score_sources  # inline: see above
        from submissions.hooks import criterion_page, home_todo, unit_page  # inline: see above

        from . import exporters, maxima, permissions, selectors, todo  # noqa: F401  (inline: see above)

        # Scoring and submissions never import committee: committee hands them its results here.
        score_sources.register(selectors.judged_points)
        unit_page.register(selectors.unit_page_clarifications)
        criterion_page.register(selectors.criterion_page_clarifications)
        home_todo.register(todo.judge_todo)
        admin_entry.register(selectors.judges_contests)
        nav_extra.register(selectors.panel_nav)
        scores_above_max.register(maxima.scores_above_max)
