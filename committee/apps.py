from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "committee"
    verbose_name = "คณะกรรมการให้คะแนน / committee scoring"

    def ready(self) -> None:
        # inline: these modules import models, which only ready() may do; registering is their side effect
        from scoring.hooks import score_sources
        from submissions.hooks import province_page

        from . import exporters, permissions, selectors  # noqa: F401  (register the exporters and the rules)

        # Scoring and submissions never import committee: committee hands them its results here.
        score_sources.register(selectors.judged_points)
        province_page.register(selectors.province_page_clarifications)
